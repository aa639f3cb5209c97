import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type RewardAwardListQuery, type RewardProgram, type RewardProgramInput, type RewardRun } from '@duijie/shared';
import { call, newIdempotencyKey } from '../../../api/client';
import { keys } from '../../../api/keys';
import { EVENT_TIME_ZONE } from '../../../ui/dates';
import { useEventDetail } from '../../events/hooks/use-events';

/** An event's reporting periods (the statistics tab keeps them under the same key). */
const periodsKey = (eventId: string) => ['events', eventId, 'reward-periods'] as const;

export function useRewardPeriods(eventId: string | undefined) {
  return useQuery({
    queryKey: periodsKey(eventId ?? ''),
    queryFn: ({ signal }) => call(routes.statistics.periods, { params: { id: eventId ?? '' } }, { signal }),
    enabled: eventId !== undefined,
  });
}

export function useRewardPrograms(eventId: string | undefined) {
  return useQuery({
    queryKey: keys.rewardPrograms(eventId ?? ''),
    queryFn: ({ signal }) => call(routes.rewards.programs, { params: { id: eventId ?? '' } }, { signal }),
    enabled: eventId !== undefined,
  });
}

export function useRewardProgram(id: string | undefined) {
  return useQuery({
    queryKey: keys.rewardProgram(id ?? ''),
    queryFn: ({ signal }) => call(routes.rewards.program, { params: { id: id ?? '' } }, { signal }),
    enabled: id !== undefined,
  });
}

function useProgramSaved(eventId: string) {
  const client = useQueryClient();
  return (program: RewardProgram) => {
    client.setQueryData(keys.rewardProgram(program.id), program);
    void client.invalidateQueries({ queryKey: keys.rewardPrograms(eventId) });
  };
}

/** "从省金融办规则新建": the seed's rules as a new draft. */
export function useCreateFromDefault(eventId: string) {
  const saved = useProgramSaved(eventId);
  return useMutation({
    mutationFn: async (name: string) => {
      const content = await call(routes.rewards.defaultProgram, {});
      return call(routes.rewards.createProgram, { params: { id: eventId }, body: { name, content } }, { headers: { 'Idempotency-Key': newIdempotencyKey() } });
    },
    onSuccess: saved,
  });
}

export function useCheckProgram() {
  return useMutation({ mutationFn: (body: RewardProgramInput) => call(routes.rewards.checkProgram, { body }) });
}

export function useUpdateProgram(eventId: string) {
  const saved = useProgramSaved(eventId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RewardProgramInput & { version: number } }) => call(routes.rewards.updateProgram, { params: { id }, body }),
    onSuccess: saved,
  });
}

export function usePublishProgram(eventId: string) {
  const saved = useProgramSaved(eventId);
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => call(routes.rewards.publishProgram, { params: { id }, body: { version } }),
    onSuccess: saved,
  });
}

export function useNewProgramVersion(eventId: string) {
  const saved = useProgramSaved(eventId);
  return useMutation({
    mutationFn: (id: string) => call(routes.rewards.newVersion, { params: { id } }, { headers: { 'Idempotency-Key': newIdempotencyKey() } }),
    onSuccess: saved,
  });
}

export function useRewardRuns(periodId: string | undefined) {
  return useQuery({
    queryKey: keys.rewardRuns(periodId ?? ''),
    queryFn: ({ signal }) => call(routes.rewards.runs, { params: { id: periodId ?? '' } }, { signal }),
    enabled: periodId !== undefined,
  });
}

export function useRewardRun(id: string | undefined) {
  return useQuery({
    queryKey: keys.rewardRun(id ?? ''),
    queryFn: ({ signal }) => call(routes.rewards.run, { params: { id: id ?? '' } }, { signal }),
    enabled: id !== undefined,
  });
}

export function useRewardAwards(runId: string | undefined, query: RewardAwardListQuery) {
  return useQuery({
    queryKey: keys.rewardAwards(runId ?? '', query),
    queryFn: ({ signal }) => call(routes.rewards.awards, { params: { id: runId ?? '' }, query }, { signal }),
    enabled: runId !== undefined,
    placeholderData: keepPreviousData,
  });
}

function useRunChanged() {
  const client = useQueryClient();
  return (run: RewardRun) => {
    client.setQueryData(keys.rewardRun(run.id), run);
    void client.invalidateQueries({ queryKey: keys.rewardRuns(run.periodId) });
    void client.invalidateQueries({ queryKey: ['reward-runs', run.id, 'awards'] });
  };
}

/** "计算": one Idempotency-Key per click, so a retried request does not run twice. */
export function useComputeRun() {
  const changed = useRunChanged();
  return useMutation({
    mutationFn: ({ periodId, programId, idempotencyKey }: { periodId: string; programId: string; idempotencyKey: string }) =>
      call(routes.rewards.compute, { params: { id: periodId }, body: { programId } }, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: changed,
  });
}

export function useApproveRun() {
  const changed = useRunChanged();
  return useMutation({
    mutationFn: (run: RewardRun) => call(routes.rewards.approve, { params: { id: run.id }, body: { version: run.version } }),
    onSuccess: changed,
  });
}

export function useConfirmPayment(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ organisationId, reference }: { organisationId: string; reference: string }) =>
      call(
        routes.rewards.confirmPayment,
        { params: { id: runId, organisationId }, body: { reference } },
        { headers: { 'Idempotency-Key': newIdempotencyKey() } },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reward-runs', runId, 'awards'] }),
  });
}

export function useMyRewardAwards() {
  return useQuery({
    queryKey: keys.myRewardAwards,
    queryFn: ({ signal }) => call(routes.rewards.mine, {}, { signal }),
  });
}

/** The event's time zone, in which every date of its rewards is shown. */
export function useEventZone(eventId: string | undefined): string {
  const event = useEventDetail(eventId);
  return event.data?.timeZone ?? EVENT_TIME_ZONE;
}
