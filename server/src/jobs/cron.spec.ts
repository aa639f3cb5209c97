import { assertSchedule, latestOccurrence, nextOccurrence, occurrenceJobId } from './cron';

describe('schedules', () => {
  it('reads a cron in the schedule’s time zone: Mondays 08:00 in Shanghai are Mondays 00:00 UTC', () => {
    const wednesday = new Date('2026-12-09T12:00:00Z');
    expect(latestOccurrence('0 8 * * 1', 'Asia/Shanghai', wednesday).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(nextOccurrence('0 8 * * 1', 'Asia/Shanghai', wednesday).toISOString()).toBe('2026-12-14T00:00:00.000Z');
    expect(latestOccurrence('0 8 * * 1', 'UTC', wednesday).toISOString()).toBe('2026-12-07T08:00:00.000Z');
    // Sunday 23:30 UTC is already Monday 07:30 in Shanghai: the occurrence of that week has not come yet.
    expect(latestOccurrence('0 8 * * 1', 'Asia/Shanghai', new Date('2026-12-06T23:30:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('counts the occurrence at the very moment it falls, and not a moment before', () => {
    const at = new Date('2026-12-07T00:00:00.000Z');
    expect(latestOccurrence('0 8 * * 1', 'Asia/Shanghai', at).toISOString()).toBe(at.toISOString());
    expect(latestOccurrence('0 8 * * 1', 'Asia/Shanghai', new Date(at.getTime() - 1)).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(latestOccurrence('* * * * *', 'Asia/Shanghai', new Date('2026-12-07T00:00:59.999Z')).toISOString()).toBe(at.toISOString());
  });

  it('gives one occurrence the same job id in every process, and another occurrence or queue another id', () => {
    const at = new Date('2026-12-07T00:00:00.000Z');
    const id = occurrenceJobId('followup.weekly-summary', at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(occurrenceJobId('followup.weekly-summary', new Date(at.getTime()))).toBe(id);
    expect(occurrenceJobId('followup.weekly-summary', new Date(at.getTime() + 60_000))).not.toBe(id);
    expect(occurrenceJobId('meetings.expire-requests', at)).not.toBe(id);
  });

  it('refuses a cron expression or a time zone that does not parse, naming which', () => {
    expect(() => assertSchedule('0 8 * * 1', 'Asia/Shanghai')).not.toThrow();
    expect(() => assertSchedule('every monday', 'Asia/Shanghai')).toThrow(/"every monday" is not a cron expression/);
    expect(() => assertSchedule('0 8 * * 1', 'Asia/Beijing')).toThrow(/"Asia\/Beijing" is not an IANA time zone/);
  });
});
