import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { routes, type AttendanceStatus, type AvailabilityInput, type Meeting } from '@duijie/shared';
import { call, download, isApiFailure, newIdempotencyKey } from '../../../api/client';
import { keys } from '../../../api/keys';

/** A slow safety net under the live pushes (useLiveMeetings), e.g. while the socket is down. */
const SAFETY_REFRESH_MS = 60_000;
/** While a scheduler run is going, its progress is also polled (the push is the fast path). */
const RUN_POLL_MS = 1_000;

export function useSessionMeetings(sessionId: string | undefined) {
  return useQuery({
    queryKey: keys.sessionMeetings(sessionId ?? ''),
    queryFn: ({ signal }) => call(routes.meetings.list, { params: { id: sessionId ?? '' } }, { signal }),
    enabled: sessionId !== undefined,
    placeholderData: keepPreviousData,
    refetchInterval: SAFETY_REFRESH_MS,
  });
}

/** The meetings of several sessions (a participant's sessions of one event), in one list. */
export function useMeetingsOfSessions(sessionIds: readonly string[]) {
  const results = useQueries({
    queries: sessionIds.map((id) => ({
      queryKey: keys.sessionMeetings(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => call(routes.meetings.list, { params: { id } }, { signal }),
      refetchInterval: SAFETY_REFRESH_MS,
    })),
  });
  return {
    data: results.flatMap((r) => r.data ?? []),
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
    refetch: () => Promise.all(results.map((r) => r.refetch())),
  };
}

export function useMeetingStats(sessionId: string | undefined) {
  return useQuery({
    queryKey: keys.meetingStats(sessionId ?? ''),
    queryFn: ({ signal }) => call(routes.meetings.stats, { params: { id: sessionId ?? '' } }, { signal }),
    enabled: sessionId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Reads (or writes) one's own availability, or with `organisationId` (organisers) a participant's. */
const readAvailability = (sessionId: string, organisationId: string | undefined, signal: AbortSignal) =>
  organisationId
    ? call(routes.meetings.availabilityOf, { params: { id: sessionId, organisationId } }, { signal })
    : call(routes.meetings.availability, { params: { id: sessionId } }, { signal });

const saveAvailability = (sessionId: string, organisationId: string | undefined, input: AvailabilityInput) =>
  organisationId
    ? call(routes.meetings.availabilitySetOf, { params: { id: sessionId, organisationId }, body: input })
    : call(routes.meetings.availabilitySet, { params: { id: sessionId }, body: input });

/** One's own availability, or with `organisationId` (organisers) a participant's. */
export function useAvailability(sessionId: string | undefined, organisationId?: string) {
  return useQuery({
    queryKey: keys.availability(sessionId ?? '', organisationId),
    queryFn: ({ signal }) => readAvailability(sessionId ?? '', organisationId, signal),
    enabled: sessionId !== undefined,
  });
}

export function useSaveAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, organisationId, input }: { sessionId: string; organisationId?: string; input: AvailabilityInput }) =>
      saveAvailability(sessionId, organisationId, input),
    onSuccess: (saved, { organisationId }) => {
      queryClient.setQueryData(keys.availability(saved.sessionId, organisationId), saved);
      // Free slots depend on both parties' availability; another view of the same row may be cached.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.availabilityAll(saved.sessionId) }),
        queryClient.invalidateQueries({ queryKey: keys.freeSlotsAll }),
      ]);
    },
  });
}

export function useFreeSlots(meetingId: string | null) {
  return useQuery({
    queryKey: keys.freeSlots(meetingId ?? ''),
    queryFn: ({ signal }) => call(routes.meetings.freeSlots, { params: { id: meetingId ?? '' } }, { signal }),
    enabled: meetingId !== null,
  });
}

/** Refreshes everything that shows a session's meetings: lists, stats, free slots and agendas. */
export async function invalidateMeetings(queryClient: QueryClient, sessionId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.sessionMeetings(sessionId) }),
    queryClient.invalidateQueries({ queryKey: keys.meetingStats(sessionId) }),
    queryClient.invalidateQueries({ queryKey: keys.freeSlotsAll }),
    queryClient.invalidateQueries({ queryKey: keys.myAgendaAll }),
  ]);
}

