import type { ListingPublic, MatchSession, BoardTotals } from './api';
import { applyBoardEvent, applyBoardTotals, boardFromSnapshot } from './board-state';

const listing = (id: string, version = 1): ListingPublic => ({ id, version, status: 'open', title: id }) as ListingPublic;
const totals = (n: number): BoardTotals => ({ listingsOpen: n }) as BoardTotals;
const base = boardFromSnapshot({ sessionId: 's', seq: 10, session: { id: 's' } as MatchSession, listings: [listing('a')], totals: totals(1) });
const at = '2026-12-10T00:00:00Z';

describe('board state', () => {
  it('upserts, replaces and removes listings event by event', () => {
    let state = applyBoardEvent(base, { sessionId: 's', seq: 11, at, type: 'listing.created', listing: listing('b') });
    state = applyBoardEvent(state, { sessionId: 's', seq: 12, at, type: 'listing.updated', listing: listing('a', 2) });
    state = applyBoardEvent(state, { sessionId: 's', seq: 13, at, type: 'listing.withdrawn', listingId: 'b', version: 2 });
    expect([...state.listings.keys()]).toEqual(['a']);
    expect(state.listings.get('a')!.version).toBe(2);
    expect(state.seq).toBe(13);
    expect(base.listings.size).toBe(1);
  });

  it('refuses an event out of sequence', () => {
    expect(() => applyBoardEvent(base, { sessionId: 's', seq: 12, at, type: 'listing.withdrawn', listingId: 'a', version: 2 })).toThrow();
  });

  it('keeps the newest totals', () => {
    const newer = applyBoardTotals(base, 12, totals(5));
    expect(applyBoardTotals(newer, 11, totals(3)).totals.listingsOpen).toBe(5);
  });
});
