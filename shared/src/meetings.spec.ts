import { commonHalf, sessionSlots } from './meetings';

describe('sessionSlots', () => {
  it('cuts the session into whole slots and marks morning by Beijing time', () => {
    // 10:00–13:40 Beijing = 02:00–05:40 UTC
    const slots = sessionSlots({ startsAt: '2026-05-20T02:00:00.000Z', endsAt: '2026-05-20T05:40:00.000Z', slotMinutes: 30 });
    expect(slots.map((s) => s.slot)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(slots[0]).toEqual({ slot: 1, startsAt: '2026-05-20T02:00:00.000Z', endsAt: '2026-05-20T02:30:00.000Z', half: 'morning' });
    expect(slots.map((s) => s.half)).toEqual(['morning', 'morning', 'morning', 'morning', 'afternoon', 'afternoon', 'afternoon']);
    expect(slots[6].endsAt).toBe('2026-05-20T05:30:00.000Z'); // the last 10 minutes are no slot
  });

  it('skips the lunch break and starts again when it ends', () => {
    // 09:00–17:00 Beijing with 30-minute slots and lunch 11:45–13:30
    const slots = sessionSlots({
      startsAt: '2026-05-20T01:00:00.000Z',
      endsAt: '2026-05-20T09:00:00.000Z',
      slotMinutes: 30,
      breakStartsAt: '2026-05-20T03:45:00.000Z',
      breakEndsAt: '2026-05-20T05:30:00.000Z',
    });
    const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);
    expect(slots.map((s) => beijing(s.startsAt))).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ]);
    expect(slots.map((s) => s.slot)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(slots.filter((s) => s.half === 'morning')).toHaveLength(5);
  });

  it('ignores an empty or inverted break', () => {
    const plain = { startsAt: '2026-05-20T01:00:00.000Z', endsAt: '2026-05-20T03:00:00.000Z', slotMinutes: 30 };
    expect(sessionSlots({ ...plain, breakStartsAt: '2026-05-20T02:00:00.000Z', breakEndsAt: '2026-05-20T02:00:00.000Z' })).toHaveLength(4);
    expect(sessionSlots({ ...plain, breakStartsAt: null, breakEndsAt: null })).toHaveLength(4);
  });

  it('has no slots for an empty or inverted session', () => {
    expect(sessionSlots({ startsAt: '2026-05-20T02:00:00.000Z', endsAt: '2026-05-20T02:00:00.000Z', slotMinutes: 30 })).toEqual([]);
    expect(sessionSlots({ startsAt: '2026-05-20T02:00:00.000Z', endsAt: '2026-05-20T01:00:00.000Z', slotMinutes: 30 })).toEqual([]);
    expect(sessionSlots({ startsAt: '2026-05-20T02:00:00.000Z', endsAt: '2026-05-20T05:00:00.000Z', slotMinutes: 0 })).toEqual([]);
  });
});

describe('commonHalf', () => {
  it('lets "any" yield and refuses opposite wishes', () => {
    expect(commonHalf('any', 'any')).toBe('any');
    expect(commonHalf('any', 'morning')).toBe('morning');
    expect(commonHalf('afternoon', 'any')).toBe('afternoon');
    expect(commonHalf('morning', 'morning')).toBe('morning');
    expect(commonHalf('morning', 'afternoon')).toBeNull();
  });
});
