/**
 * Working days of mainland China and the event's time zone (decision 0010).
 *
 * Due dates are calendar days ('YYYY-MM-DD') counted in working days: Monday to Friday, less
 * the public holidays, plus the make-up working days (调休) on which a Saturday or Sunday is
 * worked. The arrangement of each year comes from the maintained `chinese-days` package (its
 * documented JSON, which the State Council's notice of each year is transcribed into); nothing
 * here is a hand-written table. The package covers the years from 2004 to the last arrangement
 * published (see {@link workingDayCalendarYears}). The holidays and make-up days of a year are
 * only known once the State Council publishes them (each November or so), yet a report due next
 * January must have a date today: for the {@link PROVISIONAL_YEARS} years after the last covered
 * one, days are counted provisionally (Monday to Friday, less the statutory holidays on fixed
 * solar dates: 1 January, 1–2 May, 1–3 October; {@link isProvisionalDay}), to be recounted once
 * the package has the year. Any other day throws {@link WorkingDayCalendarRangeError}.
 *
 * Every function is pure and works on calendar days, the same in any process time zone; turn an
 * instant into the event's day with {@link dayInZone} and a day back into an instant (e.g. due
 * at 17:30 local time) with {@link zonedDateTime}.
 */
import calendar from 'chinese-days/dist/chinese-days.json';

/** The zone an event is held in unless it says otherwise. */
export const DEFAULT_EVENT_TIME_ZONE = 'Asia/Shanghai';

/** Zones offered in the console's event form (any IANA name Intl knows is accepted). */
export const COMMON_EVENT_TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Singapore',
  'Asia/Bangkok',
  'Asia/Almaty',
  'Asia/Dubai',
  'Europe/Moscow',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
  'UTC',
] as const;

/** A day, or a count of working days, that reaches outside the years the installed calendar knows. */
export class WorkingDayCalendarRangeError extends RangeError {
  constructor(
    /** The day asked about, or the day counted from. */
    readonly day: string,
    readonly firstYear: number,
    readonly lastYear: number,
    /** The year that would be needed. */
    readonly year: number = Number(day.slice(0, 4)),
  ) {
    super(
      `The working-day calendar (package chinese-days) covers ${firstYear}–${lastYear}; ` +
        (year === Number(day.slice(0, 4)) ? `${day} is outside it. ` : `counting working days from ${day} runs into ${year}. `) +
        `Update chinese-days once the State Council has published the holiday arrangement for ${year} (docs/decisions/0010).`,
    );
    this.name = 'WorkingDayCalendarRangeError';
  }
}

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar day; refuses anything but a real YYYY-MM-DD. */
function dayNumber(day: string): number {
  const m = typeof day === 'string' ? DAY_PATTERN.exec(day) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return ms / DAY_MS;
  }
  throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${String(day)}`);
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Years after the last published arrangement counted provisionally. */
export const PROVISIONAL_YEARS = 2;

/** Statutory holidays on fixed solar dates (全国年节及纪念日放假办法), kept in provisional years. */
const FIXED_HOLIDAYS = new Set(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']);

type Calendar = {
  firstYear: number;
  /** The last year with a published arrangement. */
  lastYear: number;
  /** The last year counted at all (provisionally after lastYear). */
  endYear: number;
  /** Day number of 1 January of the first year. */
  start: number;
  /** ranks[i] = working days from the first covered day up to (not including) day start + i. */
  ranks: Int32Array;
};

let loaded: Calendar | undefined;

/** Builds the running count of working days over the covered years once, on first use. */
function load(): Calendar {
  if (loaded) return loaded;
  const data = calendar as { holidays?: Record<string, string>; workdays?: Record<string, string> };
  const holidays = data.holidays;
  const workdays = data.workdays;
  if (!holidays || !workdays || typeof holidays !== 'object' || typeof workdays !== 'object') {
    throw new Error('chinese-days/dist/chinese-days.json no longer has { holidays, workdays }: check the package before upgrading it');
  }
  const years = [...Object.keys(holidays), ...Object.keys(workdays)].map((d) => Number(d.slice(0, 4)));
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  for (let y = firstYear; y <= lastYear; y += 1) {
    // Every published year has New Year's Day off; a year without it was not published.
    if (!holidays[`${y}-01-01`]) throw new Error(`chinese-days has no holiday arrangement for ${y}`);
  }
  const endYear = lastYear + PROVISIONAL_YEARS;
  const start = dayNumber(`${firstYear}-01-01`);
  const end = dayNumber(`${endYear}-12-31`);
  const ranks = new Int32Array(end - start + 2);
  const lastPublished = `${lastYear}-12-31`;
  for (let i = 0; i <= end - start; i += 1) {
    const day = dayString(start + i);
    const weekday = new Date((start + i) * DAY_MS).getUTCDay();
    const weekdayWorked = weekday >= 1 && weekday <= 5;
    const working =
      day <= lastPublished ? workdays[day] !== undefined || (weekdayWorked && holidays[day] === undefined) : weekdayWorked && !FIXED_HOLIDAYS.has(day.slice(5));
    ranks[i + 1] = ranks[i] + (working ? 1 : 0);
  }
  loaded = { firstYear, lastYear, endYear, start, ranks };
  return loaded;
}

/** Index of a day in the calendar; throws outside the covered years. */
function indexOf(cal: Calendar, day: string): number {
  const i = dayNumber(day) - cal.start;
  if (i < 0 || i >= cal.ranks.length - 1) throw new WorkingDayCalendarRangeError(day, cal.firstYear, cal.endYear);
  return i;
}

/** The day that is the rank-th working day of the calendar (1-based). */
function workingDayOfRank(cal: Calendar, rank: number, asked: string): string {
  const total = cal.ranks[cal.ranks.length - 1];
  if (rank < 1) throw new WorkingDayCalendarRangeError(asked, cal.firstYear, cal.lastYear, cal.firstYear - 1);
  if (rank > total) throw new WorkingDayCalendarRangeError(asked, cal.firstYear, cal.endYear, cal.endYear + 1);
  // The first k with ranks[k] >= rank: day k - 1 is that working day.
  let lo = 1;
  let hi = cal.ranks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cal.ranks[mid] >= rank) hi = mid;
    else lo = mid + 1;
  }
  return dayString(cal.start + lo - 1);
}

/** The years the installed calendar knows the holidays and make-up working days of. */
export function workingDayCalendarYears(): { firstYear: number; lastYear: number } {
  const { firstYear, lastYear } = load();
  return { firstYear, lastYear };
}

/**
 * Whether the calendar package is due for its yearly update on `today` (a calendar day): from
 * 1 October of the last covered year on, since due dates then soon reach a year it does not know.
 */
export function workingDayCalendarUpdateDue(today: string): boolean {
  dayNumber(today);
  return today >= `${load().lastYear}-10-01`;
}

/** Whether a day is counted provisionally: after the last year the installed calendar has published. */
export function isProvisionalDay(day: string): boolean {
  dayNumber(day);
  return day > `${load().lastYear}-12-31`;
}

/** Whether a day is worked in mainland China (a 调休 Saturday is; a holiday Monday is not). */
export function isWorkingDay(day: string): boolean {
  const cal = load();
  const i = indexOf(cal, day);
  return cal.ranks[i + 1] - cal.ranks[i] === 1;
}

/**
 * The n-th working day after `day` (the day itself not counted): a report due 5 working days
 * after a signing on day D is due on `addWorkingDays(D, 5)`. n = 0 answers `day` when it is a
 * working day, else the next working day (a deadline that falls on a holiday moves to the next
 * working day). A negative n counts back: `addWorkingDays(due, -3)` is the third working day
 * before `due` (when to remind), whether or not `due` itself is worked.
 */
export function addWorkingDays(day: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`A whole number of working days is needed, not ${n}`);
  const cal = load();
  const i = indexOf(cal, day);
  if (n === 0) return cal.ranks[i + 1] > cal.ranks[i] ? day : workingDayOfRank(cal, cal.ranks[i + 1] + 1, day);
  return n > 0 ? workingDayOfRank(cal, cal.ranks[i + 1] + n, day) : workingDayOfRank(cal, cal.ranks[i] + n + 1, day);
}

/** The first working day after `day` (`addWorkingDays(day, 1)`). */
export function nextWorkingDay(day: string): string {
  return addWorkingDays(day, 1);
}

/**
 * Working days from `from` to `to`: those after `from` up to and including `to`, so that
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`
 * (how many working days overdue, read the other way round); 0 for the same day.
 */
