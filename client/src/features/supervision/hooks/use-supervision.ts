import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type CriticismPublishInput, type SupervisionIssueInput, type SupervisionListQuery } from '@duijie/shared';
import { call, newIdempotencyKey } from '../../../api/client';
import { keys } from '../../../api/keys';

/** An event's supervision notices, one page (organisers). */
export function useSupervisionNotices(eventId: string, query: SupervisionListQuery) {
  return useQuery({
    queryKey: keys.supervisionNotices(eventId, query),
    queryFn: ({ signal }) => call(routes.supervision.forEvent, { params: { id: eventId }, query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The caller's organisation's open notices. */
export function useMySupervisionNotices() {
  return useQuery({
    queryKey: keys.mySupervisionNotices,
    queryFn: ({ signal }) => call(routes.supervision.mine, {}, { signal }),
  });
}

/** Issues notices in bulk; one Idempotency-Key per dialog, so a retried click does not issue twice. */
export function useIssueSupervision(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: SupervisionIssueInput; key: string }) =>
      call(routes.supervision.issue, { params: { id: eventId }, body }, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: keys.supervisionAll(eventId) }), client.invalidateQueries({ queryKey: keys.trackingAll(eventId) })]),
  });
}

export function useAcknowledgeSupervision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      call(routes.supervision.acknowledge, { params: { id }, body: { version } }, { headers: { 'Idempotency-Key': newIdempotencyKey() } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mySupervisionNotices }),
  });
}

export function useCriticismCandidates(eventId: string) {
  return useQuery({
    queryKey: keys.criticismCandidates(eventId),
    queryFn: ({ signal }) => call(routes.supervision.candidates, { params: { id: eventId } }, { signal }),
  });
}

export function useCriticismNotices(eventId: string) {
  return useQuery({
    queryKey: keys.criticismNotices(eventId),
    queryFn: ({ signal }) => call(routes.supervision.notices, { params: { id: eventId } }, { signal }),
  });
}

export function usePublishCriticism(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: CriticismPublishInput; key: string }) =>
      call(routes.supervision.publish, { params: { id: eventId }, body }, { headers: { 'Idempotency-Key': key } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.supervisionAll(eventId) }),
  });
}
