import type { GenerateConfig } from '@rc-component/picker/generate';
import { zonedDateTime } from '@duijie/shared';
import dayjs, { type Dayjs } from 'dayjs';
import advancedFormat from 'dayjs/plugin/advancedFormat';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import localeData from 'dayjs/plugin/localeData';
import utc from 'dayjs/plugin/utc';
import weekday from 'dayjs/plugin/weekday';
import weekOfYear from 'dayjs/plugin/weekOfYear';
import weekYear from 'dayjs/plugin/weekYear';
import { formatDate, formatTimeSeconds } from './dates';

// Times typed on the EVENT's clock (a session's start, its lunch break) are wall-clock fields:
// a day, an hour, a minute. antd's pickers hold Dayjs values in the DEVICE's zone, where a wall
// time the device's clocks skip (02:30 on 14 March 2027 in New York) does not exist and is moved
// an hour on, though the event (in Xining, say) has it. These values are Dayjs in UTC mode
// instead, used only for their fields: UTC has no daylight saving, so every wall time exists, once.

dayjs.extend(customParseFormat);
dayjs.extend(advancedFormat);
dayjs.extend(weekday);
dayjs.extend(localeData);
dayjs.extend(weekOfYear);
dayjs.extend(weekYear);
dayjs.extend(utc);

const FIELDS = 'YYYY-MM-DDTHH:mm:ss.SSS';

/** A wall-clock value with the same fields (a Dayjs of the device's zone read as it shows). */
export function wallClock(value: Dayjs): Dayjs {
  return value.isUTC() ? value : dayjs.utc(value.format(FIELDS));
}

/** A wall-clock value from its fields: a day (YYYY-MM-DD) and a time of day (HH:mm or HH:mm:ss). */
export function wallClockOf(day: string, time = '00:00'): Dayjs {
  return dayjs.utc(`${day}T${time}`);
}

/**
 * An instant for a date-and-time picker: the wall clock of `timeZone` (the event's) at that
 * instant, so the picker shows the event's time whatever the device's zone is.
 */
export function toZonedPicker(iso: string, timeZone: string): Dayjs {
  return wallClockOf(formatDate(iso, timeZone), formatTimeSeconds(iso, timeZone));
}

/**
 * The instant (ISO, UTC) a picker's day and time mean on the clocks of `timeZone`: the inverse of
 * {@link toZonedPicker}. Only the value's fields are read: a wall time the device's zone skips is
 * the event's as typed (a time `timeZone` itself skips is read as Temporal's 'compatible' does).
 */
export function fromZonedPicker(value: Dayjs, timeZone: string): string {
  return zonedDateTime(value.format('YYYY-MM-DD'), value.format('HH:mm:ss'), timeZone).toISOString();
}

/** antd's locale names (zh_CN) as dayjs's (zh-cn). */
function dayjsLocale(locale: string): string {
  const named: Record<string, string> = { zh_CN: 'zh-cn', zh_TW: 'zh-tw', zh_HK: 'zh-hk', en_US: 'en', en_GB: 'en-gb' };
  return named[locale] ?? locale.split('_')[0];
}

/**
 * The pickers' date arithmetic on wall-clock values (rc-picker's dayjs config, in UTC mode): a
 * value set to 02:30 stays 02:30 whatever the device's zone. "Now" is the device's wall clock.
 */
export const wallClockConfig: GenerateConfig<Dayjs> = {
  getNow: () => wallClock(dayjs()),
  getFixedDate: (fixed) => dayjs.utc(fixed, 'YYYY-M-DD'),
  getEndDate: (value) => wallClock(value).endOf('month'),
  getWeekDay: (value) => {
    const clone = wallClock(value).locale('en');
    return clone.weekday() + clone.localeData().firstDayOfWeek();
  },
  getYear: (value) => wallClock(value).year(),
  getMonth: (value) => wallClock(value).month(),
  getDate: (value) => wallClock(value).date(),
  getHour: (value) => wallClock(value).hour(),
  getMinute: (value) => wallClock(value).minute(),
  getSecond: (value) => wallClock(value).second(),
  getMillisecond: (value) => wallClock(value).millisecond(),
  addYear: (value, diff) => wallClock(value).add(diff, 'year'),
  addMonth: (value, diff) => wallClock(value).add(diff, 'month'),
  addDate: (value, diff) => wallClock(value).add(diff, 'day'),
  setYear: (value, year) => wallClock(value).year(year),
  setMonth: (value, month) => wallClock(value).month(month),
  setDate: (value, date) => wallClock(value).date(date),
  setHour: (value, hour) => wallClock(value).hour(hour),
  setMinute: (value, minute) => wallClock(value).minute(minute),
  setSecond: (value, second) => wallClock(value).second(second),
  setMillisecond: (value, ms) => wallClock(value).millisecond(ms),
  isAfter: (a, b) => wallClock(a).isAfter(wallClock(b)),
  isValidate: (value) => wallClock(value).isValid(),
  locale: {
    getWeekFirstDay: (locale) => dayjs().locale(dayjsLocale(locale)).localeData().firstDayOfWeek(),
    getWeekFirstDate: (locale, value) => wallClock(value).locale(dayjsLocale(locale)).weekday(0),
    getWeek: (locale, value) => wallClock(value).locale(dayjsLocale(locale)).week(),
    getShortWeekDays: (locale) => dayjs().locale(dayjsLocale(locale)).localeData().weekdaysMin(),
    getShortMonths: (locale) => dayjs().locale(dayjsLocale(locale)).localeData().monthsShort(),
    format: (locale, value, format) => wallClock(value).locale(dayjsLocale(locale)).format(format),
    parse: (locale, text, formats) => {
      for (const format of formats) {
        const value = dayjs.utc(text, format, true).locale(dayjsLocale(locale));
        if (value.isValid()) return value;
      }
      return null;
    },
  },
};
