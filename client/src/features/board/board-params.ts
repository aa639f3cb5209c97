// What the board page shows, read from its URL (?type, category, q, status, page, pageSize), so
// a view can be shared and survives a reload. Pure, so the rules can be tested without a router.
import { LISTING_TYPES, LISTING_TYPES_BY_ROLE, ROLES_BY_SESSION_KIND } from '@duijie/shared';
import type { BoardTotals, ListingStatus, ListingType, MatchSession } from '@duijie/shared';
import type { ListingFilterValues } from './components/listing-filters';

export const DEFAULT_PAGE_SIZE = 20;

/** Listing types the session's roles post, plus any type that has listings anyway. */
export function boardTypes(session: MatchSession, totals: BoardTotals | undefined): ListingType[] {
  const relevant = new Set(ROLES_BY_SESSION_KIND[session.kind].flatMap((role) => LISTING_TYPES_BY_ROLE[role]));
  return LISTING_TYPES.filter((type) => relevant.has(type) || (totals?.byType[type] ?? 0) > 0);
}

function isListingType(value: string | null): value is ListingType {
  return value !== null && (LISTING_TYPES as readonly string[]).includes(value);
}

function isListingStatus(value: string | null): value is ListingStatus {
  return value === 'open' || value === 'withdrawn';
}

/** The newer of the live and the fetched copy of the session (actions send its version). */
export function newerSession(live: MatchSession | undefined, fetched: MatchSession | undefined): MatchSession | undefined {
  if (!live) return fetched;
  if (!fetched) return live;
  return fetched.version > live.version ? fetched : live;
}

export type BoardParams = {
  /** The tab shown: the one asked for, else the first of the board's types. */
  activeType: ListingType | undefined;
  filters: ListingFilterValues;
  page: number;
  pageSize: number;
};

export function readBoardParams(params: URLSearchParams, types: ListingType[]): BoardParams {
  const requestedType = params.get('type');
  const statusParam = params.get('status');
  return {
    activeType: isListingType(requestedType) ? requestedType : types[0],
    filters: {
      category: params.get('category') ?? undefined,
      q: params.get('q') ?? undefined,
      // Open listings unless withdrawn ones are asked for ('all' is the open board too: the API's default).
      status: statusParam === 'all' ? undefined : isListingStatus(statusParam) ? statusParam : 'open',
    },
    page: Math.max(1, Number(params.get('page') ?? '1') || 1),
    pageSize: Math.max(1, Number(params.get('pageSize') ?? String(DEFAULT_PAGE_SIZE)) || DEFAULT_PAGE_SIZE),
  };
}

/** The URL parameters with `changes` applied; an empty or undefined value removes its key. */
export function withParams(params: URLSearchParams, changes: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}
