import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '@duijie/shared';
import { call, newIdempotencyKey } from '../../../api/client';
import { keys } from '../../../api/keys';

/** A page of the event's briefings, newest first. */
export function useBriefings(eventId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...keys.briefings(eventId), { page, pageSize }],
    queryFn: ({ signal }) => call(routes.briefings.list, { params: { id: eventId }, query: { page, pageSize } }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Makes a briefing now; one Idempotency-Key per click, so a retried request answers the same briefing. */
export function useCreateBriefing(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(routes.briefings.create, { params: { id: eventId } }, { headers: { 'Idempotency-Key': newIdempotencyKey() } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.briefings(eventId) }),
  });
}

/** Sends a briefing to the coordination group. */
export function useSendBriefing(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(routes.briefings.send, { params: { id } }, { headers: { 'Idempotency-Key': newIdempotencyKey() } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.briefings(eventId) }),
  });
}
