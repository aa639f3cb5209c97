import type { SupervisionNotice, SupervisionState } from '@duijie/shared';

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
