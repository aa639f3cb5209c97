import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  routes,
  type ObligationReviewInput,
  type SurveyAnswersInput,
  type SurveyExclusionInput,
  type SurveyInput,
  type SurveyResponseListQuery,
  type SurveySendInput,
  type SurveyUpdateInput,
} from '@duijie/shared';
import { call, newIdempotencyKey } from '../../../api/client';
import { keys } from '../../../api/keys';

const idempotent = () => ({ headers: { 'Idempotency-Key': newIdempotencyKey() } });

export function useSurveys(eventId: string) {
  return useQuery({
    queryKey: keys.surveys(eventId),
    queryFn: ({ signal }) => call(routes.surveys.list, { params: { id: eventId } }, { signal }),
  });
}

/** A page of a survey's responses (organisers), each with a summary of its answers; the page shown stays while the next loads. */
export function useSurveyResponses(surveyId: string, query: SurveyResponseListQuery) {
  return useQuery({
    queryKey: [...keys.surveyResponses(surveyId), query],
    queryFn: ({ signal }) => call(routes.surveys.responses, { params: { id: surveyId }, query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One response with its answers, read when an organiser opens it (under the survey's responses: refreshed with them). */
export function useSurveyResponse(surveyId: string, id: string) {
  return useQuery({
    queryKey: [...keys.surveyResponses(surveyId), 'one', id],
    queryFn: ({ signal }) => call(routes.surveys.response, { params: { id } }, { signal }),
  });
}

export function useSurveyExclusions() {
  return useQuery({
    queryKey: keys.surveyExclusions,
    queryFn: ({ signal }) => call(routes.surveys.exclusions, {}, { signal }),
  });
}

export function useDemandGuidance(eventId: string | undefined) {
  return useQuery({
    queryKey: keys.demandGuidance(eventId ?? ''),
    queryFn: ({ signal }) => call(routes.surveys.guidance, { params: { id: eventId ?? '' } }, { signal }),
    enabled: eventId !== undefined,
  });
}

export function useMySurveys() {
  return useQuery({
    queryKey: keys.mySurveys,
    queryFn: ({ signal }) => call(routes.surveys.mine, {}, { signal }),
  });
}

/** Create or edit (a draft) and the survey writes of organisers; each refreshes the event's list. */
export function useSurveyWrites(eventId: string) {
  const client = useQueryClient();
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: keys.surveys(eventId) }), client.invalidateQueries({ queryKey: ['surveys'] })]);
  return {
    create: useMutation({
      mutationFn: (body: SurveyInput) => call(routes.surveys.create, { params: { id: eventId }, body }, idempotent()),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: SurveyUpdateInput }) => call(routes.surveys.update, { params: { id }, body }),
      onSuccess: refresh,
    }),
    send: useMutation({
      mutationFn: ({ id, body }: { id: string; body: SurveySendInput }) => call(routes.surveys.send, { params: { id }, body }, idempotent()),
      onSuccess: (result) => (result.dryRun ? undefined : refresh()),
    }),
    close: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) => call(routes.surveys.close, { params: { id }, body: { version } }),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: ({ id, version, text }: { id: string; version: number; text: string }) =>
        call(routes.surveys.publishGuidance, { params: { id }, body: { version, text } }),
      onSuccess: refresh,
    }),
    review: useMutation({
      mutationFn: ({ id, body }: { id: string; body: ObligationReviewInput }) => call(routes.obligations.review, { params: { id }, body }, idempotent()),
      onSuccess: refresh,
    }),
  };
}

export function useExclusionWrites() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: keys.surveyExclusions });
  return {
    exclude: useMutation({ mutationFn: (body: SurveyExclusionInput) => call(routes.surveys.exclude, { body }, idempotent()), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => call(routes.surveys.unexclude, { params: { id } }), onSuccess: refresh }),
  };
}

/** The invited organisation's writes on its response: save the draft, file it, confirm the draft listing. */
export function useResponseWrites() {
  const client = useQueryClient();
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: keys.mySurveys }), client.invalidateQueries({ queryKey: keys.myObligations })]);
  return {
    save: useMutation({
      mutationFn: ({ id, body }: { id: string; body: SurveyAnswersInput }) => call(routes.surveys.saveAnswers, { params: { id }, body }),
      onSuccess: refresh,
    }),
    submit: useMutation({
      mutationFn: ({ id, version, obligationVersion }: { id: string; version: number; obligationVersion: number }) =>
        call(routes.surveys.submit, { params: { id }, body: { version, obligationVersion } }, idempotent()),
      onSuccess: refresh,
    }),
    confirm: useMutation({
      mutationFn: (id: string) => call(routes.surveys.confirmListing, { params: { id }, body: {} }, idempotent()),
      onSuccess: () => Promise.all([refresh(), client.invalidateQueries({ queryKey: keys.myListings })]),
    }),
  };
}
