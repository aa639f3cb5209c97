import { afterEach, describe, expect, it } from 'vitest';
import {
  deviceTimeZone,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatOffset,
  formatTime,
  formatTimeRange,
  formatTimeSeconds,
  zoneDiffersFromDevice,
  zoneOffsetMinutes,
} from './dates';
import { fromZonedPicker, toZonedPicker } from './wall-clock';

const ORIGINAL_TZ = process.env.TZ;

/** Runs the same checks with the device (this process) set to each zone: the answers must not change. */
const DEVICE_ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];
function onEveryDevice(check: () => void) {
  for (const zone of DEVICE_ZONES) {
    process.env.TZ = zone;
    expect(deviceTimeZone()).toBe(zone);
    check();
  }
}

afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

// The demo's 银企对接专场 runs 09:00–17:30 in Xining (Beijing time): 01:00–09:30 UTC.
const STARTS = '2026-12-15T01:00:00.000Z';
const ENDS = '2026-12-15T09:30:00.000Z';

describe('times shown on the event’s clocks', () => {
  it('shows a session of 09:00–17:30 Beijing time as 09:00–17:30 whatever the device’s zone', () => {
    onEveryDevice(() => {
      expect(formatTime(STARTS, 'Asia/Shanghai')).toBe('09:00');
      expect(formatTime(ENDS, 'Asia/Shanghai')).toBe('17:30');
      expect(formatDateTime(STARTS, 'Asia/Shanghai')).toBe('2026-12-15 09:00');
      expect(formatTimeRange(STARTS, ENDS, 'Asia/Shanghai')).toBe('2026-12-15 09:00–17:30');
    });
  });

  it('puts a time after midnight Beijing time on the next day, and another zone on its own clocks', () => {
    onEveryDevice(() => {
      expect(formatDateTime('2026-12-18T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12-19 00:30');
      expect(formatDate('2026-12-18T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12-19');
      expect(formatDateTime('2026-12-18T16:30:00Z', 'Asia/Urumqi')).toBe('2026-12-18 22:30');
      expect(formatDateTime('2026-12-18T16:30:00Z', 'UTC')).toBe('2026-12-18 16:30');
      expect(formatTimeSeconds('2026-12-18T16:30:05Z', 'Asia/Shanghai')).toBe('00:30:05');
    });
  });

  it('shows a calendar day as the same day in every zone', () => {
    onEveryDevice(() => {
      expect(formatDate('2026-12-15', 'America/Los_Angeles')).toBe('2026-12-15');
      expect(formatDateRange('2026-12-15', '2026-12-18')).toBe('2026-12-15 ~ 2026-12-18');
    });
  });

  it('shows a dash when there is no time', () => {
    expect(formatDateTime(null, 'Asia/Shanghai')).toBe('—');
    expect(formatDate(undefined, 'Asia/Shanghai')).toBe('—');
    expect(formatTime('', 'Asia/Shanghai')).toBe('—');
    expect(formatTimeRange(null, null, 'Asia/Shanghai')).toBe('—');
    expect(formatDateRange(null, null)).toBe('—');
  });
});

describe('date-and-time pickers in the event’s zone', () => {
  it('shows a stored time as the event’s wall clock and reads a typed time back as the event’s', () => {
    onEveryDevice(() => {
      const shown = toZonedPicker(STARTS, 'Asia/Shanghai');
      expect(shown.format('YYYY-MM-DD HH:mm')).toBe('2026-12-15 09:00');
      expect(fromZonedPicker(shown, 'Asia/Shanghai')).toBe(STARTS);
      // 17:30 typed on the 15th means 17:30 Beijing time.
      expect(fromZonedPicker(shown.hour(17).minute(30), 'Asia/Shanghai')).toBe(ENDS);
    });
  });
});

describe('naming the zone when the device differs', () => {
  it('knows each zone’s offset at an instant, summer time included', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', STARTS)).toBe(480);
    expect(zoneOffsetMinutes('UTC', STARTS)).toBe(0);
    expect(zoneOffsetMinutes('Europe/London', '2026-07-01T12:00:00Z')).toBe(60);
    expect(zoneOffsetMinutes('Asia/Kolkata', STARTS)).toBe(330);
    expect([formatOffset(480), formatOffset(0), formatOffset(330), formatOffset(-300)]).toEqual(['UTC+8', 'UTC', 'UTC+5:30', 'UTC−5']);
  });

  it('names the zone on a device set to UTC, not on one set to Beijing or to another zone of the same offset', () => {
    expect(zoneDiffersFromDevice('Asia/Shanghai', STARTS, 'UTC')).toBe(true);
    expect(zoneDiffersFromDevice('Asia/Shanghai', STARTS, 'Asia/Shanghai')).toBe(false);
    expect(zoneDiffersFromDevice('Asia/Shanghai', STARTS, 'Asia/Taipei')).toBe(false);
    // London matches UTC in winter only.
    expect(zoneDiffersFromDevice('Europe/London', '2026-12-15T12:00:00Z', 'UTC')).toBe(false);
    expect(zoneDiffersFromDevice('Europe/London', '2026-07-01T12:00:00Z', 'UTC')).toBe(true);
  });

  it('reads the device’s zone from the browser', () => {
    process.env.TZ = 'UTC';
    expect(zoneDiffersFromDevice('Asia/Shanghai', STARTS)).toBe(true);
    process.env.TZ = 'Asia/Shanghai';
    expect(zoneDiffersFromDevice('Asia/Shanghai', STARTS)).toBe(false);
  });
});
