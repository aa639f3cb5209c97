import { useQueryClient } from '@tanstack/react-query';
import type { MeetingChanged, ScheduleRun } from '@duijie/shared';
import { useSocketEvent } from '../../../api/socket';
import { keys } from '../../../api/keys';
import { invalidateMeetings } from './use-meetings';

/**
 * Keeps meeting screens live: `meeting:changed` (to both parties and organisers) refetches the
 * session's meetings, stats, free slots and agendas; `schedule:progress` (to organisers) puts
 * the run's progress straight into the cache, and its end refreshes the plan.
 */
export function useLiveMeetings(): void {
  const queryClient = useQueryClient();
  useSocketEvent('meeting:changed', (update: MeetingChanged) => {
    void invalidateMeetings(queryClient, update.sessionId);
  });
  useSocketEvent('schedule:progress', (run: ScheduleRun) => {
    const key = keys.scheduleRun(run.sessionId);
    const known = queryClient.getQueryData<ScheduleRun | null>(key);
    // An older run's late message never replaces a newer run.
    if (known && known.id !== run.id && known.startedAt > run.startedAt) return;
    queryClient.setQueryData(key, run);
    if (run.status !== 'running') void invalidateMeetings(queryClient, run.sessionId);
  });
}
