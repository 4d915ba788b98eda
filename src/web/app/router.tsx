import { createRoute, createRouter } from '@tanstack/react-router';
import { AuditPage } from '../features/audit/audit-page.js';
import { type AuditSearch, parseAuditSearch } from '../features/audit/audit-search.js';
import { LoginPage } from '../features/auth/login-page.js';
import { HomePage } from '../features/home/home-page.js';
import { ImportPage } from '../features/imports/import-page.js';
import { ImportWizardPage } from '../features/imports/import-wizard-page.js';
import { ImportsPage } from '../features/imports/imports-page.js';
import { JobsPage } from '../features/jobs/jobs-page.js';
import { memberPublicRoutes, memberRoutes } from '../features/members/routes.js';
import { mentoringRoutes } from '../features/mentoring/routes.js';
import { NotificationsPage } from '../features/notifications/notifications-page.js';
import { OperatorDetailPage } from '../features/operators/operator-detail-page.js';
import { OperatorsPage } from '../features/operators/operators-page.js';
import { MemberPage, type MemberTab, memberTabs } from '../features/participants/member-page.js';
import { ParticipantsPage } from '../features/participants/participants-page.js';
import { type ParticipantsSearch, parseParticipantsSearch } from '../features/participants/participants-search.js';
import { SelectionPage } from '../features/participants/selection-page.js';
import { parseSelectionSearch, type SelectionSearch } from '../features/participants/selection-search.js';
import { ProgramDetailPage } from '../features/programs/program-detail-page.js';
import { ProgramsPage } from '../features/programs/programs-page.js';
import { RegionsPage } from '../features/regions/regions-page.js';
import { PublicRegistrationPage } from '../features/registration/public-registration-page.js';
import { StaffRegistrationPage } from '../features/registration/staff-registration-page.js';
import { SetupPage } from '../features/setup/setup-page.js';
import { trainingPublicRoutes, trainingRoutes } from '../features/trainings/routes.js';
import { UserDetailPage } from '../features/users/user-detail-page.js';
import { UsersPage } from '../features/users/users-page.js';
import { parseUsersSearch, type UsersSearch } from '../features/users/users-search.js';
import { queryClient, setUnauthenticatedHandler } from './query-client.js';
import { appRoute, rootRoute, str } from './route-roots.js';

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => ({ redirect: str(s.redirect) }),
  component: function LoginRoute() {
    const { redirect: target } = loginRoute.useSearch();
    return <LoginPage redirectTo={target} />;
  },
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({ token: str(s.token) }),
  component: function SetupRoute() {
    const { token } = setupRoute.useSearch();
    return <SetupPage token={token ?? ''} />;
  },
});

/** Self-registration without an account: /daftar?operator=<id>, the link an operator shares. */
const publicRegistrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/daftar',
  // `area` is the service area as digits (`3276`, `3276-3171`): the router reads `3276` as a number, which keeps it.
  validateSearch: (s: Record<string, unknown>): { operator?: string; area?: string | number } => ({
    operator: str(s.operator),
    area: typeof s.area === 'number' ? s.area : str(s.area),
  }),
  component: function PublicRegistrationRoute() {
    const { operator, area } = publicRegistrationRoute.useSearch();
    return <PublicRegistrationPage operatorId={operator} area={area === undefined ? undefined : String(area)} />;
  },
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

const participantsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/participants',
  validateSearch: (s: Record<string, unknown>): ParticipantsSearch => parseParticipantsSearch(s),
  component: function ParticipantsRoute() {
    const search = participantsRoute.useSearch();
    const navigate = participantsRoute.useNavigate();
    return <ParticipantsPage search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />;
  },
});

const memberRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/participants/$id',
  validateSearch: (s: Record<string, unknown>): { tab?: MemberTab } => ({
    tab: memberTabs.find((t) => t === s.tab && t !== 'timeline'),
  }),
  component: function MemberRoute() {
    const { id } = memberRoute.useParams();
    const { tab } = memberRoute.useSearch();
    const navigate = memberRoute.useNavigate();
    return (
      <MemberPage
        id={id}
        tab={tab}
        onTab={(next) => void navigate({ search: { tab: next === 'timeline' ? undefined : next }, replace: true })}
      />
    );
  },
});

const selectionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/selection',
  validateSearch: (s: Record<string, unknown>): SelectionSearch => parseSelectionSearch(s),
  component: function SelectionRoute() {
    const search = selectionRoute.useSearch();
    const navigate = selectionRoute.useNavigate();
    return <SelectionPage search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />;
  },
});

const operatorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/operators',
  validateSearch: (s: Record<string, unknown>): { create?: boolean } => ({
    create: s.create === true || s.create === '1' || undefined,
  }),
  component: function OperatorsRoute() {
    const { create } = operatorsRoute.useSearch();
    return <OperatorsPage openCreate={create === true} />;
  },
});

const operatorDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/operators/$id',
  component: function OperatorDetailRoute() {
    const { id } = operatorDetailRoute.useParams();
    return <OperatorDetailPage id={id} />;
  },
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  validateSearch: (s: Record<string, unknown>): UsersSearch => parseUsersSearch(s),
  component: function UsersRoute() {
    const search = usersRoute.useSearch();
    const navigate = usersRoute.useNavigate();
    return <UsersPage search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />;
  },
});

const userDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/$id',
  component: function UserDetailRoute() {
    const { id } = userDetailRoute.useParams();
    return <UserDetailPage id={id} />;
  },
});

const regionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/regions',
  validateSearch: (s: Record<string, unknown>): { code?: string } => ({ code: str(s.code) }),
  component: function RegionsRoute() {
    const { code } = regionsRoute.useSearch();
    const navigate = regionsRoute.useNavigate();
    return (
      <RegionsPage
        code={code ?? null}
        onCode={(c) => void navigate({ search: { code: c ?? undefined }, replace: true })}
      />
    );
  },
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: (s: Record<string, unknown>): AuditSearch => parseAuditSearch(s),
  component: function AuditRoute() {
    const search = auditRoute.useSearch();
    const navigate = auditRoute.useNavigate();
    return <AuditPage search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />;
  },
});

const programsRoute = createRoute({ getParentRoute: () => appRoute, path: '/programs', component: ProgramsPage });

const programDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programs/$id',
  component: function ProgramDetailRoute() {
    const { id } = programDetailRoute.useParams();
    return <ProgramDetailPage id={id} />;
  },
});

const registerParticipantRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/participants/new',
  component: StaffRegistrationPage,
});

const importsRoute = createRoute({ getParentRoute: () => appRoute, path: '/imports', component: ImportsPage });

const importWizardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/imports/new',
  component: ImportWizardPage,
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/imports/$id',
  component: function ImportRoute() {
    const { id } = importRoute.useParams();
    return <ImportPage key={id} id={id} />;
  },
});

const jobsRoute = createRoute({ getParentRoute: () => appRoute, path: '/jobs', component: JobsPage });

const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  component: NotificationsPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  setupRoute,
  publicRegistrationRoute,
  ...trainingPublicRoutes,
  ...memberPublicRoutes,
  appRoute.addChildren([
    homeRoute,
    participantsRoute,
    memberRoute,
    selectionRoute,
    operatorsRoute,
    operatorDetailRoute,
    usersRoute,
    userDetailRoute,
    regionsRoute,
    auditRoute,
    jobsRoute,
    notificationsRoute,
    programsRoute,
    programDetailRoute,
    registerParticipantRoute,
    importsRoute,
    importWizardRoute,
    importRoute,
    ...trainingRoutes,
    ...mentoringRoutes,
    ...memberRoutes,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

const publicPaths = ['/login', '/setup', '/daftar'];

setUnauthenticatedHandler(() => {
  const { pathname, href } = router.state.location;
  if (publicPaths.includes(pathname)) return;
  queryClient.removeQueries({ queryKey: ['me'] });
  void router.navigate({ to: '/login', search: { redirect: href } });
});
