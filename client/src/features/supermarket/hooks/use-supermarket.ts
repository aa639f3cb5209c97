import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type ApplicationAnswerInput, type FinancingApplication, type SupermarketQuery } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

/** Applications carry no live push: a slow refresh shows answers and new applications unprompted. */
const REFRESH_MS = 30_000;

/** One page of the event's credit and guarantee products that fit the filters. */
export function useSupermarket(eventId: string | undefined, query: SupermarketQuery) {
  return useQuery({
    queryKey: keys.supermarket(eventId ?? '', query),
    queryFn: ({ signal }) => call(routes.supermarket.shelf, { params: { id: eventId ?? '' }, query }, { signal }),
    enabled: eventId !== undefined && eventId !== '',
    placeholderData: keepPreviousData,
  });
}

/** Applications my organisation sent, or must answer, newest first. */
export function useMyApplications(enabled = true) {
  return useQuery({
    queryKey: keys.myApplications,
    queryFn: ({ signal }) => call(routes.supermarket.mine, {}, { signal }),
    enabled,
    refetchInterval: REFRESH_MS,
  });
}

export function useApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId, needListingId, idempotencyKey }: { offerId: string; needListingId: string; idempotencyKey: string }) =>
      call(routes.supermarket.apply, { params: { id: offerId }, body: { needListingId } }, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.myApplications }),
  });
}

export function useAnswerApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ application, input }: { application: FinancingApplication; input: ApplicationAnswerInput }) =>
      call(routes.supermarket.answer, { params: { id: application.id }, body: input }),
    onSettled: async (_answered, _error, { application }) => {
      await queryClient.invalidateQueries({ queryKey: keys.myApplications });
      await queryClient.invalidateQueries({ queryKey: keys.overdueApplications(application.eventId) });
    },
  });
}

/** Organisers: per bank, the pending applications and those past their deadline. */
export function useOverdueApplications(eventId: string | undefined) {
  return useQuery({
    queryKey: keys.overdueApplications(eventId ?? ''),
    queryFn: ({ signal }) => call(routes.supermarket.overdue, { params: { id: eventId ?? '' } }, { signal }),
    enabled: eventId !== undefined,
    refetchInterval: 60_000,
  });
}

/** An application still waiting or accepted: the server allows one such per need and product. */
export function isLiveApplication(application: FinancingApplication): boolean {
  return application.status === 'pending' || application.status === 'accepted';
}
