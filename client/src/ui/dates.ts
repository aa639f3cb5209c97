import dayjs from 'dayjs';
import { DEFAULT_EVENT_TIME_ZONE, dayInZone } from '@duijie/shared';

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDateRange(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return '—';
  return `${formatDate(from)} ~ ${formatDate(to)}`;
}

/** A day as the API wants it (YYYY-MM-DD). */
export function toDay(value: dayjs.Dayjs): string {
  return value.format('YYYY-MM-DD');
}

/** A time of day (HH:mm). */
export function formatTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('HH:mm') : '—';
}

/** A meeting's time: its day and its start and end times, e.g. 2026-12-10 09:00–09:20. */
export function formatTimeRange(from: string | null | undefined, to: string | null | undefined): string {
  if (!from) return '—';
  return `${formatDate(from)} ${formatTime(from)}–${formatTime(to)}`;
}

/** The zone events are held in unless they say otherwise (MatchEvent.timeZone): the dates people mean are China's. */
export const EVENT_TIME_ZONE = DEFAULT_EVENT_TIME_ZONE;

/** Today as a calendar day in the event's zone (pass `event.timeZone` where the event is at hand), whatever the device's zone is. */
export function todayInEventZone(zone: string = EVENT_TIME_ZONE): dayjs.Dayjs {
  return dayjs(dayInZone(new Date(), zone));
}

/** An instant as YYYY-MM-DD HH:mm in the event's time zone, whatever the device's zone is. */
export function formatInZone(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
