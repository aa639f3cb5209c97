import type { QueryClient } from '@tanstack/react-query';
import type { Notification, NotificationCount, NotificationsSettled, Page } from '@duijie/shared';
import { keys } from '../../api/keys';

/**
 * Someone did what these notices asked (approved the application, signed, filed): at once the
 * bell's figure drops by those that were unread and every cached page shows them read and
 * settled; the refetch that follows brings the server's figures.
 */
export function applySettled(queryClient: QueryClient, settled: NotificationsSettled, at: string): void {
  const known = queryClient.getQueryData<NotificationCount>(keys.notificationCount);
  if (known) queryClient.setQueryData(keys.notificationCount, { unread: Math.max(0, known.unread - settled.unread) });
  const ids = new Set(settled.ids);
  queryClient.setQueriesData<Page<Notification>>({ queryKey: [...keys.notifications, 'list'] }, (page) =>
    page ? { ...page, items: page.items.map((n) => (ids.has(n.id) ? { ...n, readAt: n.readAt ?? at, settledAt: n.settledAt ?? at } : n)) } : page,
  );
}
