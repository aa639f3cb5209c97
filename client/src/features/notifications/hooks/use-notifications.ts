import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type Notification, type NotificationCount, type NotificationsSettled } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';
import { useSocketEvent } from '../../../api/socket';
import { refreshKeysFor } from '../refresh-keys';
import { applySettled } from '../settled';

/** The bell's figure (kept current by `notification:new`; a slow refresh catches a missed push). */
export function useNotificationCount(enabled = true) {
  return useQuery({
    queryKey: keys.notificationCount,
    queryFn: ({ signal }) => call(routes.notifications.count, {}, { signal }),
    enabled,
    refetchInterval: 120_000,
  });
}

/** One page of my notifications, newest first. */
export function useNotifications(query: { unread: boolean; page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: keys.notificationList(query),
    queryFn: ({ signal }) =>
      call(routes.notifications.mine, { query: { ...(query.unread ? { unread: true } : {}), page: query.page, pageSize: query.pageSize } }, { signal }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(routes.notifications.read, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.notifications }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(routes.notifications.readAll, {}),
    onSuccess: (count: NotificationCount) => {
      queryClient.setQueryData(keys.notificationCount, count);
      return queryClient.invalidateQueries({ queryKey: keys.notifications });
    },
  });
}

/** A notification pushed to me: the bell's figure goes up at once, the lists refetch. */
export function useLiveNotifications(enabled = true, onNew?: (notification: Notification) => void): void {
  const queryClient = useQueryClient();
  useSocketEvent(
    'notification:new',
    (notification: Notification) => {
      const known = queryClient.getQueryData<NotificationCount>(keys.notificationCount);
      if (known) queryClient.setQueryData(keys.notificationCount, { unread: known.unread + 1 });
      void queryClient.invalidateQueries({ queryKey: keys.notifications });
      // The lists it concerns (the 待办, supervision, problems, surveys …) refresh too.
      for (const queryKey of refreshKeysFor(notification)) void queryClient.invalidateQueries({ queryKey });
      onNew?.(notification);
    },
    enabled,
  );
  useSocketEvent(
    'notification:settled',
    (settled: NotificationsSettled) => {
      applySettled(queryClient, settled, new Date().toISOString());
      void queryClient.invalidateQueries({ queryKey: keys.notifications });
    },
    enabled,
  );
}
