import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type MeetingRequest, type MeetingRequestAnswerInput, type MeetingRequestInput } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

/** Requests carry no live push: a slow refresh lets answers and new requests show up unprompted. */
const REFRESH_MS = 30_000;

/** Meeting requests my organisation sent or received, newest first. */
export function useMyMeetingRequests(enabled = true) {
  return useQuery({
    queryKey: keys.myMeetingRequests,
    queryFn: ({ signal }) => call(routes.meetings.requestsMine, {}, { signal }),
    enabled,
    refetchInterval: REFRESH_MS,
  });
}

function useInvalidateRequests() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.myMeetingRequests });
}

export function useCreateMeetingRequest() {
  const invalidate = useInvalidateRequests();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: MeetingRequestInput; idempotencyKey: string }) =>
      call(routes.meetings.requestCreate, { body: input }, { headers: { 'Idempotency-Key': idempotencyKey } }),
    // A refusal (already asked) also means the list has a request this screen has not seen.
    onSettled: () => invalidate(),
  });
}

export function useAnswerMeetingRequest() {
  const invalidate = useInvalidateRequests();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, input }: { request: MeetingRequest; input: MeetingRequestAnswerInput }) =>
      call(routes.meetings.requestAnswer, { params: { id: request.id }, body: input }),
    onSettled: async (_r, _e, { request }) => {
      await invalidate();
      // An accepted request becomes a meeting of its session.
      await queryClient.invalidateQueries({ queryKey: keys.sessionMeetings(request.sessionId) });
    },
  });
}

export function useCancelMeetingRequest() {
  const invalidate = useInvalidateRequests();
  return useMutation({
    mutationFn: (request: MeetingRequest) => call(routes.meetings.requestCancel, { params: { id: request.id } }),
    onSettled: () => invalidate(),
  });
}

/** A request still waiting for an answer, or accepted: the server allows one such per pair and session. */
export function isLive(request: MeetingRequest): boolean {
  return request.status === 'pending' || request.status === 'accepted';
}

/**
 * My live request to the organisation behind a listing, in that listing's session (the server
 * keeps one per pair and session), if any.
 */
export function liveRequestTo(
  requests: readonly MeetingRequest[] | undefined,
  myOrganisationId: string,
  listing: { organisationId: string; sessionId: string },
): MeetingRequest | undefined {
  return requests?.find(
    (r) => isLive(r) && r.from.organisationId === myOrganisationId && r.to.organisationId === listing.organisationId && r.sessionId === listing.sessionId,
  );
}
