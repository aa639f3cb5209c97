import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type ObligationReviewInput, type RewardPeriodInput, type StatisticsFormInput, type StatisticsFormListQuery } from '@duijie/shared';
import { call, newIdempotencyKey } from '../../../api/client';
import { keys } from '../../../api/keys';

const idempotent = () => ({ headers: { 'Idempotency-Key': newIdempotencyKey() } });

/** An event's reporting periods with their progress (organisers). */
export function useRewardPeriods(eventId: string) {
  return useQuery({
    queryKey: keys.rewardPeriods(eventId),
    queryFn: ({ signal }) => call(routes.statistics.periods, { params: { id: eventId } }, { signal }),
  });
}

/** A page of a period's forms (organisers); the page shown stays while the next loads. */
export function useStatisticsForms(periodId: string, query: StatisticsFormListQuery) {
  return useQuery({
    queryKey: [...keys.statisticsForms(periodId), query],
    queryFn: ({ signal }) => call(routes.statistics.forms, { params: { id: periodId }, query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One form with every filed version. */
export function useStatisticsForm(id: string | null) {
  return useQuery({
    queryKey: keys.statisticsForm(id ?? ''),
    queryFn: ({ signal }) => call(routes.statistics.form, { params: { id: id ?? '' } }, { signal }),
    enabled: id !== null,
  });
}

/** The forms the caller's organisation owes or filed. */
export function useMyStatisticsForms() {
  return useQuery({
    queryKey: keys.myStatisticsForms,
    queryFn: ({ signal }) => call(routes.statistics.mine, {}, { signal }),
  });
}

/** Organisers' writes: open and close a period, review a filed form; each refreshes the periods and their forms. */
export function usePeriodWrites(eventId: string) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.rewardPeriods(eventId) }),
      client.invalidateQueries({ queryKey: ['reward-periods'] }),
      client.invalidateQueries({ queryKey: ['statistics-forms'] }),
    ]);
  return {
    open: useMutation({
      mutationFn: (body: RewardPeriodInput) => call(routes.statistics.openPeriod, { params: { id: eventId }, body }, idempotent()),
      onSuccess: refresh,
    }),
    close: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) => call(routes.statistics.closePeriod, { params: { id }, body: { version } }),
      onSuccess: refresh,
    }),
    review: useMutation({
      mutationFn: ({ id, body }: { id: string; body: ObligationReviewInput }) => call(routes.obligations.review, { params: { id }, body }, idempotent()),
      onSuccess: refresh,
    }),
  };
}

/** The institution's writes on its form: save the draft, file it. */
export function useFormWrites() {
  const client = useQueryClient();
  const refresh = (id: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.myStatisticsForms }),
      client.invalidateQueries({ queryKey: keys.statisticsForm(id) }),
      client.invalidateQueries({ queryKey: keys.myObligations }),
    ]);
  return {
    save: useMutation({
      mutationFn: ({ id, body }: { id: string; body: StatisticsFormInput }) => call(routes.statistics.saveDraft, { params: { id }, body }),
      onSuccess: (_form, { id }) => refresh(id),
    }),
    submit: useMutation({
      mutationFn: ({ id, body }: { id: string; body: StatisticsFormInput }) => call(routes.statistics.submit, { params: { id }, body }, idempotent()),
      onSuccess: (_form, { id }) => refresh(id),
    }),
  };
}
