import { describe, expect, it } from 'vitest';
import { meetingStarted } from './meeting-outcome-select';

describe('meetingStarted', () => {
  const now = Date.parse('2026-12-10T01:30:00Z');
  it('offers the outcome once the meeting has started, never for a cancelled or unplaced one', () => {
    expect(meetingStarted({ startsAt: '2026-12-10T01:30:00Z', status: 'scheduled' }, now)).toBe(true);
    expect(meetingStarted({ startsAt: '2026-12-10T01:00:00Z', status: 'held' }, now)).toBe(true);
    expect(meetingStarted({ startsAt: '2026-12-10T01:31:00Z', status: 'scheduled' }, now)).toBe(false);
    expect(meetingStarted({ startsAt: '2026-12-10T01:00:00Z', status: 'cancelled' }, now)).toBe(false);
    expect(meetingStarted({ startsAt: null, status: 'unscheduled' }, now)).toBe(false);
  });
});
