import { createRoute, redirect } from '@tanstack/react-router';
import { isApiError } from '../../app/api.js';
import { queryClient } from '../../app/query-client.js';
import { appRoute, rootRoute, str } from '../../app/route-roots.js';
import { meQuery } from '../../app/session.js';
import { ErrorBlock } from '../../app/ui/route-states.js';
import { MyCheckInPage } from './my-check-in-page.js';
import { MyTrainingsPage } from './my-trainings-page.js';
import type { WavesSearch } from './trainings-api.js';
import { TrainingsPage } from './trainings-page.js';
import { VerifyPage } from './verify-page.js';
import { WaveFormPage } from './wave-form-page.js';
import { WavePage, type WaveTab, waveTabs } from './wave-page.js';
import { WavePrintPage } from './wave-print-page.js';

// Training pages: the catalog, waves, rosters, attendance (under the signed-in app), the member's own trainings and
// check-in, and certificate verification (public).

function parseWavesSearch(s: Record<string, unknown>): WavesSearch {
  const page = Number(s.page);
  return {
    tab: s.tab === 'catalog' ? 'catalog' : undefined,
    courseId: str(s.courseId),
    districtCode: str(s.districtCode),
    status: str(s.status),
    when: s.when === 'past' || s.when === 'all' ? s.when : undefined,
    q: str(s.q),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

const trainingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trainings',
  validateSearch: parseWavesSearch,
  component: function TrainingsRoute() {
    const search = trainingsRoute.useSearch();
    const navigate = trainingsRoute.useNavigate();
    return <TrainingsPage search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />;
  },
});

const waveNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trainings/waves/new',
  component: WaveFormPage,
});

const waveRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trainings/waves/$id',
  validateSearch: (s: Record<string, unknown>): { tab?: WaveTab } => ({
    tab: waveTabs.find((t) => t === s.tab && t !== 'roster'),
  }),
  component: function WaveRoute() {
    const { id } = waveRoute.useParams();
    const { tab } = waveRoute.useSearch();
    const navigate = waveRoute.useNavigate();
    return (
      <WavePage
        key={id}
        id={id}
        tab={tab}
        onTab={(next) => void navigate({ search: { tab: next === 'roster' ? undefined : next }, replace: true })}
      />
    );
  },
});

const myTrainingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/me/trainings',
  component: MyTrainingsPage,
});

/** Opened by the session QR's link (`?code=`) or from "Pindai QR sesi". */
const myCheckInRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/me/check-in',
  validateSearch: (s: Record<string, unknown>): { code?: string } => ({ code: str(s.code) }),
  component: function MyCheckInRoute() {
    const { code } = myCheckInRoute.useSearch();
    const navigate = myCheckInRoute.useNavigate();
    return <MyCheckInPage code={code} onCodeUsed={() => void navigate({ search: {}, replace: true })} />;
  },
});

/**
 * The printable attendance sheet stands outside the app's frame (no navbar on paper), so it checks the session
 * itself the way the app does.
 */
const wavePrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainings/waves/$id/print',
  beforeLoad: async ({ location }) => {
    try {
      await queryClient.ensureQueryData(meQuery);
    } catch (err) {
      if (isApiError(err, 401)) throw redirect({ to: '/login', search: { redirect: location.href } });
      throw err;
    }
  },
  errorComponent: ({ error }) => <ErrorBlock error={error} />,
  component: function WavePrintRoute() {
    const { id } = wavePrintRoute.useParams();
    return <WavePrintPage id={id} />;
  },
});

/** Public: the page a certificate's QR opens. */
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verifikasi/$token',
  component: function VerifyRoute() {
    const { token } = verifyRoute.useParams();
    return <VerifyPage token={token} />;
  },
});

export const trainingRoutes = [trainingsRoute, waveNewRoute, waveRoute, myTrainingsRoute, myCheckInRoute] as const;
export const trainingPublicRoutes = [verifyRoute, wavePrintRoute] as const;
