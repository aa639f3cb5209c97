import type { Match, MatchCounts, MatchCountsQuery, MatchesQuery } from '../api';
import { route } from './route';

export const matching = {
  matches: route<{ query: MatchesQuery; output: Match[] }>()('GET', '/listings/:id/matches', {
    summary:
      'The best eligible counterparts of a listing, each with its score and the reasons behind it; for organisers with includeIneligible=true, then the near misses with why they are ineligible (403 for others)',
    errors: ['listing_withdrawn'],
  }),
  dismiss: route<{ output: void }>()('PUT', '/listings/:id/matches/:counterpartId/dismissed', {
    summary: 'Dismisses a recommendation for good (idempotent)',
    status: 204,
  }),
  bookmark: route<{ output: void }>()('PUT', '/listings/:id/matches/:counterpartId/bookmarked', {
    summary: 'Bookmarks a recommendation (idempotent)',
    status: 204,
  }),
  unbookmark: route<{ output: void }>()('DELETE', '/listings/:id/matches/:counterpartId/bookmarked', {
    summary: 'Removes a recommendation’s bookmark (idempotent)',
    status: 204,
  }),
  counts: route<{ query: MatchCountsQuery; output: MatchCounts }>()('GET', '/sessions/:id/match-counts', {
    summary: 'Match counts for the listings of a board page',
  }),
};
