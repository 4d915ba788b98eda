import { createRootRoute, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { isApiError } from './api.js';
import { queryClient } from './query-client.js';
import { meQuery } from './session.js';
import { Shell } from './shell.js';
import { ErrorBlock, NotFoundBlock } from './ui/route-states.js';

/**
 * The two parents of every page: the root (public pages: login, self-registration, certificate verification) and
 * the signed-in app. Feature modules hang their routes under these and router.tsx gathers them.
 */
export const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: () => <NotFoundBlock /> });

/** Everything below needs a session; without one the person goes to the login page and comes back. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ location }) => {
    try {
      await queryClient.ensureQueryData(meQuery);
    } catch (err) {
      if (isApiError(err, 401)) {
        throw redirect({ to: '/login', search: { redirect: location.href === '/' ? undefined : location.href } });
      }
      throw err;
    }
  },
  component: Shell,
  errorComponent: ({ error, reset }) => <ErrorBlock error={error} onRetry={reset} />,
});

/** A search value as a non-empty string, or undefined. */
export const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
