import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EventDetail,
  EventInput,
  MatchEvent,
  MatchSession,
  Participation,
  ParticipantRole,
  SessionInput,
  SessionStatus,
  SessionUpdateInput,
} from '@duijie/shared';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';

export function useEvents() {
  return useQuery({
    queryKey: keys.events,
    queryFn: ({ signal }) => api<MatchEvent[]>('GET', '/events', undefined, { signal }),
  });
}

export function useEventDetail(id: string | undefined) {
  return useQuery({
    queryKey: keys.event(id ?? ''),
    queryFn: ({ signal }) => api<EventDetail>('GET', `/events/${id ?? ''}`, undefined, { signal }),
    enabled: id !== undefined && id !== '',
  });
}

export function useSession(id: string | undefined) {
  return useQuery({
    queryKey: keys.session(id ?? ''),
    queryFn: ({ signal }) => api<MatchSession>('GET', `/sessions/${id ?? ''}`, undefined, { signal }),
    enabled: id !== undefined && id !== '',
  });
}

export function useMyParticipations(enabled = true) {
  return useQuery({
    queryKey: keys.myParticipations,
    queryFn: ({ signal }) => api<Participation[]>('GET', '/me/participations', undefined, { signal }),
    enabled,
  });
}

/** Refreshes everything that shows events and sessions. */
function useInvalidateEvents() {
  const queryClient = useQueryClient();
  return async (sessionId?: string) => {
    await queryClient.invalidateQueries({ queryKey: keys.events });
    if (sessionId) await queryClient.invalidateQueries({ queryKey: keys.session(sessionId) });
  };
}

export function useSaveEvent() {
  const invalidate = useInvalidateEvents();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: EventInput }) =>
      id ? api<MatchEvent>('PATCH', `/events/${id}`, input) : api<MatchEvent>('POST', '/events', input),
    onSuccess: () => invalidate(),
  });
}

export function useCreateSession() {
  const invalidate = useInvalidateEvents();
  return useMutation({
    mutationFn: ({ eventId, input }: { eventId: string; input: SessionInput }) => api<MatchSession>('POST', `/events/${eventId}/sessions`, input),
    onSuccess: (session) => invalidate(session.id),
  });
}

export function useUpdateSession() {
  const invalidate = useInvalidateEvents();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SessionUpdateInput }) => api<MatchSession>('PATCH', `/sessions/${id}`, input),
    onSuccess: (session) => invalidate(session.id),
  });
}

export function useTransitionSession() {
  const invalidate = useInvalidateEvents();
  return useMutation({
    mutationFn: ({ session, to }: { session: MatchSession; to: SessionStatus }) =>
      api<MatchSession>('POST', `/sessions/${session.id}/transition`, { to, version: session.version }),
    onSuccess: (session) => invalidate(session.id),
  });
}

export function useRegisterForSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, role }: { sessionId: string; role: ParticipantRole }) =>
      api<Participation>('POST', `/sessions/${sessionId}/participants`, { role }),
    onSuccess: async (participation) => {
      await queryClient.invalidateQueries({ queryKey: keys.myParticipations });
      await queryClient.invalidateQueries({ queryKey: keys.session(participation.sessionId) });
    },
  });
}

/** Refetches the event or session after a 409 so the user sees the newer version. */
export function useReloadEvents() {
  return useInvalidateEvents();
}
