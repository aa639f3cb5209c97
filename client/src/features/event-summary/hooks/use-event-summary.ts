import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '@duijie/shared';
import { call, isApiFailure } from '../../../api/client';
import { keys } from '../../../api/keys';

/**
 * The summary table's publications and size. `quiet`: a caller who is no participant of the event
 * (403) gets null rather than an error (the event page shows nothing then).
 */
export function useEventSummary(eventId: string | undefined, opts: { quiet?: boolean } = {}) {
  return useQuery({
    queryKey: keys.eventSummary(eventId ?? ''),
    enabled: eventId !== undefined,
    retry: (count, error) => !(isApiFailure(error) && error.status < 500) && count < 2,
    queryFn: async ({ signal }) => {
      try {
        return await call(routes.eventSummary.status, { params: { id: eventId ?? '' } }, { signal });
      } catch (error) {
        if (opts.quiet && isApiFailure(error) && error.status === 403) return null;
        throw error;
      }
    },
  });
}

/** Publishes the next version; one Idempotency-Key per confirmation, so a retried click publishes once. */
export function usePublishEventSummary(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { notFinal: boolean; key: string }) =>
      call(
        routes.eventSummary.publish,
        { params: { id: eventId }, body: input.notFinal ? { notFinal: true } : {} },
        { headers: { 'Idempotency-Key': input.key } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.eventSummary(eventId) }),
  });
}
