import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type Match } from '@duijie/shared';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { Language } from '../../../app/i18n';

/** How many recommendations the drawer shows. */
export const MATCH_LIMIT = 10;

/**
 * The best counterparts of one of my listings, best first, explained in the reader's language;
 * with `includeIneligible` (organisers only) the near misses after them.
 */
export function useMatches(listingId: string | null, lang: Language, includeIneligible = false) {
  return useQuery({
    queryKey: keys.matches(listingId ?? '', lang, includeIneligible),
    queryFn: ({ signal }) =>
      call(
        routes.matching.matches,
        { params: { id: listingId ?? '' }, query: { limit: MATCH_LIMIT, lang, ...(includeIneligible ? { includeIneligible: 'true' as const } : {}) } },
        { signal },
      ),
    enabled: listingId !== null,
    // Switching the language keeps the cards in place while the new texts load.
    placeholderData: keepPreviousData,
  });
}

type MarkInput = { listingId: string; counterpartId: string };

/** Applies a change to every cached language of a listing's recommendations. */
function useEditMatches() {
  const queryClient = useQueryClient();
  return (listingId: string, edit: (matches: Match[]) => Match[]) => {
    queryClient.setQueriesData<Match[]>({ queryKey: keys.matchesOf(listingId) }, (old) => (old ? edit(old) : old));
  };
}

/** Bookmarks or un-bookmarks a recommendation; the star flips at once and flips back on failure. */
export function useBookmarkMatch() {
  const queryClient = useQueryClient();
  const edit = useEditMatches();
  const setFlag = (listingId: string, counterpartId: string, on: boolean) =>
    edit(listingId, (matches) => matches.map((m) => (m.listing.id === counterpartId ? { ...m, bookmarked: on } : m)));
  return useMutation({
    mutationFn: ({ listingId, counterpartId, on }: MarkInput & { on: boolean }) =>
      call(on ? routes.matching.bookmark : routes.matching.unbookmark, { params: { id: listingId, counterpartId } }),
    onMutate: async ({ listingId, counterpartId, on }) => {
      await queryClient.cancelQueries({ queryKey: keys.matchesOf(listingId) });
      setFlag(listingId, counterpartId, on);
    },
    onError: (_error, { listingId, counterpartId, on }) => setFlag(listingId, counterpartId, !on),
  });
}

/** Dismisses a recommendation for good: the card goes, and the next best takes its place. */
export function useDismissMatch() {
  const queryClient = useQueryClient();
  const edit = useEditMatches();
  return useMutation({
    mutationFn: ({ listingId, counterpartId }: MarkInput) => call(routes.matching.dismiss, { params: { id: listingId, counterpartId } }),
    onSuccess: async (_void, { listingId, counterpartId }) => {
      edit(listingId, (matches) => matches.filter((m) => m.listing.id !== counterpartId));
      await queryClient.invalidateQueries({ queryKey: keys.matchesOf(listingId) });
    },
  });
}

/** The API's limit on ids per match-count request. */
const MAX_COUNT_IDS = 100;

/**
 * How many good matches each listing of a board page has. `boardSeq` is the board's sequence
 * number, already debounced by the caller: a change of the board asks again.
 */
export function useMatchCounts(sessionId: string, ids: readonly string[], boardSeq: number, enabled: boolean) {
  const page = [...ids].slice(0, MAX_COUNT_IDS).sort();
  return useQuery({
    queryKey: keys.matchCounts(sessionId, page, boardSeq),
    queryFn: ({ signal }) => call(routes.matching.counts, { params: { id: sessionId }, query: { ids: page.join(',') } }, { signal }),
    enabled: enabled && sessionId !== '' && page.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
