import { describe, expect, it } from 'vitest';
import { formatInZone } from './dates';

describe('formatInZone', () => {
  it('shows a publication time on the event’s wall clock, whatever the device’s zone', () => {
    expect(formatInZone('2026-12-18T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12-19 00:30');
    expect(formatInZone('2026-12-18T16:30:00Z', 'Asia/Urumqi')).toBe('2026-12-18 22:30');
  });

  it('shows a dash when there is no time', () => {
    expect(formatInZone(null, 'Asia/Shanghai')).toBe('—');
  });
});
