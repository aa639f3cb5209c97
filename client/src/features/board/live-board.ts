// The live board as the browser holds it: the shared BoardState (so the browser, the tests and
// the benchmark apply events the same way) plus when each listing last changed here, for the
// highlight. Pure functions; the follower decides what to apply and when.
import { applyBoardEvent, applyBoardTotals, boardFromSnapshot } from '@duijie/shared';
import type { BoardEvent, BoardSnapshot, BoardState, BoardTotals, ListingPublic, ListingType } from '@duijie/shared';

export type LiveBoard = BoardState & {
  /** When each recently created or changed listing changed here (ms since epoch). */
  changedAt: Record<string, number>;
};

/** How long a change is remembered for highlighting; longer than any highlight lasts. */
const CHANGE_MEMORY_MS = 10_000;

function recentChanges(changedAt: Record<string, number>, now: number): Record<string, number> {
  const kept: Record<string, number> = {};
  for (const [id, at] of Object.entries(changedAt)) if (now - at < CHANGE_MEMORY_MS) kept[id] = at;
  return kept;
}

/**
 * The board from a snapshot. When it replaces a board held before (a resync after a long
 * disconnect), listings that are new or changed since then count as changed now.
 */
export function liveFromSnapshot(snapshot: BoardSnapshot, previous: LiveBoard | undefined, now: number): LiveBoard {
  const state = boardFromSnapshot(snapshot);
  const changedAt: Record<string, number> = {};
  if (previous) {
    const kept = recentChanges(previous.changedAt, now);
    for (const listing of state.listings.values()) {
      const before = previous.listings.get(listing.id);
      if (before?.version !== listing.version) changedAt[listing.id] = now;
      else if (kept[listing.id] !== undefined) changedAt[listing.id] = kept[listing.id];
    }
  }
  return { ...state, changedAt };
}

/** Applies events that orderBoardEvents has put in order (each the next in sequence). */
export function applyLiveEvents(board: LiveBoard, events: BoardEvent[], now: number): LiveBoard {
  if (events.length === 0) return board;
  let state: BoardState = board;
  const changedAt = recentChanges(board.changedAt, now);
  for (const event of events) {
    state = applyBoardEvent(state, event);
    switch (event.type) {
      case 'listing.created':
      case 'listing.updated':
        if (state.listings.has(event.listing.id)) changedAt[event.listing.id] = now;
        else delete changedAt[event.listing.id];
        break;
      case 'listing.withdrawn':
        delete changedAt[event.listingId];
        break;
      case 'participant.changed':
      case 'session.changed':
        break;
    }
  }
  return { ...state, changedAt };
}

/** Takes totals unless the ones held are newer. */
export function withLiveTotals(board: LiveBoard, seq: number, totals: BoardTotals): LiveBoard {
  const state = applyBoardTotals(board, seq, totals);
  return state === board ? board : { ...state, changedAt: board.changedAt };
}

export type LiveFilter = { type: ListingType; category?: string; q?: string };

/**
 * The board's listings of one type, narrowed as the listings API narrows them (category, and
 * q in title, description or organisation) and in its order: most recently changed first.
 */
export function filterListings(listings: Iterable<ListingPublic>, filter: LiveFilter): ListingPublic[] {
  const q = filter.q?.trim().toLocaleLowerCase() ?? '';
  const matching: ListingPublic[] = [];
  for (const l of listings) {
    if (l.type !== filter.type) continue;
    if (filter.category !== undefined && l.goods?.category !== filter.category) continue;
    if (
      q !== '' &&
      !l.title.toLocaleLowerCase().includes(q) &&
      !l.description.toLocaleLowerCase().includes(q) &&
      !l.organisationName.toLocaleLowerCase().includes(q)
    ) {
      continue;
    }
    matching.push(l);
  }
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return matching.sort((a, b) => compare(b.updatedAt, a.updatedAt) || compare(a.id, b.id));
}
