import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CeremonyBatchInput, CeremonyBatchUpdate, RunningOrder, ScreenLink, ScreenLinkCreated } from '@duijie/shared';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';

export function useRunningOrder(eventId: string | undefined) {
  return useQuery({
    queryKey: keys.runningOrder(eventId ?? ''),
    queryFn: ({ signal }) => api<RunningOrder>('GET', `/events/${eventId ?? ''}/running-order`, undefined, { signal }),
    enabled: eventId !== undefined,
    // Signatures arrive during the ceremony; a gentle refresh keeps the statuses current.
    refetchInterval: 15_000,
  });
}

type Change =
  | { kind: 'create'; input: CeremonyBatchInput }
  | { kind: 'generate'; by: 'session' | 'chain' }
  | { kind: 'update'; batchId: string; input: CeremonyBatchUpdate }
  | { kind: 'remove'; batchId: string }
  | { kind: 'sequence'; batchIds: string[] }
  | { kind: 'stage'; batchId: string | null };

/** Every change answers with the whole running order, which replaces the cached one. */
export function useChangeRunningOrder(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Change) => {
      switch (change.kind) {
        case 'create':
          return api<RunningOrder>('POST', `/events/${eventId}/running-order/batches`, change.input);
        case 'generate':
          return api<RunningOrder>('POST', `/events/${eventId}/running-order/generate`, { by: change.by });
        case 'update':
          return api<RunningOrder>('PATCH', `/ceremony-batches/${change.batchId}`, change.input);
        case 'remove':
          return api<RunningOrder>('DELETE', `/ceremony-batches/${change.batchId}`);
        case 'sequence':
          return api<RunningOrder>('PUT', `/events/${eventId}/running-order/sequence`, { batchIds: change.batchIds });
        case 'stage':
          return api<RunningOrder>('PUT', `/events/${eventId}/running-order/stage`, { batchId: change.batchId });
      }
    },
    onSuccess: (order) => queryClient.setQueryData(keys.runningOrder(eventId), order),
  });
}

export function useScreenLinks(eventId: string | undefined) {
  return useQuery({
    queryKey: keys.screenLinks(eventId ?? ''),
    queryFn: ({ signal }) => api<ScreenLink[]>('GET', `/events/${eventId ?? ''}/screen-links`, undefined, { signal }),
    enabled: eventId !== undefined,
  });
}

export function useCreateScreenLink(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => api<ScreenLinkCreated>('POST', `/events/${eventId}/screen-links`, { label }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.screenLinks(eventId) }),
  });
}

export function useRevokeScreenLink(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ScreenLink>('POST', `/screen-links/${id}/revoke`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.screenLinks(eventId) }),
  });
}
