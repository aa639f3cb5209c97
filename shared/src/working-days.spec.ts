import { getDayDetail } from 'chinese-days';
import {
  COMMON_EVENT_TIME_ZONES,
  DEFAULT_EVENT_TIME_ZONE,
  WorkingDayCalendarRangeError,
  addWorkingDays,
  dayInZone,
  isKnownTimeZone,
  isWorkingDay,
  nextWorkingDay,
  workingDayCalendarUpdateDue,
  workingDayCalendarYears,
  workingDaysBetween,
  zonedDateTime,
  isProvisionalDay,
  PROVISIONAL_YEARS,
} from './working-days';

/** Every day from `from` to `to`, both included. */
function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe('the calendar it reads', () => {
  it('covers 2004 to at least 2026, every year with its arrangement', () => {
    const { firstYear, lastYear } = workingDayCalendarYears();
    expect(firstYear).toBe(2004);
    expect(lastYear).toBeGreaterThanOrEqual(2026);
  });

  it("agrees with the package's own answer on every day of 2025 and 2026", () => {
    const differ = daysFrom('2025-01-01', '2026-12-31').filter((d) => {
      const [y, m, day] = d.split('-').map(Number);
      // Local noon of that day: the package reads dates in the process's zone.
      return getDayDetail(new Date(y, m - 1, day, 12)).work !== isWorkingDay(d);
    });
    expect(differ).toEqual([]);
  });
});

