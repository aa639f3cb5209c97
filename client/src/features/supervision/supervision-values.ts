import type { SupervisionNotice, SupervisionState } from '@duijie/shared';

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

/** The antd tag colour of a notice's state. */
export function stateColour(state: SupervisionState): string {
  switch (state) {
    case 'issued':
      return 'orange';
    case 'acknowledged':
      return 'blue';
    case 'resolved':
      return 'green';
    case 'lapsed':
      return 'red';
  }
}

/** Whether the notice's deadline has passed at `now` while it is still open (the sweep lapses it within the hour). */
export function pastDeadline(notice: Pick<SupervisionNotice, 'state' | 'deadlineAt'>, now: Date = new Date()): boolean {
  return (notice.state === 'issued' || notice.state === 'acknowledged') && now.getTime() >= new Date(notice.deadlineAt).getTime();
}

/** The ids the dialog issues on: each once, at most `max`. */
export function issueIds(ids: readonly string[], max: number): string[] {
  return [...new Set(ids)].slice(0, max);
}
