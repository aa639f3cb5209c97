import { DownOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Space, theme, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { institutionClassOf } from '@duijie/shared';
import { MatchNotices } from '../features/matching/components/match-notices';
import { NotificationBell } from '../features/notifications/notification-bell';
import { RATED_KINDS, RATER_KINDS } from '../features/ratings/kinds';
import { usePendingCounts } from '../features/requests/hooks/use-pending-counts';
import { PageState } from '../ui/page-state';
import { useAuth, useMe } from './auth';
import { isApproved } from './guards';
import { LanguageSwitch } from './language-switch';

const NAV: readonly { key: string; label: string; forOrganisers: boolean; group?: 'assessment' }[] = [
  { key: '/events', label: 'nav.events', forOrganisers: true },
  { key: '/supermarket', label: 'nav.supermarket', forOrganisers: true },
  { key: '/my/listings', label: 'nav.myListings', forOrganisers: true },
  { key: '/my/requests', label: 'nav.myRequests', forOrganisers: false },
  { key: '/my/agenda', label: 'nav.myAgenda', forOrganisers: false },
  { key: '/my/agreements', label: 'nav.myAgreements', forOrganisers: false },
  { key: '/my/todo', label: 'nav.myTodo', forOrganisers: false },
  { key: '/my/surveys', label: 'nav.mySurveys', forOrganisers: false },
  // After the event: statistics, awards and ratings fold into one 考核奖励 menu.
  { key: '/my/statistics', label: 'nav.statistics', forOrganisers: false, group: 'assessment' },
  { key: '/my/rewards', label: 'nav.myRewards', forOrganisers: false, group: 'assessment' },
  { key: '/my/ratings', label: 'ratings.nav', forOrganisers: false, group: 'assessment' },
  { key: '/my/organisation', label: 'nav.myOrganisation', forOrganisers: true },
];

const RATING_KINDS = [...RATER_KINDS, ...RATED_KINDS];

function selectedNav(pathname: string): string[] {
  if (pathname.startsWith('/console')) return ['/console'];
  if (pathname.startsWith('/my/listings')) return ['/my/listings'];
  if (pathname.startsWith('/my/agreements')) return ['/my/agreements'];
  if (pathname.startsWith('/my/requests')) return ['/my/requests'];
  if (pathname.startsWith('/my/agenda')) return ['/my/agenda'];
  if (pathname.startsWith('/my/todo')) return ['/my/todo'];
  if (pathname.startsWith('/my/surveys')) return ['/my/surveys'];
  if (pathname.startsWith('/my/statistics')) return ['/my/statistics'];
  if (pathname.startsWith('/my/rewards')) return ['/my/rewards'];
  if (pathname.startsWith('/my/ratings')) return ['/my/ratings'];
  if (pathname.startsWith('/supermarket') || /^\/events\/[^/]+\/supermarket/.test(pathname)) return ['/supermarket'];
  if (pathname.startsWith('/my/organisation')) return ['/my/organisation'];
  if (pathname.startsWith('/events') || pathname.startsWith('/sessions')) return ['/events'];
  return [];
}

/** 我的对接 with the number of requests and applications waiting for my organisation's answer. */
function RequestsNavLabel() {
  const { t } = useTranslation();
  const pending = usePendingCounts();
  const { token } = theme.useToken();
  return (
    <Link to="/my/requests" data-testid="nav-requests">
      {t('nav.myRequests')}
      {pending.total > 0 ? (
        <Badge
          count={pending.total}
          size="small"
          color={pending.overdueApplications > 0 ? token.colorError : token.colorWarning}
          style={{ marginInlineStart: 6, boxShadow: 'none' }}
          data-testid="nav-requests-badge"
          data-count={pending.total}
        />
      ) : null}
    </Link>
  );
}

/** The header's navigation for this user: what its role and organisation may reach, the 考核奖励 pages folded into one menu. */
function useNavItems(me: ReturnType<typeof useMe>, approved: boolean): MenuProps['items'] {
  const { t } = useTranslation();
  const visible = NAV.filter(
    (item) =>
      (item.forOrganisers || me.role !== 'organiser') &&
      (approved || item.key === '/my/organisation') &&
      // 统计报表 and 我的奖励 only for the institutions that file statistics forms.
      ((item.key !== '/my/statistics' && item.key !== '/my/rewards') || institutionClassOf(me.organisation.kind) !== null) &&
      // 服务评价 for the enterprises that rate and the institutions rated.
      (item.key !== '/my/ratings' || RATING_KINDS.includes(me.organisation.kind)),
  );
  const entry = (item: (typeof NAV)[number]) => ({
    key: item.key,
    label:
      item.key === '/my/requests' ? (
        <RequestsNavLabel />
      ) : (
        <Link to={item.key} data-testid={`nav-${item.key.slice(1).replace('/', '-')}`}>
          {t(item.label)}
        </Link>
      ),
  });
  const assessment = visible.filter((item) => item.group === 'assessment');
  return [
    // Organisers see agreements in the console, not as a party.
    ...visible.flatMap((item) => {
      if (item.group !== 'assessment') return [entry(item)];
      if (item !== assessment[0]) return [];
      return [{ key: 'assessment', label: <span data-testid="nav-assessment">{t('nav.assessment')}</span>, children: assessment.map(entry) }];
    }),
    ...(me.role === 'organiser' ? [{ key: '/console', label: <Link to="/console">{t('nav.console')}</Link> }] : []),
  ];
}

export function AppLayout() {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useAuth();
  const location = useLocation();
  // Below md (phones, small tablets) the navigation, language and user menu fold into a drawer.
  const narrow = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  useEffect(() => setDrawerOpen(false), [location.pathname, narrow]);
  // Not approved: only its own registration (the server refuses the rest).
  const approved = isApproved(me);

  const items = useNavItems(me, approved);

  const userMenu: MenuProps['items'] = [
    { key: 'org', label: me.organisation.name, disabled: true },
    { key: 'role', label: t(`enums.userRole.${me.role}`), disabled: true },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="logout">{t('nav.logout')}</span>,
      onClick: signOut,
    },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {approved ? <MatchNotices /> : null}
      <Layout.Header
        data-testid="app-header"
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: narrow ? token.marginSM : token.marginLG,
          paddingInline: narrow ? token.padding : token.paddingLG,
        }}
      >
        <Link
          to="/events"
          style={{
            color: token.colorTextLightSolid,
            fontWeight: token.fontWeightStrong,
            fontSize: token.fontSizeHeading4,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            flex: narrow ? 1 : undefined,
            minWidth: 0,
          }}
        >
          {t('app.name')}
        </Link>
        {narrow ? (
          <Space size="small">
            {approved ? <NotificationBell /> : null}
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('layout.menu')}
              style={{ color: token.colorTextLightSolid }}
              onClick={() => setDrawerOpen(true)}
              data-testid="nav-drawer-open"
            />
          </Space>
        ) : (
          <>
            <Menu theme="dark" mode="horizontal" selectedKeys={selectedNav(location.pathname)} items={items} style={{ flex: 1, minWidth: 0 }} />
            <Space size="middle">
              {approved ? <NotificationBell /> : null}
              <LanguageSwitch dark />
              <Dropdown menu={{ items: userMenu }} trigger={['click']}>
                <Button type="text" style={{ color: token.colorTextLightSolid }} data-testid="user-menu">
                  <UserOutlined />
                  {me.displayName}
                  <DownOutlined />
                </Button>
              </Dropdown>
            </Space>
          </>
        )}
      </Layout.Header>
      {narrow ? (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="right"
          size="default"
          title={
            <Flex vertical>
              <Typography.Text strong ellipsis>
                <UserOutlined /> {me.displayName}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis>
                {me.organisation.name} · {t(`enums.userRole.${me.role}`)}
              </Typography.Text>
            </Flex>
          }
          styles={{ body: { padding: 0 } }}
          footer={
            <Flex justify="space-between" align="center" gap={token.marginSM}>
              <LanguageSwitch />
              <Button icon={<LogoutOutlined />} onClick={signOut} data-testid="logout">
                {t('nav.logout')}
              </Button>
            </Flex>
          }
          data-testid="nav-drawer"
        >
          {/* A tap on an entry closes the drawer, also on the page already open (the path does not change then). */}
          <Menu
            mode="inline"
            selectedKeys={selectedNav(location.pathname)}
            items={items}
            onClick={() => setDrawerOpen(false)}
            style={{ borderInlineEnd: 'none' }}
          />
        </Drawer>
      ) : null}
      {me.organisation.status === 'pending' ? <Alert type="warning" banner title={t('layout.pendingBanner', { name: me.organisation.name })} /> : null}
      {me.organisation.status === 'rejected' ? <Alert type="error" banner title={t('layout.rejectedBanner', { name: me.organisation.name })} /> : null}
      <Layout.Content style={{ padding: narrow ? token.paddingSM : token.paddingLG, maxWidth: 1400, width: '100%', minWidth: 0, margin: '0 auto' }}>
        <Suspense fallback={<PageState loading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('app.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
