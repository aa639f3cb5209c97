import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type AgreementReportInput, type FollowUpPlanInput, type ObligationReviewInput, type TrackingQuery } from '@duijie/shared';
import { call, newIdempotencyKey, uploadTo } from '../../../api/client';
import { keys } from '../../../api/keys';

/** One page of an event's 跟踪落实 view (organisers). */
export function useTracking(eventId: string | undefined, query: TrackingQuery) {
  return useQuery({
    queryKey: keys.tracking(eventId ?? '', query),
    queryFn: ({ signal }) => call(routes.tracking.agreements, { params: { id: eventId ?? '' }, query }, { signal }),
    enabled: eventId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useFollowUpPlan(eventId: string) {
  return useQuery({
    queryKey: keys.followUpPlan(eventId),
    queryFn: ({ signal }) => call(routes.followUp.plan, { params: { id: eventId } }, { signal }),
  });
}

export function useSetFollowUpPlan(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpPlanInput) => call(routes.followUp.setPlan, { params: { id: eventId }, body }),
    onSuccess: (plan) => client.setQueryData(keys.followUpPlan(eventId), plan),
  });
}

/** An agreement's report schedule (parties and organisers). */
export function useAgreementFollowUp(agreementId: string | undefined) {
  return useQuery({
    queryKey: keys.agreementFollowUp(agreementId ?? ''),
    queryFn: ({ signal }) => call(routes.followUp.agreement, { params: { id: agreementId ?? '' } }, { signal }),
    enabled: agreementId !== undefined,
  });
}

export function useObligationReports(obligationId: string | undefined) {
  return useQuery({
    queryKey: keys.obligationReports(obligationId ?? ''),
    queryFn: ({ signal }) => call(routes.followUp.reports, { params: { id: obligationId ?? '' } }, { signal }),
    enabled: obligationId !== undefined,
  });
}

export function useEvidence(obligationId: string | undefined) {
  return useQuery({
    queryKey: keys.obligationEvidence(obligationId ?? ''),
    queryFn: ({ signal }) => call(routes.followUp.evidence, { params: { id: obligationId ?? '' } }, { signal }),
    enabled: obligationId !== undefined,
  });
}

/** Organisers accept a filed report or return it with a reason. */
export function useReviewObligation(eventId: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ObligationReviewInput }) =>
      call(routes.obligations.review, { params: { id }, body }, { headers: { 'Idempotency-Key': newIdempotencyKey() } }),
    onSuccess: async (obligation) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.agreementFollowUp(obligation.subject.id) }),
        client.invalidateQueries({ queryKey: keys.obligationReports(obligation.id) }),
        eventId ? client.invalidateQueries({ queryKey: keys.trackingAll(eventId) }) : undefined,
      ]);
    },
  });
}

/** What the caller's organisation owes (its 待办). */
export function useMyObligations() {
  return useQuery({
    queryKey: keys.myObligations,
    queryFn: ({ signal }) => call(routes.obligations.mine, {}, { signal }),
  });
}

/** Files a report; the idempotency key is the form's, so a retry of the same submission replays. */
export function useFileReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, key }: { id: string; body: AgreementReportInput; key: string }) =>
      call(routes.followUp.fileReport, { params: { id }, body }, { headers: { 'Idempotency-Key': key } }),
    onSuccess: async (answer) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.myObligations }),
        client.invalidateQueries({ queryKey: keys.obligationReports(answer.obligation.id) }),
        client.invalidateQueries({ queryKey: keys.agreement(answer.obligation.subject.id) }),
      ]);
    },
  });
}

export function useUploadEvidence(obligationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadTo(routes.followUp.uploadEvidence, { params: { id: obligationId } }, [file]),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.obligationEvidence(obligationId) }),
  });
}

export function useDeleteEvidence(obligationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(routes.followUp.deleteEvidence, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.obligationEvidence(obligationId) }),
  });
}
