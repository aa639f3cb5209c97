import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type ListingInput, type ListingUpdateInput, type ListingView, type ListingWithdrawInput, type MatchSession } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

export function useMyListings() {
  return useQuery({
    queryKey: keys.myListings,
    queryFn: ({ signal }) => call(routes.listings.mine, {}, { signal }),
  });
}

export function useListingHistory(id: string | null) {
  return useQuery({
    queryKey: keys.listingHistory(id ?? ''),
    queryFn: ({ signal }) => call(routes.listings.history, { params: { id: id ?? '' } }, { signal }),
    enabled: id !== null,
  });
}

/** The sessions behind a set of ids (my listings and participations name sessions only by id). */
export function useSessionsById(ids: string[]): Map<string, MatchSession> {
  const unique = [...new Set(ids)].sort();
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: keys.session(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => call(routes.events.getSession, { params: { id } }, { signal }),
      staleTime: 60_000,
    })),
  });
  const byId = new Map<string, MatchSession>();
  for (const result of results) if (result.data) byId.set(result.data.id, result.data);
  return byId;
}

type ListingRef = Pick<ListingView, 'id' | 'sessionId'>;

function useInvalidateListings() {
  const queryClient = useQueryClient();
  return async (listing?: ListingRef) => {
    await queryClient.invalidateQueries({ queryKey: keys.myListings });
    if (listing) {
      await queryClient.invalidateQueries({ queryKey: keys.listing(listing.id) });
      await queryClient.invalidateQueries({ queryKey: keys.session(listing.sessionId) });
    }
  };
}

export function useCreateListing() {
  const invalidate = useInvalidateListings();
  return useMutation({
    mutationFn: ({ sessionId, input, idempotencyKey }: { sessionId: string; input: ListingInput; idempotencyKey: string }) =>
      call(routes.listings.create, { params: { id: sessionId }, body: input }, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (created, { sessionId }) => invalidate({ id: created.id, sessionId }),
  });
}

export function useUpdateListing() {
  const invalidate = useInvalidateListings();
  return useMutation({
    mutationFn: ({ listing, input }: { listing: ListingRef; input: ListingUpdateInput }) =>
      call(routes.listings.update, { params: { id: listing.id }, body: input }),
    onSuccess: (_updated, { listing }) => invalidate(listing),
  });
}

export function useWithdrawListing() {
  const invalidate = useInvalidateListings();
  return useMutation({
    mutationFn: ({ listing, input }: { listing: ListingRef; input: ListingWithdrawInput }) =>
      call(routes.listings.withdraw, { params: { id: listing.id }, body: input }),
    onSuccess: (_withdrawn, { listing }) => invalidate(listing),
  });
}

/** After a 409, fetch the newer versions of my listings. */
export function useReloadListings() {
  return useInvalidateListings();
}
