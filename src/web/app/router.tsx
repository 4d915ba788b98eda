import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { AuditPage } from '../features/audit/audit-page.js';
import { type AuditSearch, parseAuditSearch } from '../features/audit/audit-search.js';
import { LoginPage } from '../features/auth/login-page.js';
import { HomePage } from '../features/home/home-page.js';
import { JobsPage } from '../features/jobs/jobs-page.js';
import { NotificationsPage } from '../features/notifications/notifications-page.js';
import { OperatorDetailPage } from '../features/operators/operator-detail-page.js';
import { OperatorsPage } from '../features/operators/operators-page.js';
import { RegionsPage } from '../features/regions/regions-page.js';
import { SetupPage } from '../features/setup/setup-page.js';
import { UserDetailPage } from '../features/users/user-detail-page.js';
import { UsersPage } from '../features/users/users-page.js';
import { parseUsersSearch, type UsersSearch } from '../features/users/users-search.js';
import { isApiError } from './api.js';
import { queryClient, setUnauthenticatedHandler } from './query-client.js';
import { meQuery } from './session.js';
import { Shell } from './shell.js';
import { ErrorBlock, NotFoundBlock } from './ui/route-states.js';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundBlock });

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

/** Everything below needs a session; without one the person goes to the login page and comes back. */
const appRoute = createRoute({
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

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

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

const jobsRoute = createRoute({ getParentRoute: () => appRoute, path: '/jobs', component: JobsPage });

const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  component: NotificationsPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  setupRoute,
  appRoute.addChildren([
    homeRoute,
    operatorsRoute,
    operatorDetailRoute,
    usersRoute,
    userDetailRoute,
    regionsRoute,
    auditRoute,
    jobsRoute,
    notificationsRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

const publicPaths = ['/login', '/setup'];

setUnauthenticatedHandler(() => {
  const { pathname, href } = router.state.location;
  if (publicPaths.includes(pathname)) return;
  queryClient.removeQueries({ queryKey: ['me'] });
  void router.navigate({ to: '/login', search: { redirect: href } });
});
