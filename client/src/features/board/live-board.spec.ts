import { describe, expect, it } from 'vitest';
import { created, listing, snapshot, totals, updated, withdrawn } from '../../test/fixtures';
import { applyLiveEvents, filterListings, liveFromSnapshot, withLiveTotals } from './live-board';

const T0 = 1_000_000;

describe('liveFromSnapshot', () => {
  it('highlights nothing on a first snapshot', () => {
    const board = liveFromSnapshot(snapshot(5, [listing({ id: 'a' }), listing({ id: 'b' })]), undefined, T0);
    expect(board.seq).toBe(5);
    expect([...board.listings.keys()]).toEqual(['a', 'b']);
    expect(board.changedAt).toEqual({});
  });

  it('after a resync, highlights listings that are new or changed since the board held before', () => {
    const before = liveFromSnapshot(snapshot(5, [listing({ id: 'same' }), listing({ id: 'edited', version: 1 })]), undefined, T0);
    const after = liveFromSnapshot(snapshot(9, [listing({ id: 'same' }), listing({ id: 'edited', version: 2 }), listing({ id: 'new' })]), before, T0 + 500);
    expect(after.changedAt).toEqual({ edited: T0 + 500, new: T0 + 500 });
  });

  it('keeps a recent highlight of an unchanged listing and forgets an old one', () => {
    const held = { ...liveFromSnapshot(snapshot(5, [listing({ id: 'recent' }), listing({ id: 'old' })]), undefined, T0) };
    held.changedAt = { recent: T0 - 2_000, old: T0 - 20_000 };
    const after = liveFromSnapshot(snapshot(6, [listing({ id: 'recent' }), listing({ id: 'old' })]), held, T0);
    expect(after.changedAt).toEqual({ recent: T0 - 2_000 });
  });
});

describe('applyLiveEvents', () => {
  const start = liveFromSnapshot(snapshot(10, [listing({ id: 'a' })]), undefined, T0);

  it('returns the same board when there is nothing to apply', () => {
    expect(applyLiveEvents(start, [], T0)).toBe(start);
  });

  it('adds and replaces listings and highlights them when they changed', () => {
    const board = applyLiveEvents(start, [created(11, listing({ id: 'b' })), updated(12, listing({ id: 'a', version: 2 }))], T0 + 1);
    expect(board.seq).toBe(12);
    expect(board.listings.get('a')?.version).toBe(2);
    expect(board.listings.has('b')).toBe(true);
    expect(board.changedAt).toEqual({ a: T0 + 1, b: T0 + 1 });
    expect(start.listings.get('a')?.version).toBe(1);
  });

  it('takes a withdrawn listing off the board and out of the highlights', () => {
    const marked = applyLiveEvents(start, [updated(11, listing({ id: 'a', version: 2 }))], T0);
    const gone = applyLiveEvents(marked, [withdrawn(12, 'a')], T0 + 1);
    expect(gone.listings.has('a')).toBe(false);
    expect(gone.changedAt).toEqual({});
  });

  it('treats an update to a listing that is no longer open as its removal', () => {
    const board = applyLiveEvents(start, [updated(11, listing({ id: 'a', version: 2, status: 'withdrawn' }))], T0);
    expect(board.listings.has('a')).toBe(false);
    expect(board.changedAt).toEqual({});
  });

  it('forgets highlights older than any highlight lasts', () => {
    const marked = applyLiveEvents(start, [created(11, listing({ id: 'b' }))], T0);
    const later = applyLiveEvents(marked, [created(12, listing({ id: 'c' }))], T0 + 60_000);
    expect(later.changedAt).toEqual({ c: T0 + 60_000 });
  });
});

describe('withLiveTotals', () => {
  const board = liveFromSnapshot(snapshot(10, [listing({ id: 'a' })]), undefined, T0);

  it('takes newer totals and keeps the highlights', () => {
    const marked = applyLiveEvents(board, [created(11, listing({ id: 'b' }))], T0);
    const next = withLiveTotals(marked, 11, totals({ listingsOpen: 2 }));
    expect(next.totals.listingsOpen).toBe(2);
    expect(next.totalsSeq).toBe(11);
    expect(next.changedAt).toBe(marked.changedAt);
  });

  it('ignores totals older than the ones held', () => {
    expect(withLiveTotals(board, 9, totals({ listingsOpen: 7 }))).toBe(board);
  });
});

describe('filterListings', () => {
  const goods = (id: string, category: string, updatedAt: string) =>
    listing({
      id,
      type: 'supply',
      updatedAt,
      financing: null,
      goods: { category, quantity: 10, unit: '吨', region: '320500' },
    });
  const all = [
    goods('g1', 'steel', '2026-12-10T09:00:00Z'),
    goods('g2', 'cement', '2026-12-10T09:05:00Z'),
    goods('g3', 'steel', '2026-12-10T09:05:00Z'),
    listing({ id: 'f1', title: 'Working capital', description: '流动资金周转', organisationName: 'Acme Tools' }),
  ];

  it('keeps one listing type, most recently changed first, ties by id', () => {
    expect(filterListings(all, { type: 'supply' }).map((l) => l.id)).toEqual(['g2', 'g3', 'g1']);
  });

  it('narrows goods by category', () => {
    expect(filterListings(all, { type: 'supply', category: 'steel' }).map((l) => l.id)).toEqual(['g3', 'g1']);
  });

  it('searches title, description and organisation, ignoring case and surrounding spaces', () => {
    const ids = (q: string) => filterListings(all, { type: 'financing_need', q }).map((l) => l.id);
    expect(ids('  working ')).toEqual(['f1']);
    expect(ids('周转')).toEqual(['f1']);
    expect(ids('ACME')).toEqual(['f1']);
    expect(ids('cement')).toEqual([]);
  });
});