export function useInvalidateMeetings() {
  const queryClient = useQueryClient();
  return (sessionId: string) => invalidateMeetings(queryClient, sessionId);
}

type MeetingRef = Pick<Meeting, 'id' | 'sessionId'>;

/** Settles by refreshing: a refusal (someone was faster) also means the screen is out of date. */
function useMeetingAction<V extends { meeting: MeetingRef }>(run: (variables: V) => Promise<Meeting>) {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: run,
    onSettled: (_m, _e, variables) => invalidate(variables.meeting.sessionId),
  });
}

export function useBookMeeting() {
  return useMeetingAction(({ meeting, slot }: { meeting: MeetingRef; slot: number }) =>
    // A fresh key per attempt: a retry of a lost answer returns the same booking.
    call(routes.meetings.book, { params: { id: meeting.id }, body: { slot } }, { headers: { 'Idempotency-Key': newIdempotencyKey() } }),
  );
}

export function useReleaseMeeting() {
  return useMeetingAction(({ meeting }: { meeting: MeetingRef }) => call(routes.meetings.release, { params: { id: meeting.id } }));
}

export function usePinMeeting() {
  return useMeetingAction(({ meeting, slot, table }: { meeting: MeetingRef; slot: number; table: number | null }) =>
    call(routes.meetings.pin, { params: { id: meeting.id }, body: { slot, table } }),
  );
}

export function useUnpinMeeting() {
  return useMeetingAction(({ meeting }: { meeting: MeetingRef }) => call(routes.meetings.unpin, { params: { id: meeting.id } }));
}

export function useMarkAttendance() {
  return useMeetingAction(({ meeting, status }: { meeting: MeetingRef; status: AttendanceStatus }) =>
    call(routes.meetings.attendance, { params: { id: meeting.id }, body: { status } }),
  );
}

export function usePublishMeetings() {
  const invalidate = useInvalidateMeetings();
  return useMutation({
    mutationFn: (sessionId: string) => call(routes.meetings.publish, { params: { id: sessionId } }),
    onSettled: (_r, _e, sessionId) => invalidate(sessionId),
  });
}

/** The latest scheduler run (null before the first); polled every second while one is running. */
export function useLatestScheduleRun(sessionId: string | undefined) {
  return useQuery({
    queryKey: keys.scheduleRun(sessionId ?? ''),
    queryFn: async ({ signal }) => {
      try {
        return await call(routes.meetings.scheduleRunLatest, { params: { id: sessionId ?? '' } }, { signal });
      } catch (error) {
        if (isApiFailure(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled: sessionId !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? RUN_POLL_MS : false),
  });
}

export function useStartScheduleRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, allowMoves }: { sessionId: string; allowMoves: boolean }) =>
      call(routes.meetings.scheduleRunStart, { params: { id: sessionId }, body: { allowMoves } }),
    onSuccess: (run) => {
      queryClient.setQueryData(keys.scheduleRun(run.sessionId), run);
    },
    // 409: a run is already going; show it.
    onError: (_e, { sessionId }) => queryClient.invalidateQueries({ queryKey: keys.scheduleRun(sessionId) }),
  });
}

export function useMyAgenda(eventId: string | undefined) {
  return useQuery({
    queryKey: keys.myAgenda(eventId ?? ''),
    queryFn: ({ signal }) => call(routes.meetings.agenda, { query: { eventId: eventId ?? '' } }, { signal }),
    enabled: eventId !== undefined,
    refetchInterval: SAFETY_REFRESH_MS,
  });
}

/** Downloads my organisation's agenda of an event as a calendar file or a printable PDF. */
export function downloadAgenda(eventId: string, format: 'ics' | 'pdf', filename: string): Promise<void> {
  return download(format === 'ics' ? routes.meetings.agendaIcs : routes.meetings.agendaPdf, { query: { eventId } }, `${filename}.${format}`);
}