export function workingDaysBetween(from: string, to: string): number {
  const cal = load();
  const a = indexOf(cal, from);
  const b = indexOf(cal, to);
  return cal.ranks[b + 1] - cal.ranks[a + 1];
}

// ---- time zones ----

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone that reads the wall-clock fields of an instant there. */
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    if (!isKnownTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${String(timeZone)}`);
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `name` is an IANA time zone name (e.g. Asia/Shanghai, UTC) that Intl knows. */
export function isKnownTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length > 64 || !IANA_NAME.test(name)) return false;
  if (formatters.has(name)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone, as if they were UTC (milliseconds). */
function wallMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of wallClock(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const utc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  // Date.UTC reads years 0–99 as 1900–1999.
  return parts.year < 100 ? new Date(utc).setUTCFullYear(parts.year) : utc;
}

/** The zone's offset from UTC at an instant, in milliseconds (Asia/Shanghai: +8 h). */
function offsetMs(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallMs(whole, timeZone) - whole;
}

function toInstant(instant: Date | string): Date {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  return date;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone, e.g. the event's "today". */
export function dayInZone(instant: Date | string, timeZone: string): string {
  const date = toInstant(instant);
  const wall = new Date(wallMs(date.getTime(), timeZone));
  return wall.toISOString().slice(0, 10);
}

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * The instant at which a zone's clocks show `time` (HH:mm or HH:mm:ss) on `day`: a report due
 * on 2025-10-09 is due at `zonedDateTime('2025-10-09', '17:30', event.timeZone)`. In a zone with
 * daylight saving, a time that occurs twice takes the earlier, and a time skipped by the clocks
 * going forward the one as many minutes later (as Temporal's 'compatible').
 */
export function zonedDateTime(day: string, time: string, timeZone: string): Date {
  const d = dayNumber(day);
  const t = typeof time === 'string' ? TIME_PATTERN.exec(time) : null;
  if (!t) throw new RangeError(`Not a time of day (HH:mm): ${String(time)}`);
  const wall = d * DAY_MS + (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0)) * 1000;
  const before = offsetMs(wall - DAY_MS, timeZone);
  const after = offsetMs(wall + DAY_MS, timeZone);
  // No change of offset within a day either side (always so in China): the one offset holds.
  if (before === after) return new Date(wall - before);
  const fits = [before, after].map((o) => wall - o).filter((ms) => offsetMs(ms, timeZone) === wall - ms);
  if (fits.length > 0) return new Date(Math.min(...fits));
  // In the gap of a spring-forward: read the wall time with the offset from before the gap.
  return new Date(wall - before);
}
