import { lazy, Suspense } from 'react';
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { PageState } from '../ui/page-state';
import { AuthProvider } from './auth';
import { allStrings } from './i18n';
import { PublicOnly, RequireApproved, RequireAuth, RequireOrganiser } from './guards';
import { NotFound, RouteError } from './not-found';

/**
 * React.lazy for a module that names its page export, as our feature modules do, with the full
 * strings of the language (the entry has only the login's: app/i18n.ts).
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), allStrings()]);
    return { default: pick(module) };
  });
}

// The signed-in layout (navigation, notifications, the socket) loads after login, not with it.
const Feedback = page(
  () => import('./feedback'),
  (m) => m.Feedback,
);
const AppLayout = page(
  () => import('./layout'),
  (m) => m.AppLayout,
);
// The login needs only the strings in the entry, so that a phone's first load stays small.
const LoginPage = lazy(async () => ({ default: (await import('../features/login/login.page')).LoginPage }));
const RegisterPage = page(
  () => import('../features/register/register.page'),
  (m) => m.RegisterPage,
);
const InvitePage = page(
  () => import('../features/invite/invite.page'),
  (m) => m.InvitePage,
);
const EventsPage = page(
  () => import('../features/events/events.page'),
  (m) => m.EventsPage,
);
const EventPage = page(
  () => import('../features/events/event.page'),
  (m) => m.EventPage,
);
const BoardPage = page(
  () => import('../features/board/board.page'),
  (m) => m.BoardPage,
);
const MyListingsPage = page(
  () => import('../features/listings/listings.page'),
  (m) => m.MyListingsPage,
);
const MyAgreementsPage = page(
  () => import('../features/agreements/agreements.page'),
  (m) => m.MyAgreementsPage,
);
const MyOrganisationPage = page(
  () => import('../features/organisation/organisation.page'),
  (m) => m.MyOrganisationPage,
);
const SupermarketPage = page(
  () => import('../features/supermarket/supermarket.page'),
  (m) => m.SupermarketPage,
);
const SupermarketIndexPage = page(
  () => import('../features/supermarket/supermarket-index.page'),
  (m) => m.SupermarketIndexPage,
);
const MyRequestsPage = page(
  () => import('../features/requests/requests.page'),
  (m) => m.MyRequestsPage,
);
const MyAgendaPage = page(
  () => import('../features/meetings/agenda.page'),
  (m) => m.MyAgendaPage,
);
const NotificationsPage = page(
  () => import('../features/notifications/notifications.page'),
  (m) => m.NotificationsPage,
);
const MyTodoPage = page(
  () => import('../features/tracking/todo.page'),
  (m) => m.MyTodoPage,
);
const MySurveysPage = page(
  () => import('../features/surveys/my-surveys.page'),
  (m) => m.MySurveysPage,
);
const MyStatisticsPage = page(
  () => import('../features/statistics/my-statistics.page'),
  (m) => m.MyStatisticsPage,
);
const MyRewardsPage = page(
  () => import('../features/rewards/my-rewards.page'),
  (m) => m.MyRewardsPage,
);
const MyRatingsPage = page(
  () => import('../features/ratings/ratings.page'),
  (m) => m.MyRatingsPage,
);
const ConsolePage = page(
  () => import('../features/console/console.page'),
  (m) => m.ConsolePage,
);
const LeadershipPage = page(
  () => import('../features/figures/leadership.page'),
  (m) => m.LeadershipPage,
);
const ScreenPage = page(
  () => import('../features/screen/screen.page'),
  (m) => m.ScreenPage,
);
const VerifyPage = page(
  () => import('../features/verify/verify.page'),
  (m) => m.VerifyPage,
);
const ScoreboardPage = page(
  () => import('../features/scoreboard/scoreboard.page'),
  (m) => m.ScoreboardPage,
);
const DirectoryListPage = page(
  () => import('../features/directory/directory-list.page'),
  (m) => m.DirectoryListPage,
);
const DirectoryPage = page(
  () => import('../features/directory/directory.page'),
  (m) => m.DirectoryPage,
);

function Root() {
  return (
    <AuthProvider>
      <Suspense fallback={<PageState loading />}>
        <Outlet />
      </Suspense>
    </AuthProvider>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicOnly />,
        children: [{ path: '/login', element: <LoginPage /> }],
      },
      {
        element: <Feedback />,
        children: [
          {
            element: <PublicOnly />,
            children: [{ path: '/register', element: <RegisterPage /> }],
          },
          { path: '/invite/:token', element: <InvitePage /> },
          // The venue's big screen: no login, a read-only screen link token in ?token=.
          { path: '/screen/:eventId', element: <ScreenPage /> },
          // An event's public scoreboard (排行榜): no login; live with a screen link token or a login, else polled.
          { path: '/scoreboard/:eventId', element: <ScoreboardPage /> },
          // Anyone holding a certificate checks it here (its QR code and link lead here).
          { path: '/verify/:id', element: <VerifyPage /> },
          // The published producers' directories (生产企业名录): public, no login.
          { path: '/directory', element: <DirectoryListPage /> },
          { path: '/directory/:id', element: <DirectoryPage /> },
          {
            element: <RequireAuth />,
            children: [
              {
                element: <RequireOrganiser />,
                children: [{ path: '/leadership/:eventId', element: <LeadershipPage /> }],
              },
              {
                element: <AppLayout />,
                children: [
                  { path: '/my/organisation', element: <MyOrganisationPage /> },
                  {
                    // A pending organisation is sent to its registration above.
                    element: <RequireApproved />,
                    children: [
                      { index: true, element: <Navigate to="/events" replace /> },
                      { path: '/events', element: <EventsPage /> },
                      { path: '/events/:id', element: <EventPage /> },
                      { path: '/events/:id/supermarket', element: <SupermarketPage /> },
                      { path: '/supermarket', element: <SupermarketIndexPage /> },
                      { path: '/sessions/:id/board', element: <BoardPage /> },
                      { path: '/my/listings', element: <MyListingsPage /> },
                      { path: '/my/agreements', element: <MyAgreementsPage /> },
                      { path: '/my/requests', element: <MyRequestsPage /> },
                      { path: '/my/agenda', element: <MyAgendaPage /> },
                      { path: '/notifications', element: <NotificationsPage /> },
                      { path: '/my/todo', element: <MyTodoPage /> },
                      { path: '/my/surveys', element: <MySurveysPage /> },
                      { path: '/my/statistics', element: <MyStatisticsPage /> },
                      { path: '/my/ratings', element: <MyRatingsPage /> },
                      { path: '/my/rewards', element: <MyRewardsPage /> },
                      {
                        element: <RequireOrganiser />,
                        children: [{ path: '/console', element: <ConsolePage /> }],
                      },
                    ],
                  },
                  { path: '*', element: <NotFound /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
