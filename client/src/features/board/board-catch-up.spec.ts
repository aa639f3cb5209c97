import { describe, expect, it } from 'vitest';
import type { BoardTotalsUpdate } from '@duijie/shared';
import { created, listing, snapshot, totals, withdrawn } from '../../test/fixtures';
import { applyHeldBack, applyPushed, applyReplay, newerTotals } from './board-catch-up';
import type { BoardReplay } from './board-catch-up';
import { liveFromSnapshot } from './live-board';

const NOW = 1_000_000;
/** A board at seq 10 with listing a, totals as of 10. */
const held = liveFromSnapshot(snapshot(10, [listing({ id: 'a' })]), undefined, NOW);
const replay = (seq: number, events: BoardReplay['events'], listingsOpen = 0): BoardReplay => ({
  ok: true,
  mode: 'replay',
  seq,
  events,
  totals: totals({ listingsOpen }),
});
const totalsAt = (seq: number, listingsOpen: number): BoardTotalsUpdate => ({ sessionId: 's1', seq, totals: totals({ listingsOpen }) });

describe('applyReplay', () => {
  it('applies what was missed, in order, and takes the replay’s totals', () => {
    const result = applyReplay(held, replay(12, [withdrawn(12, 'b'), created(11, listing({ id: 'b' }))], 1), NOW);
    expect(result.complete).toBe(true);
    expect(result.board.seq).toBe(12);
    expect([...result.board.listings.keys()]).toEqual(['a']);
    expect(result.board.totals.listingsOpen).toBe(1);
    expect(result.board.totalsSeq).toBe(12);
  });

  it('skips events the board already holds', () => {
    const result = applyReplay(held, replay(11, [withdrawn(9, 'x'), withdrawn(10, 'a'), created(11, listing({ id: 'b' }))]), NOW);
    expect(result.complete).toBe(true);
    expect([...result.board.listings.keys()]).toEqual(['a', 'b']);
  });

  it('is incomplete when the replay has a hole, keeping what applied before it', () => {
    const result = applyReplay(held, replay(13, [created(11, listing({ id: 'b' })), created(13, listing({ id: 'c' }))]), NOW);
    expect(result.complete).toBe(false);
    expect(result.board.seq).toBe(11);
    expect(result.board.totalsSeq).toBe(10);
  });

  it('is incomplete when the replay stops short of the sequence number the server is at', () => {
    const result = applyReplay(held, replay(12, [created(11, listing({ id: 'b' }))]), NOW);
    expect(result.complete).toBe(false);
    expect(result.board.seq).toBe(11);
  });

  it('is complete with no events when nothing was missed, and still takes the current totals', () => {
    const result = applyReplay(held, replay(10, [], 3), NOW);
    expect(result.complete).toBe(true);
    expect(result.board.seq).toBe(10);
    expect(result.board.listings).toBe(held.listings);
    expect(result.board.totals.listingsOpen).toBe(3);
  });
});

describe('applyHeldBack', () => {
  it('applies events held during a join that follow the answer, dropping those it already covered', () => {
    const result = applyHeldBack(held, [created(12, listing({ id: 'c' })), withdrawn(10, 'a'), created(11, listing({ id: 'b' }))], null, NOW);
    expect(result.gap).toBe(false);
    expect(result.keep).toEqual([]);
    expect(result.board.seq).toBe(12);
    expect([...result.board.listings.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('on a gap, applies up to it and keeps the later events for after the next join', () => {
    const later = created(14, listing({ id: 'd' }));
    const result = applyHeldBack(held, [created(11, listing({ id: 'b' })), later], null, NOW);
    expect(result.gap).toBe(true);
    expect(result.board.seq).toBe(11);
    expect(result.keep).toEqual([later]);
  });

  it('takes totals that arrived during the join only if they are newer than the answer’s', () => {
    expect(applyHeldBack(held, [], totalsAt(11, 4), NOW).board.totals.listingsOpen).toBe(4);
    expect(applyHeldBack(held, [], totalsAt(9, 4), NOW).board.totals.listingsOpen).toBe(1);
  });
});

describe('applyPushed', () => {
  it('applies the next event', () => {
    const result = applyPushed(held, created(11, listing({ id: 'b' })), NOW);
    expect(result.gap).toBe(false);
    expect(result.board.seq).toBe(11);
    expect(result.board.changedAt).toEqual({ b: NOW });
  });

  it('leaves the board as it is for an event it already holds', () => {
    expect(applyPushed(held, withdrawn(10, 'a'), NOW)).toEqual({ board: held, gap: false });
  });

  it('reports a gap and applies nothing for an event beyond the next', () => {
    expect(applyPushed(held, created(12, listing({ id: 'c' })), NOW)).toEqual({ board: held, gap: true });
  });
});

describe('newerTotals', () => {
  it('keeps the totals with the higher sequence number, the later on a tie', () => {
    const at5 = totalsAt(5, 1);
    const at7 = totalsAt(7, 2);
    const at7again = totalsAt(7, 3);
    expect(newerTotals(null, at5)).toBe(at5);
    expect(newerTotals(at5, at7)).toBe(at7);
    expect(newerTotals(at7, at5)).toBe(at7);
    expect(newerTotals(at7, at7again)).toBe(at7again);
  });
});
