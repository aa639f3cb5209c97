import { Badge, Button, Flex, List, Tabs, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Notification } from '@duijie/shared';
import { PageState } from '../../ui/page-state';
import { useMarkAllRead, useMarkRead, useNotificationCount, useNotifications } from './hooks/use-notifications';
import { formatSentAt, notificationText } from './notification-text';

const PAGE_SIZE = 20;

/** 消息通知: everything I was told, all or unread only, newest first; opening one marks it read and goes where it points. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unread = params.get('tab') === 'unread';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useNotifications({ unread, page, pageSize: PAGE_SIZE });
  const count = useNotificationCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unreadCount = count.data?.unread ?? 0;

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  };
  const tabs = [
    { key: 'all', label: <span data-testid="notifications-tab-all">{t('notifications.all')}</span> },
    {
      key: 'unread',
      label: (
        <span data-testid="notifications-tab-unread">
          {t('notifications.unread')} <Badge count={unreadCount} size="small" style={{ boxShadow: 'none' }} />
        </span>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('notifications.title')}
        </Typography.Title>
        <Button disabled={unreadCount === 0} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notifications-read-all">
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <Tabs activeKey={unread ? 'unread' : 'all'} onChange={(key) => setParams(key === 'unread' ? { tab: 'unread' } : {}, { replace: true })} items={tabs} />
      <PageState
        loading={list.isLoading}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={(list.data?.items.length ?? 0) === 0}
        emptyText={unread ? t('notifications.emptyUnread') : t('notifications.empty')}
      >
        <List
          data-testid="notifications-list"
          dataSource={list.data?.items ?? []}
          pagination={
            (list.data?.total ?? 0) > PAGE_SIZE
              ? {
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: list.data?.total ?? 0,
                  showSizeChanger: false,
                  onChange: (next) => setParams({ ...(unread ? { tab: 'unread' } : {}), page: String(next) }),
                }
              : false
          }
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid="notifications-row"
              data-read={n.readAt ? 'true' : 'false'}
              onClick={() => open(n)}
              style={{
                cursor: n.link || !n.readAt ? 'pointer' : 'default',
                paddingInline: 16,
                borderInlineStart: `3px solid ${n.readAt ? 'transparent' : token.colorPrimary}`,
                background: n.readAt ? undefined : token.colorPrimaryBg,
              }}
              extra={
                !n.readAt ? (
                  <Button
                    size="small"
                    type="link"
                    data-testid="notifications-mark-read"
                    onClick={(e) => {
                      e.stopPropagation();
                      markRead.mutate(n.id);
                    }}
                  >
                    {t('notifications.markRead')}
                  </Button>
                ) : null
              }
            >
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{notificationText(t, n, i18n)}</Typography.Text>}
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatSentAt(n.createdAt, n.timeZone)}
                    {n.settledAt ? ` · ${t('notifications.settled')}` : n.readAt ? ` · ${t('notifications.read')}` : ''}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </PageState>
    </>
  );
}
