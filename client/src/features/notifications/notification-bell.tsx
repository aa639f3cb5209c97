import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Flex, Grid, List, Spin, theme, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Notification } from '@duijie/shared';
import { useLiveNotifications, useMarkAllRead, useMarkRead, useNotificationCount, useNotifications } from './hooks/use-notifications';
import { formatSentAt, notificationText } from './notification-text';

const LATEST = 5;

/** The header's bell: unread figure, the latest five, mark all read, and the way to the list page. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  // On a phone the dropdown has no room beside the header's other controls: the bell opens the list page.
  const wide = Grid.useBreakpoint().sm !== false;
  const count = useNotificationCount();
  const latest = useNotifications({ unread: false, page: 1, pageSize: LATEST }, open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  useLiveNotifications();
  const unread = count.data?.unread ?? 0;

  const openOne = (n: Notification) => {
    setOpen(false);
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  };

  const panel = (
    <div
      data-testid="notification-panel"
      style={{
        width: 'min(360px, calc(100vw - 24px))',
        background: token.colorBgElevated,
        borderRadius: token.borderRadiusLG,
        boxShadow: token.boxShadowSecondary,
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '10px 16px', borderBottom: `1px solid ${token.colorSplit}` }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notification-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {latest.isLoading ? (
        <div style={{ padding: 24, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : latest.isError ? (
        <Typography.Paragraph type="danger" style={{ padding: 16, margin: 0 }}>
          {t('notifications.loadFailed')}
        </Typography.Paragraph>
      ) : (latest.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} style={{ padding: 16 }} />
      ) : (
        <List
          size="small"
          dataSource={latest.data?.items ?? []}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => openOne(n)}
              data-testid="notification-item"
              data-read={n.readAt ? 'true' : 'false'}
              data-settled={n.settledAt ? 'true' : 'false'}
              style={{ cursor: 'pointer', paddingInline: 16, background: n.readAt ? undefined : token.colorPrimaryBg }}
            >
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Typography.Text strong={!n.readAt}>{notificationText(t, n, i18n)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatSentAt(n.createdAt, n.timeZone)}
                  {n.settledAt ? ` · ${t('notifications.settled')}` : ''}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <div style={{ padding: '8px 16px', borderTop: `1px solid ${token.colorSplit}`, textAlign: 'center' }}>
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notification-see-all">
          {t('notifications.seeAll')}
        </Link>
      </div>
    </div>
  );

  const bell = (
    <Button
      type="text"
      aria-label={t('notifications.title')}
      data-testid="notification-bell"
      style={{ color: token.colorTextLightSolid }}
      onClick={wide ? undefined : () => void navigate('/notifications')}
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="notification-badge" data-count={unread}>
        <BellOutlined style={{ fontSize: 18, color: token.colorTextLightSolid }} />
      </Badge>
    </Button>
  );
  if (!wide) return bell;
  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} placement="bottomRight" popupRender={() => panel}>
      {bell}
    </Dropdown>
  );
}
