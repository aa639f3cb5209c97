import { DEFAULT_EVENT_TIME_ZONE } from '@duijie/shared';
import { useEvents } from './use-events';

/**
 * The time zone of an event the page shows (MatchEvent.timeZone), read from the events list the
 * app keeps cached; Asia/Shanghai until it has loaded or when no event is given.
 */
export function useEventTimeZone(eventId: string | null | undefined): string {
  const events = useEvents();
  if (!eventId) return DEFAULT_EVENT_TIME_ZONE;
  return events.data?.find((e) => e.id === eventId)?.timeZone ?? DEFAULT_EVENT_TIME_ZONE;
}

/** For lists whose rows belong to different events: each row's event's zone (Asia/Shanghai by default). */
export function useTimeZoneOf(): (eventId: string | null | undefined) => string {
  const events = useEvents();
  return (eventId) => (eventId ? events.data?.find((e) => e.id === eventId)?.timeZone : undefined) ?? DEFAULT_EVENT_TIME_ZONE;
}
