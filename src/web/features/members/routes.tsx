import { createRoute } from '@tanstack/react-router';
import { appRoute } from '../../app/route-roots.js';
import { MemberHome } from './member-home.js';

// The member's own pages start at /me (their home: card, 7 stages, links); trainings and clinic pages of the
// member live with their features.
const memberHomeRoute = createRoute({ getParentRoute: () => appRoute, path: '/me', component: MemberHome });

export const memberRoutes = [memberHomeRoute] as const;
export const memberPublicRoutes = [] as const;
