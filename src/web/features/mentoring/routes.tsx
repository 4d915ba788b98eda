import { createRoute } from '@tanstack/react-router';
import { appRoute, str } from '../../app/route-roots.js';
import { CaseloadPage } from './caseload-page.js';
import { parseCaseloadSearch } from './caseload-search.js';
import { ClinicPage, type ClinicSearch } from './clinic-page.js';
import { MentorsPage } from './mentors-page.js';
import { MyClinicPage } from './my-clinic-page.js';
import { SessionLogPage, type SessionLogSearch } from './session-log-page.js';

// Mentoring pages: mentors, caseloads, session log, business clinic (under the signed-in app).

const caseloadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mentoring',
  validateSearch: parseCaseloadSearch,
  component: function CaseloadRoute() {
    const search = caseloadRoute.useSearch();
    const navigate = caseloadRoute.useNavigate();
    return <CaseloadPage search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />;
  },
});

const sessionLogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mentoring/log',
  validateSearch: (s: Record<string, unknown>): SessionLogSearch => ({
    personId: str(s.personId),
    bookingId: str(s.bookingId),
    from: s.from === 'member' || s.from === 'clinic' ? s.from : undefined,
  }),
  component: function SessionLogRoute() {
    const search = sessionLogRoute.useSearch();
    // A new member is a new form (and a new draft).
    return <SessionLogPage key={`${search.personId ?? ''}:${search.bookingId ?? ''}`} search={search} />;
  },
});

const mentorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mentoring/mentors',
  component: MentorsPage,
});

const clinicRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mentoring/clinic',
  validateSearch: (s: Record<string, unknown>): ClinicSearch => {
    const week = str(s.week);
    return {
      operatorId: str(s.operatorId),
      centerId: str(s.centerId),
      week: week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : undefined,
    };
  },
  component: function ClinicRoute() {
    const search = clinicRoute.useSearch();
    const navigate = clinicRoute.useNavigate();
    return <ClinicPage search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />;
  },
});

/** The member's own clinic page (signed in with a member account). */
const myClinicRoute = createRoute({ getParentRoute: () => appRoute, path: '/me/clinic', component: MyClinicPage });

export const mentoringRoutes = [caseloadRoute, sessionLogRoute, mentorsRoute, clinicRoute, myClinicRoute] as const;
