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
