import dayjs from 'dayjs';
import { DEFAULT_EVENT_TIME_ZONE, dayInZone } from '@duijie/shared';

// Every instant is shown on the wall clock of the EVENT's time zone (MatchEvent.timeZone, by
// default Asia/Shanghai), never the device's: a session at 09:00 in Xining reads 09:00 on a phone
// set to UTC too. The functions take the zone explicitly and do not look at the device's zone.

/** The zone events are held in unless they say otherwise (MatchEvent.timeZone): the dates people mean are China's. */
export const EVENT_TIME_ZONE = DEFAULT_EVENT_TIME_ZONE;

const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(iso: string | number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const out = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const p of f.formatToParts(date)) if (p.type in out) out[p.type as keyof typeof out] = p.value;
  return out;
}

/** An instant as YYYY-MM-DD HH:mm on the clocks of `timeZone` (the event's zone). */
export function formatDateTime(value: string | null | undefined, timeZone: string): string {
  const p = value ? wallParts(value, timeZone) : null;
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '—';
}

/** An instant's calendar day (YYYY-MM-DD) in `timeZone`; a bare day (YYYY-MM-DD) is shown as it is. */
export function formatDate(value: string | null | undefined, timeZone: string): string {
  if (!value) return '—';
  if (BARE_DAY.test(value)) return value;
  const p = wallParts(value, timeZone);
  return p ? `${p.year}-${p.month}-${p.day}` : '—';
}

/** A time of day (HH:mm) in `timeZone`, of an ISO instant or milliseconds since the epoch. */
export function formatTime(value: string | number | null | undefined, timeZone: string): string {
  const p = value !== null && value !== undefined && value !== '' ? wallParts(value, timeZone) : null;

  return p ? `${p.hour}:${p.minute}` : '—';
}

/** A time of day with seconds (HH:mm:ss) in `timeZone`. */
export function formatTimeSeconds(value: string | number | null | undefined, timeZone: string): string {
  const p = value !== null && value !== undefined && value !== '' ? wallParts(value, timeZone) : null;

  return p ? `${p.hour}:${p.minute}:${p.second}` : '—';
}

/** A meeting's time: its day and its start and end times in `timeZone`, e.g. 2026-12-10 09:00–09:20. */
export function formatTimeRange(from: string | null | undefined, to: string | null | undefined, timeZone: string): string {
  if (!from) return '—';
  return `${formatDate(from, timeZone)} ${formatTime(from, timeZone)}–${formatTime(to, timeZone)}`;
}

/** Calendar days (YYYY-MM-DD, e.g. an event's first and last day): they mean the same day in every zone. */
export function formatDateRange(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return '—';
  return `${from ?? '—'} ~ ${to ?? '—'}`;
}

/** A day as the API wants it (YYYY-MM-DD): the day a date picker shows, read as a day of the event. */
export function toDay(value: dayjs.Dayjs): string {
  return value.format('YYYY-MM-DD');
}

/** Today as a calendar day in the event's zone (pass `event.timeZone` where the event is at hand), whatever the device's zone is. */
export function todayInEventZone(zone: string = EVENT_TIME_ZONE): dayjs.Dayjs {
  return dayjs(dayInZone(new Date(), zone));
}

/** The device's own zone (the browser's), e.g. UTC on a server-room laptop. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A zone's offset from UTC at an instant, in minutes (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(timeZone: string, at: Date | string = new Date()): number {
  const instant = new Date(at);
  const whole = Math.floor(instant.getTime() / 60000) * 60000;
  const p = wallParts(whole, timeZone);

  if (!p) return 0;
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((wall - whole) / 60000);
}

/** The offset as UTC+8, UTC+5:30, UTC−5, UTC. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** Whether the device's clocks differ from the event zone's at that instant (then times carry the zone's name). */
export function zoneDiffersFromDevice(eventZone: string, at: Date | string = new Date(), device: string = deviceTimeZone()): boolean {
  return zoneOffsetMinutes(eventZone, at) !== zoneOffsetMinutes(device, at);
}
