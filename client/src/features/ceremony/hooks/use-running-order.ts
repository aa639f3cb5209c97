import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type CeremonyBatchInput, type CeremonyBatchUpdate } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

export function useRunningOrder(eventId: string | undefined) {
  return useQuery({
    queryKey: keys.runningOrder(eventId ?? ''),
    queryFn: ({ signal }) => call(routes.ceremony.get, { params: { id: eventId ?? '' } }, { signal }),
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
          return call(routes.ceremony.create, { params: { id: eventId }, body: change.input });
        case 'generate':
          return call(routes.ceremony.generate, { params: { id: eventId }, body: { by: change.by } });
        case 'update':
          return call(routes.ceremony.update, { params: { id: change.batchId }, body: change.input });
        case 'remove':
          return call(routes.ceremony.remove, { params: { id: change.batchId } });
        case 'sequence':
          return call(routes.ceremony.sequence, { params: { id: eventId }, body: { batchIds: change.batchIds } });
        case 'stage':
          return call(routes.ceremony.stage, { params: { id: eventId }, body: { batchId: change.batchId } });
      }
    },
    onSuccess: (order) => queryClient.setQueryData(keys.runningOrder(eventId), order),
  });
}

export function useScreenLinks(eventId: string | undefined) {
  return useQuery({
    queryKey: keys.screenLinks(eventId ?? ''),
    queryFn: ({ signal }) => call(routes.screenLinks.list, { params: { id: eventId ?? '' } }, { signal }),
    enabled: eventId !== undefined,
  });
}

export function useCreateScreenLink(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => call(routes.screenLinks.create, { params: { id: eventId }, body: { label } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.screenLinks(eventId) }),
  });
}

export function useRevokeScreenLink(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(routes.screenLinks.revoke, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.screenLinks(eventId) }),
  });
}
