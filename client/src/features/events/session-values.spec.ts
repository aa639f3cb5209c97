import type { MatchSession } from '@duijie/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { initialSessionValues, toSessionInput, type SessionFormValues } from './session-values';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

// 09:00–17:30 Beijing time, with a lunch break 12:00–13:30 and the ceremony at 16:00.
const session = {
  id: 's1',
  eventId: 'e1',
  kind: 'bank_enterprise',
  title: '银企对接专场',
  leadDepartment: '人民银行',
  venue: '西宁',
  startsAt: '2026-12-15T01:00:00.000Z',
  endsAt: '2026-12-15T09:30:00.000Z',
  breakStartsAt: '2026-12-15T04:00:00.000Z',
  breakEndsAt: '2026-12-15T05:30:00.000Z',
  ceremonyAt: '2026-12-15T08:00:00.000Z',
  slotMinutes: 20,
  tableCount: 10,
  registrationMode: 'open',
  meetingMode: 'scheduled',
  status: 'draft',
  version: 1,
} as unknown as MatchSession;

describe('the session form’s times', () => {
  for (const device of ['UTC', 'Asia/Shanghai', 'America/New_York']) {
    it(`shows and saves the event’s wall clock on a device set to ${device}`, () => {
      process.env.TZ = device;
      const values = initialSessionValues(session, 'Asia/Shanghai') as SessionFormValues;
      expect(values.startsAt.format('YYYY-MM-DD HH:mm')).toBe('2026-12-15 09:00');
      expect(values.endsAt.format('HH:mm')).toBe('17:30');
      expect(values.breakRange?.map((d) => d.format('HH:mm'))).toEqual(['12:00', '13:30']);
      const input = toSessionInput(values, 'Asia/Shanghai');
      expect([input.startsAt, input.endsAt, input.ceremonyAt, input.breakStartsAt, input.breakEndsAt]).toEqual([
        session.startsAt,
        session.endsAt,
        session.ceremonyAt,
        session.breakStartsAt,
        session.breakEndsAt,
      ]);
    });
  }

  it('reads 09:00 typed for an event in Urumqi as 09:00 there', () => {
    process.env.TZ = 'UTC';
    const values = initialSessionValues(session, 'Asia/Urumqi') as SessionFormValues;
    expect(values.startsAt.format('HH:mm')).toBe('07:00');
    expect(toSessionInput({ ...values, startsAt: values.startsAt.hour(9) }, 'Asia/Urumqi').startsAt).toBe('2026-12-15T03:00:00.000Z');
  });
});

describe('the session form’s times on a device whose clocks skip or repeat them', () => {
  it('saves 02:30 typed on a New York device, on the day its clocks skip 02:00–03:00, as 02:30 Beijing time', () => {
    process.env.TZ = 'America/New_York';
    const gap = {
      ...session,
      startsAt: '2027-03-13T18:30:00.000Z',
      endsAt: '2027-03-14T09:30:00.000Z',
      ceremonyAt: null,
      breakStartsAt: null,
      breakEndsAt: null,
    };
    const values = initialSessionValues(gap as MatchSession, 'Asia/Shanghai') as SessionFormValues;
    expect(values.startsAt.format('YYYY-MM-DD HH:mm')).toBe('2027-03-14 02:30');
    // Typed again by hand (hour and minute set on the picker's value): still 02:30 on the event's clock.
    const typed = values.startsAt.hour(1).minute(0).hour(2).minute(30);
    const breakRange = [typed.hour(2).minute(0), typed.hour(2).minute(45)] as [typeof typed, typeof typed];
    const input = toSessionInput({ ...values, startsAt: typed, breakRange }, 'Asia/Shanghai');
    expect(input.startsAt).toBe('2027-03-13T18:30:00.000Z');
    expect(input.endsAt).toBe('2027-03-14T09:30:00.000Z');
    // The break, put on the start's day: 02:00–02:45 Beijing time, none of it moved.
    expect([input.breakStartsAt, input.breakEndsAt]).toEqual(['2027-03-13T18:00:00.000Z', '2027-03-13T18:45:00.000Z']);
  });

  it('keeps 01:30 on the day a New York device’s clocks go back as one time', () => {
    process.env.TZ = 'America/New_York';
    const fold = {
      ...session,
      startsAt: '2027-11-06T17:30:00.000Z',
      endsAt: '2027-11-07T09:30:00.000Z',
      ceremonyAt: null,
      breakStartsAt: null,
      breakEndsAt: null,
    };
    const values = initialSessionValues(fold as MatchSession, 'Asia/Shanghai') as SessionFormValues;
    expect(values.startsAt.format('YYYY-MM-DD HH:mm')).toBe('2027-11-07 01:30');
    expect(toSessionInput(values, 'Asia/Shanghai').startsAt).toBe('2027-11-06T17:30:00.000Z');
  });
});
