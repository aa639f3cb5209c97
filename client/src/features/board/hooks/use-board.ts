import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BoardTotals, ListingQuery, ListingView, Page } from '@duijie/shared';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';

export function useBoardTotals(sessionId: string) {
  return useQuery({
    queryKey: keys.board(sessionId),
    queryFn: ({ signal }) => api<BoardTotals>('GET', `/sessions/${sessionId}/board`, undefined, { signal }),
    enabled: sessionId !== '',
  });
}

export function useSessionListings(sessionId: string, query: ListingQuery) {
  return useQuery({
    queryKey: keys.listings(sessionId, query),
    queryFn: ({ signal }) =>
      api<Page<ListingView>>('GET', `/sessions/${sessionId}/listings`, undefined, { signal, query }),
    enabled: sessionId !== '',
    placeholderData: keepPreviousData,
  });
}
