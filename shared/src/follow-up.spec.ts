import { addCalendarMonths, DEFAULT_FOLLOW_UP_CADENCES, dueInstant, REPORT_DUTIES, reportDueDay } from './follow-up';
import { AGREEMENT_KINDS } from './domain';
import { countWorkingDays, dueSoonUntil, obligationTiming } from './obligations';

const twoWeeks = { every: 2, unit: 'week' } as const;
const monthly = { every: 1, unit: 'month' } as const;
const at = (iso: string) => new Date(iso);

describe('report due days', () => {
  it('moves a report that falls in the 2025 National Day holiday to the first working day after it', () => {
    // Signed Wednesday 17 September: two weeks on is 1 October, a holiday until the 8th.
    expect(reportDueDay('2025-09-17', twoWeeks, 1)).toEqual({ day: '2025-10-09', provisional: false });
    expect(reportDueDay('2025-09-01', monthly, 1)).toEqual({ day: '2025-10-09', provisional: false });
  });

  it('keeps a report on a make-up working day (调休) and moves one off an ordinary weekend onto it', () => {
    // Saturday 11 October 2025 and Sunday 28 September 2025 were worked.
    expect(reportDueDay('2025-09-27', twoWeeks, 1)).toEqual({ day: '2025-10-11', provisional: false });
    // Saturday 27 September is an ordinary weekend day; the Sunday after it is worked.
    expect(reportDueDay('2025-09-13', twoWeeks, 1)).toEqual({ day: '2025-09-28', provisional: false });
  });

  it('counts every report from the signing day, so a holiday does not push the later ones', () => {
    expect([1, 2, 3].map((n) => reportDueDay('2025-09-17', twoWeeks, n).day)).toEqual(['2025-10-09', '2025-10-15', '2025-10-29']);
  });

  it('keeps a monthly report within its month (31 January → the end of February)', () => {
    expect(addCalendarMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(reportDueDay('2025-01-31', monthly, 2)).toEqual({ day: '2025-03-31', provisional: false });
  });

  it('sets a provisional due day in a year whose holiday arrangement is not published yet', () => {
    // Sunday 3 January 2027 → Monday 4 January, provisional until the 2027 arrangement is installed.
    expect(reportDueDay('2026-12-20', twoWeeks, 1)).toEqual({ day: '2027-01-04', provisional: true });
    // Provisional years keep the holidays on fixed dates: 1 January 2027 is not counted.
    expect(countWorkingDays('2026-12-30', 3)).toEqual({ day: '2027-01-05', provisional: true });
    expect(countWorkingDays('2026-12-28', 3)).toEqual({ day: '2026-12-31', provisional: false });
  });

  it('falls due at the end of the due day in the event’s zone', () => {
    expect(dueInstant('2025-10-09', 'Asia/Shanghai').toISOString()).toBe('2025-10-09T16:00:00.000Z');
    expect(dueInstant('2025-10-09', 'Europe/Berlin').toISOString()).toBe('2025-10-09T22:00:00.000Z');
  });

  it('has a cadence and a reporting party for every kind but intent agreements', () => {
    for (const kind of AGREEMENT_KINDS) {
      expect([kind, DEFAULT_FOLLOW_UP_CADENCES[kind] === null]).toEqual([kind, kind === 'intent']);
      expect([kind, REPORT_DUTIES[kind].length]).toEqual([kind, kind === 'intent' ? 0 : 1]);
    }
  });
});

describe('obligation timing', () => {
  const zone = 'Asia/Shanghai';
  const open = (dueOn: string) => ({ state: 'open' as const, dueOn, dueAt: dueInstant(dueOn, zone), firstSubmittedAt: null });

  it('counts due soon in working days: before National Day a report due on 9 October is three working days away', () => {
    const now = at('2025-09-29T10:00:00+08:00');
    expect(dueSoonUntil(now, zone)).toBe('2025-10-10');
    expect(obligationTiming(open('2025-10-09'), now, zone)).toBe('due_soon');
    expect(obligationTiming(open('2025-10-13'), now, zone)).toBe('on_time');
  });

  it('is overdue from the end of the due day in the event’s zone, not the server’s', () => {
    expect(obligationTiming(open('2025-10-09'), at('2025-10-09T23:59:00+08:00'), zone)).toBe('due_soon');
    expect(obligationTiming(open('2025-10-09'), at('2025-10-10T00:00:00+08:00'), zone)).toBe('overdue');
  });

  it('reads a filed obligation by when it was first filed', () => {
    const filed = (firstSubmittedAt: string) => ({ ...open('2025-10-09'), state: 'accepted' as const, firstSubmittedAt });
    expect(obligationTiming(filed('2025-10-09T18:00:00+08:00'), at('2026-01-01T00:00:00Z'), zone)).toBe('on_time');
    expect(obligationTiming(filed('2025-10-10T09:00:00+08:00'), at('2026-01-01T00:00:00Z'), zone)).toBe('overdue');
  });
});