describe('the 2025 National Day holiday (1–8 October, make-up days 28 September and 11 October)', () => {
  it('knows the holiday, the make-up Sunday and Saturday, and plain weekends', () => {
    expect(daysFrom('2025-10-01', '2025-10-08').filter(isWorkingDay)).toEqual([]);
    expect(isWorkingDay('2025-09-28')).toBe(true); // a Sunday worked (调休)
    expect(isWorkingDay('2025-10-11')).toBe(true); // a Saturday worked (调休)
    expect(isWorkingDay('2025-09-27')).toBe(false); // a plain Saturday
    expect(isWorkingDay('2025-10-12')).toBe(false); // a plain Sunday
    expect(isWorkingDay('2025-09-30')).toBe(true);
    expect(isWorkingDay('2025-10-09')).toBe(true);
  });

  it('counts a due date over the holiday: 5 working days after Friday 26 September is Friday 10 October', () => {
    // 28 Sep (Sun, 调休) 1, 29 Sep 2, 30 Sep 3, 1–8 Oct off, 9 Oct 4, 10 Oct 5.
    expect(addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-26', 6)).toBe('2025-10-11'); // the make-up Saturday counts
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(workingDaysBetween('2025-09-26', '2025-10-10')).toBe(5);
    expect(workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
  });

  it('moves a deadline on a holiday to the next working day with n = 0 and leaves a working day as it is', () => {
    expect(addWorkingDays('2025-10-03', 0)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-11', 0)).toBe('2025-10-11');
    expect(addWorkingDays('2025-10-12', 0)).toBe('2025-10-13');
  });

  it('counts back for reminders: 3 working days before 9 October is 29 September', () => {
    expect(addWorkingDays('2025-10-09', -3)).toBe('2025-09-28');
    expect(addWorkingDays('2025-10-09', -2)).toBe('2025-09-29');
    expect(addWorkingDays('2025-10-05', -1)).toBe('2025-09-30');
    expect(workingDaysBetween('2025-10-09', '2025-09-28')).toBe(-3);
  });

  it('finds the next working day after the holiday starts', () => {
    expect(nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(nextWorkingDay('2025-10-10')).toBe('2025-10-11');
    expect(nextWorkingDay('2025-10-11')).toBe('2025-10-13');
  });
});

describe('the 2026 Spring Festival (15–23 February, make-up Saturdays 14 and 28 February)', () => {
  it('counts the make-up Saturdays and skips the nine days off', () => {
    expect(daysFrom('2026-02-15', '2026-02-23').filter(isWorkingDay)).toEqual([]);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    // 13 Feb (Fri) 1, 14 Feb (Sat, 调休) 2, 15–23 Feb off, 24 Feb 3.
    expect(addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
    // A report due 10 working days after 10 February: 11,12,13,14, 24,25,26,27,28 (Sat), 2 March.
    expect(addWorkingDays('2026-02-10', 10)).toBe('2026-03-02');
    expect(workingDaysBetween('2026-02-10', '2026-03-02')).toBe(10);
  });
});

describe('working days are a consistent count', () => {
  it('keeps addWorkingDays and workingDaysBetween inverse over two years', () => {
    for (const d of daysFrom('2025-01-01', '2026-11-30')) {
      for (const n of [1, 3, 10]) expect(workingDaysBetween(d, addWorkingDays(d, n))).toBe(n);
      expect(isWorkingDay(addWorkingDays(d, 0))).toBe(true);
    }
  });

  it('counts 0 from a day to itself and the working days of a whole year', () => {
    expect(workingDaysBetween('2025-05-01', '2025-05-01')).toBe(0);
    // 2025: 365 days less 104 weekend days, less the holidays on weekdays, plus the 5 make-up weekend days.
    expect(workingDaysBetween('2024-12-31', '2025-12-31')).toBe(daysFrom('2025-01-01', '2025-12-31').filter(isWorkingDay).length);
    expect(daysFrom('2025-01-01', '2025-12-31').filter(isWorkingDay)).toHaveLength(248);
  });

  it('gives the same answers whatever the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect([addWorkingDays('2025-09-26', 5), isWorkingDay('2025-10-11'), dayInZone('2025-09-30T16:30:00Z', 'Asia/Shanghai')]).toEqual([
          '2025-10-10',
          true,
          '2025-10-01',
        ]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('outside the years the package covers', () => {
  it('counts the years after the last published arrangement provisionally: weekdays less the fixed-date holidays', () => {
    const { lastYear } = workingDayCalendarYears();
    const next = lastYear + 1;
    expect(isProvisionalDay(`${lastYear}-12-31`)).toBe(false);
    expect(isProvisionalDay(`${next}-01-01`)).toBe(true);
    // New Year's Day, Labour Day and National Day are on fixed dates; weekends are off; other weekdays are worked.
    for (const day of [`${next}-01-01`, `${next}-05-01`, `${next}-05-02`, `${next}-10-01`, `${next}-10-02`, `${next}-10-03`]) {
      expect({ day, working: isWorkingDay(day) }).toEqual({ day, working: false });
    }
    const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
    const march = Array.from({ length: 31 }, (_, i) => `${next}-03-${String(i + 1).padStart(2, '0')}`);
    for (const day of march) expect({ day, working: isWorkingDay(day) }).toEqual({ day, working: weekday(day) >= 1 && weekday(day) <= 5 });
    // Counting runs on from the published year into the provisional one.
    const last = `${lastYear}-12-31`;
    expect(workingDaysBetween(last, addWorkingDays(last, 10))).toBe(10);
  });

  it('throws a clear error past the provisional years and before the first covered one', () => {
    const { firstYear, lastYear } = workingDayCalendarYears();
    const end = lastYear + PROVISIONAL_YEARS;
    const after = `${end + 1}-03-02`;
    expect(() => isWorkingDay(after)).toThrow(WorkingDayCalendarRangeError);
    expect(() => isWorkingDay(after)).toThrow(`covers ${firstYear}–${end}; ${after} is outside it`);
    expect(() => isWorkingDay(`${firstYear - 1}-12-31`)).toThrow(WorkingDayCalendarRangeError);
    expect(() => workingDaysBetween('2025-01-02', after)).toThrow(WorkingDayCalendarRangeError);
    expect(() => addWorkingDays(`${end}-12-31`, 1)).toThrow(`counting working days from ${end}-12-31 runs into ${end + 1}`);
    expect(() => addWorkingDays('2004-01-02', -5)).toThrow('runs into 2003');
  });

  it('refuses what is not a calendar day or a whole count', () => {
    expect(() => isWorkingDay('2025-02-30')).toThrow('Not a calendar day');
    expect(() => isWorkingDay('2025-9-30')).toThrow('Not a calendar day');
    expect(() => addWorkingDays('2025-09-30', 1.5)).toThrow('whole number');
  });
});

describe('the yearly update reminder (clock injected)', () => {
  const { lastYear } = workingDayCalendarYears();

  it('is due from 1 October of the last covered year, not before', () => {
    expect(workingDayCalendarUpdateDue(`${lastYear}-06-30`)).toBe(false);
    expect(workingDayCalendarUpdateDue(`${lastYear}-09-30`)).toBe(false);
    expect(workingDayCalendarUpdateDue(`${lastYear}-10-01`)).toBe(true);
    expect(workingDayCalendarUpdateDue(`${lastYear}-12-31`)).toBe(true);
    expect(workingDayCalendarUpdateDue(`${lastYear + 1}-01-01`)).toBe(true);
  });

  // Due dates run up to a year ahead: the calendar, provisional years included, must reach that
  // far from today. This fails (about a year before it matters) when chinese-days has not been
  // bumped for too long; bump it each December once the State Council's arrangement is out.
  it('reaches a year past today', () => {
    const today = dayInZone(new Date(), DEFAULT_EVENT_TIME_ZONE);
    expect(() => addWorkingDays(today, 260)).not.toThrow();
    expect(workingDayCalendarUpdateDue(`${lastYear}-09-30`)).toBe(false);
    expect(workingDayCalendarUpdateDue(`${lastYear}-10-01`)).toBe(true);
  });
});

describe('time zones', () => {
  it('reads the day of an instant in the event zone, not in UTC, around midnight', () => {
    // 00:30 on 1 October in Shanghai is still 30 September in UTC.
    expect(dayInZone('2025-09-30T16:30:00Z', 'Asia/Shanghai')).toBe('2025-10-01');
    expect(dayInZone('2025-09-30T16:30:00Z', 'UTC')).toBe('2025-09-30');
    expect(dayInZone(new Date('2025-09-30T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2025-09-30');
    expect(dayInZone(new Date('2025-09-30T16:00:00Z'), 'Asia/Shanghai')).toBe('2025-10-01');
    expect(dayInZone('2025-10-01T00:30:00+08:00', 'America/Los_Angeles')).toBe('2025-09-30');
  });

  it('turns a due day and a local time into the instant, in any zone', () => {
    expect(zonedDateTime('2025-10-10', '17:30', 'Asia/Shanghai').toISOString()).toBe('2025-10-10T09:30:00.000Z');
    expect(zonedDateTime('2025-10-01', '00:00', 'Asia/Shanghai').toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(zonedDateTime('2025-10-10', '17:30', 'UTC').toISOString()).toBe('2025-10-10T17:30:00.000Z');
    expect(zonedDateTime('2025-10-10', '17:30:15', 'Asia/Kolkata').toISOString()).toBe('2025-10-10T12:00:15.000Z');
    expect(zonedDateTime('2025-01-10', '17:30', 'Europe/London').toISOString()).toBe('2025-01-10T17:30:00.000Z');
    expect(zonedDateTime('2025-07-10', '17:30', 'Europe/London').toISOString()).toBe('2025-07-10T16:30:00.000Z');
  });

  it('settles the wall times that daylight saving skips or repeats', () => {
    // New York: 02:30 on 9 March 2025 does not exist (clocks go 02:00 → 03:00): 03:30 EDT.
    expect(zonedDateTime('2025-03-09', '02:30', 'America/New_York').toISOString()).toBe('2025-03-09T07:30:00.000Z');
    // 01:30 on 2 November 2025 happens twice: the earlier, in EDT.
    expect(zonedDateTime('2025-11-02', '01:30', 'America/New_York').toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });

  it('round-trips every offered zone through midnight and the end of the day', () => {
    for (const zone of COMMON_EVENT_TIME_ZONES) {
      for (const day of ['2025-01-01', '2025-03-30', '2025-10-26', '2026-02-17']) {
        expect(dayInZone(zonedDateTime(day, '00:00', zone), zone)).toBe(day);
        expect(dayInZone(zonedDateTime(day, '23:59:59', zone), zone)).toBe(day);
      }
    }
  });

  it('knows IANA names and refuses the rest', () => {
    expect(COMMON_EVENT_TIME_ZONES[0]).toBe(DEFAULT_EVENT_TIME_ZONE);
    for (const zone of COMMON_EVENT_TIME_ZONES) expect(isKnownTimeZone(zone)).toBe(true);
    expect(isKnownTimeZone('Asia/Kolkata')).toBe(true);
    for (const bad of ['Asia/Beijing', 'Mars/Olympus', '+08:00', 'GMT+8 ', '', 'Asia/Shanghai\n', 42, null]) expect(isKnownTimeZone(bad)).toBe(false);
    expect(() => dayInZone(new Date(), 'Asia/Beijing')).toThrow('Unknown time zone');
    expect(() => dayInZone('yesterday', 'UTC')).toThrow('Not an instant');
    expect(() => zonedDateTime('2025-10-10', '25:00', 'UTC')).toThrow('Not a time of day');
  });
});
