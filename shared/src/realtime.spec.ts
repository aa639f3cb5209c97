import type { BoardEvent, CeremonyTotals } from './realtime';
import { laterCeremonyTotals, orderBoardEvents } from './realtime';

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

describe('laterCeremonyTotals', () => {
  const totals = (signedCount: number, eventId = 'e'): CeremonyTotals => ({
    eventId,
    timeZone: 'Asia/Shanghai',
    targetAmount: 1e10,
    signedCount,
    signedAmount: signedCount * 1000,
    bySessionKind: [],
    byChain: [],
    latest: [],
    timeline: [],
    onStage: null,
  });

  it('keeps the figures with more signed agreements when older ones arrive late', () => {
    expect(laterCeremonyTotals(totals(5), totals(4))).toEqual(totals(5));
    expect(laterCeremonyTotals(totals(5), totals(6))).toEqual(totals(6));
  });

  it('takes the incoming figures first, on a tie, and for another event', () => {
    const incoming = { ...totals(5), targetAmount: 2e10 };
    expect(laterCeremonyTotals(null, totals(3))).toEqual(totals(3));
    expect(laterCeremonyTotals(totals(5), incoming)).toBe(incoming);
    expect(laterCeremonyTotals(totals(9), totals(1, 'other'))).toEqual(totals(1, 'other'));
  });
});
