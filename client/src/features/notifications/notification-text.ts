import type { TFunction, i18n as I18n } from 'i18next';
import type { Notification } from '@duijie/shared';

/** A notification's sentence in the current language, from its kind and params. */
export function notificationText(t: TFunction, n: Pick<Notification, 'kind' | 'params'>, i18n: Pick<I18n, 'exists'>): string {
  const params: Record<string, string | number> = { ...n.params };
  if (typeof params.decision === 'string') params.decision = t(`notifications.decision.${params.decision}`, { defaultValue: params.decision });
  // A summary for the organisers (how many, about nothing in particular) has its own words.
  const summary = params.title === undefined && params.count !== undefined && i18n.exists(`notifications.count.${n.kind}`);
  return t(`notifications.${summary ? 'count' : 'kind'}.${n.kind}`, { ...params, interpolation: { escapeValue: false } });
}

/** When it was sent, in the event's zone (the device's when it is about no event). */
export function formatSentAt(iso: string, timeZone: string | null, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    ...(timeZone ? { timeZone } : {}),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}
