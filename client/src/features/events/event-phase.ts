/** Where an event stands on a given day of its own calendar: before its first day, during it, or after its last. */
export type EventPhase = 'upcoming' | 'ongoing' | 'ended';

/** The phase of an event running from `startDate` to `endDate` (YYYY-MM-DD, both included) on `today` (YYYY-MM-DD in the event's zone). */
export function eventPhase(startDate: string, endDate: string, today: string): EventPhase {
  if (today < startDate) return 'upcoming';
  if (today > endDate) return 'ended';
  return 'ongoing';
}
