import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Participation, ParticipationStatus, SessionInvitationInput } from '@duijie/shared';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';

export function useParticipants(sessionId: string | undefined, status: ParticipationStatus | undefined) {
  return useQuery({
    queryKey: keys.participants(sessionId ?? '', status),
    queryFn: ({ signal }) => api<Participation[]>('GET', `/sessions/${sessionId ?? ''}/participants`, undefined, { signal, query: { status } }),
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
    mutationFn: (participation: Participation) => api<Participation>('POST', `/participants/${participation.id}/approve`),
    onSuccess: (_p, participation) => invalidate(participation.sessionId),
  });
}

export function useRejectParticipant() {
  const invalidate = useInvalidateSession();
  return useMutation({
    mutationFn: ({ participation, reason }: { participation: Participation; reason: string }) =>
      api<Participation>('POST', `/participants/${participation.id}/reject`, { reason }),
    onSuccess: (_p, { participation }) => invalidate(participation.sessionId),
  });
}

export function useInviteToSession() {
  const invalidate = useInvalidateSession();
  return useMutation({
    mutationFn: ({ sessionId, input }: { sessionId: string; input: SessionInvitationInput }) =>
      api<Participation>('POST', `/sessions/${sessionId}/invitations`, input),
    onSuccess: (_p, { sessionId }) => invalidate(sessionId),
  });
}
