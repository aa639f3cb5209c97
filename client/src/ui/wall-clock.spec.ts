import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromZonedPicker, toZonedPicker, wallClock, wallClockConfig as config } from './wall-clock';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

/** 14 March 2027, 02:00–03:00 does not exist in New York (clocks go forward). */
const GAP_DAY = '2027-03-14';
/** 7 November 2027, 01:00–02:00 happens twice in New York (clocks go back). */
const FOLD_DAY = '2027-11-07';
const FORMAT = 'YYYY-MM-DD HH:mm';

/** What a date-and-time picker does when someone picks a day in the panel and then an hour and a minute. */
function picked(day: string, hour: number, minute: number) {
  const [y, m, d] = day.split('-').map(Number);
  const date = config.setDate(config.setMonth(config.setYear(config.getNow(), y), m - 1), d);
  return config.setMillisecond(config.setSecond(config.setMinute(config.setHour(date, hour), minute), 0), 0);
}

describe('wall-clock pickers on a device in New York', () => {
  beforeEach(() => {
    process.env.TZ = 'America/New_York';
  });

  it('the device itself moves 02:30 on the day its clocks go forward (why the pickers need wall-clock values)', () => {
    expect(dayjs(`${GAP_DAY} 02:30`, FORMAT).format('HH:mm')).toBe('03:30');
  });

  it('keeps 02:30 typed or picked on the day the device’s clocks skip it', () => {
    const typed = config.locale.parse('zh_CN', `${GAP_DAY} 02:30`, [FORMAT]);
    expect(typed?.format(FORMAT)).toBe(`${GAP_DAY} 02:30`);
    expect(picked(GAP_DAY, 2, 30).format(FORMAT)).toBe(`${GAP_DAY} 02:30`);
    expect(config.locale.format('zh_CN', picked(GAP_DAY, 2, 30), FORMAT)).toBe(`${GAP_DAY} 02:30`);
    // Beijing has no daylight saving: 02:30 there on the 14th is 18:30 UTC on the 13th.
    expect(fromZonedPicker(typed!, 'Asia/Shanghai')).toBe('2027-03-13T18:30:00.000Z');
    expect(fromZonedPicker(picked(GAP_DAY, 2, 30), 'Asia/Shanghai')).toBe('2027-03-13T18:30:00.000Z');
  });

  it('shows a stored 02:30 Beijing time on the gap day as 02:30, and saves it back unchanged', () => {
    const shown = toZonedPicker('2027-03-13T18:30:00.000Z', 'Asia/Shanghai');
    expect(shown.format(FORMAT)).toBe(`${GAP_DAY} 02:30`);
    expect(config.getHour(shown)).toBe(2);
    expect(fromZonedPicker(shown, 'Asia/Shanghai')).toBe('2027-03-13T18:30:00.000Z');
  });

  it('reads 01:30 on the day the device’s clocks go back as one time, an hour before 02:30', () => {
    const early = picked(FOLD_DAY, 1, 30);
    const late = picked(FOLD_DAY, 2, 30);
    expect(early.format(FORMAT)).toBe(`${FOLD_DAY} 01:30`);
    expect(config.isAfter(late, early)).toBe(true);
    expect(late.diff(early, 'minute')).toBe(60);
    expect(fromZonedPicker(early, 'Asia/Shanghai')).toBe('2027-11-06T17:30:00.000Z');
    expect(config.addDate(early, 1).format(FORMAT)).toBe('2027-11-08 01:30');
  });

  it('for an event held in New York, reads a skipped time an hour on and a repeated one as the earlier (Temporal’s compatible)', () => {
    expect(fromZonedPicker(picked(GAP_DAY, 2, 30), 'America/New_York')).toBe('2027-03-14T07:30:00.000Z');
    expect(fromZonedPicker(picked(FOLD_DAY, 1, 30), 'America/New_York')).toBe('2027-11-07T05:30:00.000Z');
  });

  it('takes a value of the device’s zone by the fields it shows', () => {
    expect(wallClock(dayjs(`${FOLD_DAY} 01:30`, FORMAT)).format(FORMAT)).toBe(`${FOLD_DAY} 01:30`);
    expect(wallClock(dayjs(`${FOLD_DAY} 01:30`, FORMAT)).isUTC()).toBe(true);
  });
});

describe('wall-clock pickers on any device', () => {
  for (const device of ['UTC', 'Asia/Shanghai', 'Europe/Berlin', 'America/New_York']) {
    it(`give the same fields and the same instant on a device set to ${device}`, () => {
      process.env.TZ = device;
      const value = picked(GAP_DAY, 2, 30);
      expect([value.format(FORMAT), fromZonedPicker(value, 'Asia/Shanghai')]).toEqual([`${GAP_DAY} 02:30`, '2027-03-13T18:30:00.000Z']);
      expect(config.locale.parse('en_US', '2027-03-28 02:30', [FORMAT])?.format(FORMAT)).toBe('2027-03-28 02:30');
      expect(config.locale.parse('en_US', 'not a time', [FORMAT])).toBeNull();
    });
  }
});
