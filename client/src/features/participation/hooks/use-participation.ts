import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type Participation, type ParticipationStatus, type SessionInvitationInput } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

export function useParticipants(sessionId: string | undefined, status: ParticipationStatus | undefined) {
  return useQuery({
    queryKey: keys.participants(sessionId ?? '', status),
    queryFn: ({ signal }) => call(routes.participation.list, { params: { id: sessionId ?? '' }, query: { status } }, { signal }),
    enabled: sessionId !== undefined,
    placeholderData: keepPreviousData,
  });
}

function useInvalidateSession() {
  const queryClient = useQueryClient();
  // Participants, board totals and listings all hang under the session's key.
  return (sessionId: string) => queryClient.invalidateQueries({ queryKey: keys.session(sessionId) });
}

export function useApproveParticipant() {
  const invalidate = useInvalidateSession();
  return useMutation({
    mutationFn: (participation: Participation) => call(routes.participation.approve, { params: { id: participation.id } }),
    onSuccess: (_p, participation) => invalidate(participation.sessionId),
  });
}

export function useRejectParticipant() {
  const invalidate = useInvalidateSession();
  return useMutation({
    mutationFn: ({ participation, reason }: { participation: Participation; reason: string }) =>
      call(routes.participation.reject, { params: { id: participation.id }, body: { reason } }),
    onSuccess: (_p, { participation }) => invalidate(participation.sessionId),
  });
}

export function useInviteToSession() {
  const invalidate = useInvalidateSession();
  return useMutation({
    mutationFn: ({ sessionId, input }: { sessionId: string; input: SessionInvitationInput }) =>
      call(routes.participation.invite, { params: { id: sessionId }, body: input }),
    onSuccess: (_p, { sessionId }) => invalidate(sessionId),
  });
}
