import type { TFunction, i18n as I18n } from 'i18next';
import type { Notification } from '@duijie/shared';
import { EVENT_TIME_ZONE, formatDateTime } from '../../ui/dates';

/** A notification's sentence in the current language, from its kind and params. */
export function notificationText(t: TFunction, n: Pick<Notification, 'kind' | 'params'>, i18n: Pick<I18n, 'exists'>): string {
  const params: Record<string, string | number> = { ...n.params };
  if (typeof params.decision === 'string') params.decision = t(`notifications.decision.${params.decision}`, { defaultValue: params.decision });
  // A summary for the organisers (how many, about nothing in particular) has its own words.
  const summary = params.title === undefined && params.count !== undefined && i18n.exists(`notifications.count.${n.kind}`);
  return t(`notifications.${summary ? 'count' : 'kind'}.${n.kind}`, { ...params, interpolation: { escapeValue: false } });
}

/** When it was sent, in the event's zone (Asia/Shanghai when it is about no event), never the device's. */
export function formatSentAt(iso: string, timeZone: string | null): string {
  return formatDateTime(iso, timeZone ?? EVENT_TIME_ZONE);
}
