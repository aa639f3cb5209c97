import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListingQuery, ListingView, Page } from '@duijie/shared';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';

/** One page of a session's listings over HTTP; the board uses it for withdrawn listings. */
export function useSessionListings(sessionId: string, query: ListingQuery) {
  return useQuery({
    queryKey: keys.listings(sessionId, query),
    queryFn: ({ signal }) => api<Page<ListingView>>('GET', `/sessions/${sessionId}/listings`, undefined, { signal, query }),
    enabled: sessionId !== '',
    placeholderData: keepPreviousData,
  });
}
