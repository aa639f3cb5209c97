// The board as a client holds it: a snapshot plus the events applied since, keyed by
// listing id. Pure, so the browser, the tests and the benchmark apply events the same way.
import type { BoardTotals, ListingPublic, MatchSession } from './api';
import type { BoardEvent, BoardSnapshot } from './realtime';

export type BoardState = {
  sessionId: string;
  seq: number;
  session: MatchSession;
  /** Open listings by id. */
  listings: Map<string, ListingPublic>;
  totals: BoardTotals;
  totalsSeq: number;
};

export function boardFromSnapshot(snapshot: BoardSnapshot): BoardState {
  return {
    sessionId: snapshot.sessionId,
    seq: snapshot.seq,
    session: snapshot.session,
    listings: new Map(snapshot.listings.map((l) => [l.id, l])),
    totals: snapshot.totals,
    totalsSeq: snapshot.seq,
  };
}

/** Applies one event that is the next in sequence; the caller orders them (orderBoardEvents). */
export function applyBoardEvent(state: BoardState, event: BoardEvent): BoardState {
  if (event.seq !== state.seq + 1) throw new Error(`board event ${event.seq} applied at ${state.seq}`);
  const listings = new Map(state.listings);
  let session = state.session;
  switch (event.type) {
    case 'listing.created':
    case 'listing.updated':
      if (event.listing.status === 'open') listings.set(event.listing.id, event.listing);
      else listings.delete(event.listing.id);
      break;
    case 'listing.withdrawn':
      listings.delete(event.listingId);
      break;
    case 'session.changed':
      session = event.session;
      break;
    case 'participant.changed':
      break;
  }
  return { ...state, seq: event.seq, session, listings };
}

/** Newer totals replace older ones; totals never move the event sequence. */
export function applyBoardTotals(state: BoardState, seq: number, totals: BoardTotals): BoardState {
  return seq >= state.totalsSeq ? { ...state, totals, totalsSeq: seq } : state;
}
