import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  routes,
  type EventInput,
  type MatchSession,
  type ParticipantRole,
  type SessionInput,
  type SessionStatus,
  type SessionUpdateInput,
} from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

export function useEvents() {
  return useQuery({
    queryKey: keys.events,
    queryFn: ({ signal }) => call(routes.events.list, {}, { signal }),
  });
}

export function useEventDetail(id: string | undefined) {
  return useQuery({
    queryKey: keys.event(id ?? ''),
    queryFn: ({ signal }) => call(routes.events.get, { params: { id: id ?? '' } }, { signal }),
    enabled: id !== undefined && id !== '',
  });
}

export function useSession(id: string | undefined) {
  return useQuery({
    queryKey: keys.session(id ?? ''),
    queryFn: ({ signal }) => call(routes.events.getSession, { params: { id: id ?? '' } }, { signal }),
    enabled: id !== undefined && id !== '',
  });
}

export function useMyParticipations(enabled = true) {
  return useQuery({
    queryKey: keys.myParticipations,
    queryFn: ({ signal }) => call(routes.participation.mine, {}, { signal }),
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
      id ? call(routes.events.update, { params: { id }, body: input }) : call(routes.events.create, { body: input }),
    onSuccess: () => invalidate(),
  });
}

export function useCreateSession() {
  const invalidate = useInvalidateEvents();
  return useMutation({
    mutationFn: ({ eventId, input }: { eventId: string; input: SessionInput }) => call(routes.events.createSession, { params: { id: eventId }, body: input }),
    onSuccess: (session) => invalidate(session.id),
  });
}

export function useUpdateSession() {
  const invalidate = useInvalidateEvents();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SessionUpdateInput }) => call(routes.events.updateSession, { params: { id }, body: input }),
    onSuccess: (session) => invalidate(session.id),
  });
}

export function useTransitionSession() {
  const invalidate = useInvalidateEvents();
  return useMutation({
    mutationFn: ({ session, to }: { session: MatchSession; to: SessionStatus }) =>
      call(routes.events.transition, { params: { id: session.id }, body: { to, version: session.version } }),
    onSuccess: (session) => invalidate(session.id),
  });
}

export function useRegisterForSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, role }: { sessionId: string; role: ParticipantRole }) =>
      call(routes.participation.register, { params: { id: sessionId }, body: { role } }),
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
