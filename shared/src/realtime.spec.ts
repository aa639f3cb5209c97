import type { BoardEvent } from './realtime';
import { orderBoardEvents } from './realtime';

const ev = (seq: number): BoardEvent => ({ sessionId: 's', seq, at: '2026-12-10T00:00:00Z', type: 'listing.withdrawn', listingId: `l${seq}`, version: 2 });

describe('orderBoardEvents', () => {
  it('applies consecutive events in order and drops duplicates', () => {
    const result = orderBoardEvents(3, [ev(5), ev(4), ev(3), ev(4)]);
    expect(result).toEqual({ apply: [ev(4), ev(5)], gap: false, lastSeq: 5 });
  });

  it('stops at a gap and asks for a resync', () => {
    const result = orderBoardEvents(3, [ev(4), ev(6)]);
    expect(result).toEqual({ apply: [ev(4)], gap: true, lastSeq: 4 });
  });
});
