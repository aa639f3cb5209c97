import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes, type ListingQuery } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

/** One page of a session's listings over HTTP; the board uses it for withdrawn listings. */
export function useSessionListings(sessionId: string, query: ListingQuery) {
  return useQuery({
    queryKey: keys.listings(sessionId, query),
    queryFn: ({ signal }) => call(routes.listings.list, { params: { id: sessionId }, query }, { signal }),
    enabled: sessionId !== '',
    placeholderData: keepPreviousData,
  });
}
