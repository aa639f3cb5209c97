import { dayInZone, type AgendaItem } from '@duijie/shared';

export type AgendaSplit = {
  /** The meeting to go to next: the one under way, else the first still to come (null: none left). */
  next: AgendaItem | null;
  /** Whether `next` is on today's date in the event's time zone. */
  nextIsToday: boolean;
  /** Whether `next` has already begun. */
  nextUnderWay: boolean;
  /** Every other meeting, in time order. */
  rest: AgendaItem[];
};

export function byTime(a: AgendaItem, b: AgendaItem): number {
  return (a.startsAt ?? '').localeCompare(b.startsAt ?? '') || (a.table ?? 0) - (b.table ?? 0);
}

/**
 * Splits an agenda into the meeting a participant walking the hall needs now (shown first and
 * large) and the rest. Only a scheduled meeting that has not ended counts; held, missed and
 * cancelled ones never do. "Today" is the event's calendar day, not the device's.
 */
export function splitAgenda(items: readonly AgendaItem[], now: Date, timeZone: string): AgendaSplit {
  const sorted = [...items].sort(byTime);
  const next =
    sorted.find((item) => item.status === 'scheduled' && item.startsAt !== null && item.endsAt !== null && Date.parse(item.endsAt) > now.getTime()) ?? null;
  return {
    next,
    nextIsToday: next?.startsAt ? dayInZone(next.startsAt, timeZone) === dayInZone(now, timeZone) : false,
    nextUnderWay: next?.startsAt ? Date.parse(next.startsAt) <= now.getTime() : false,
    rest: sorted.filter((item) => item !== next),
  };
}
