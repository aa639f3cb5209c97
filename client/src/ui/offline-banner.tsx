import { useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfflineState } from '../api/offline';
import { EVENT_TIME_ZONE, formatTime } from './dates';

type Props = {
  /**
   * An API path prefix (e.g. '/api/me/agenda') whose answers the service worker keeps: the banner
   * shows while the page shows a kept answer, with the time that answer came from the server.
   */
  api?: string;
  /** The page knows for itself that it is not live (e.g. the board's connection is offline). */
  offline?: boolean;
  /** Until when what the page shows was current (ms since epoch), when the page knows it. */
  savedAt?: number | null;
  /** The event's zone: the time is read on its clocks. */
  timeZone?: string;
};

/**
 * 离线：显示的是 hh:mm 的数据. Shown while the device is offline, or the page shows data the
 * service worker kept (the agenda) or the device kept (the board), with the time it dates from.
 */
export function OfflineBanner({ api, offline = false, savedAt = null, timeZone = EVENT_TIME_ZONE }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const state = useOfflineState(api);
  const { offline: deviceOffline, keptSince } = state;
  // Back online while kept answers are shown: ask again (a query fetched offline may still count as fresh).
  useEffect(() => {
    if (!deviceOffline && keptSince !== null) void queryClient.invalidateQueries({ refetchType: 'active' });
  }, [deviceOffline, keptSince, queryClient]);
  if (!offline && !deviceOffline && keptSince === null) return null;
  const at = keptSince ?? savedAt ?? state.offlineSince ?? Date.now();
  const iso = new Date(at).toISOString();
  return (
    <Alert
      type="warning"
      showIcon
      banner
      role="status"
      data-testid="offline-banner"
      data-saved-at={iso}
      style={{ marginBottom: 12 }}
      title={t('offline.banner', { time: formatTime(iso, timeZone) })}
      description={t('offline.hint')}
    />
  );
}
