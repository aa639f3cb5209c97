import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationAnswerInput, FinancingApplication, ListingPublic, OverdueByOrganisation, Page, SupermarketQuery } from '@duijie/shared';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';

/** Applications carry no live push: a slow refresh shows answers and new applications unprompted. */
const REFRESH_MS = 30_000;

/** One page of the event's credit and guarantee products that fit the filters. */
export function useSupermarket(eventId: string | undefined, query: SupermarketQuery) {
  return useQuery({
    queryKey: keys.supermarket(eventId ?? '', query),
    queryFn: ({ signal }) => api<Page<ListingPublic>>('GET', `/events/${eventId ?? ''}/supermarket`, undefined, { signal, query }),
    enabled: eventId !== undefined && eventId !== '',
    placeholderData: keepPreviousData,
  });
}

/** Applications my organisation sent, or must answer, newest first. */
export function useMyApplications(enabled = true) {
  return useQuery({
    queryKey: keys.myApplications,
    queryFn: ({ signal }) => api<FinancingApplication[]>('GET', '/me/applications', undefined, { signal }),
    enabled,
    refetchInterval: REFRESH_MS,
  });
}

export function useApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId, needListingId, idempotencyKey }: { offerId: string; needListingId: string; idempotencyKey: string }) =>
      api<FinancingApplication>(
        'POST',
        `/listings/${offerId}/applications`,
        { needListingId },
        {
          headers: { 'Idempotency-Key': idempotencyKey },
        },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.myApplications }),
  });
}

export function useAnswerApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ application, input }: { application: FinancingApplication; input: ApplicationAnswerInput }) =>
      api<FinancingApplication>('POST', `/applications/${application.id}/answer`, input),
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
    queryFn: ({ signal }) => api<OverdueByOrganisation[]>('GET', `/events/${eventId ?? ''}/applications/overdue`, undefined, { signal }),
    enabled: eventId !== undefined,
    refetchInterval: 60_000,
  });
}

/** An application still waiting or accepted: the server allows one such per need and product. */
export function isLiveApplication(application: FinancingApplication): boolean {
  return application.status === 'pending' || application.status === 'accepted';
}
