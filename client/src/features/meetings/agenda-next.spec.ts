import { describe, expect, it } from 'vitest';
import type { AgendaItem, MeetingStatus } from '@duijie/shared';
import { splitAgenda } from './agenda-next';

function item(id: string, startsAt: string | null, status: MeetingStatus = 'scheduled', minutes = 20): AgendaItem {
  const endsAt = startsAt ? new Date(Date.parse(startsAt) + minutes * 60_000).toISOString() : null;
  const party = { organisationId: id, organisationName: id };
  return {
    id,
    eventId: 'e',
    sessionId: 's',
    requestId: id,
    topic: id,
    parties: [party, party],
    status,
    slot: 1,
    table: 1,
    startsAt,
    endsAt,
    pinned: false,
    published: true,
    unscheduledReason: null,
    version: 1,
    updatedAt: '2026-12-01T00:00:00Z',
    counterpart: party,
    sessionTitle: 'session',
    venue: 'hall',
  };
}

const SHANGHAI = 'Asia/Shanghai';

describe('splitAgenda', () => {
  it('puts the first meeting still to come first and keeps the others in time order', () => {
    const now = new Date('2026-12-10T02:00:00Z'); // 10:00 in Shanghai
    const items = [item('late', '2026-12-10T07:00:00Z'), item('past', '2026-12-10T01:00:00Z'), item('soon', '2026-12-10T03:00:00Z')];
    const split = splitAgenda(items, now, SHANGHAI);
    expect(split.next?.id).toBe('soon');
    expect(split.nextIsToday).toBe(true);
    expect(split.nextUnderWay).toBe(false);
    expect(split.rest.map((i) => i.id)).toEqual(['past', 'late']);
  });

  it('shows a meeting under way as the next one until it ends', () => {
    const now = new Date('2026-12-10T03:10:00Z');
    const split = splitAgenda([item('now', '2026-12-10T03:00:00Z'), item('after', '2026-12-10T04:00:00Z')], now, SHANGHAI);
    expect(split.next?.id).toBe('now');
    expect(split.nextUnderWay).toBe(true);
  });

  it('never picks a held, missed, cancelled or unplaced meeting', () => {
    const now = new Date('2026-12-10T02:00:00Z');
    const items = [
      item('held', '2026-12-10T03:00:00Z', 'held'),
      item('missed', '2026-12-10T03:20:00Z', 'no_show'),
      item('cancelled', '2026-12-10T03:40:00Z', 'cancelled'),
      item('unplaced', null, 'unscheduled'),
    ];
    const split = splitAgenda(items, now, SHANGHAI);
    expect(split.next).toBeNull();
    expect(split.rest).toHaveLength(4);
  });

  it('reads "today" in the event’s zone, not the device’s', () => {
    // 23:30 UTC on the 9th is already 07:30 on the 10th in Shanghai; a meeting at 09:00 there is today.
    const now = new Date('2026-12-09T23:30:00Z');
    const split = splitAgenda([item('morning', '2026-12-10T01:00:00Z')], now, SHANGHAI);
    expect(split.nextIsToday).toBe(true);
    expect(splitAgenda([item('morning', '2026-12-10T01:00:00Z')], now, 'UTC').nextIsToday).toBe(false);
  });

  it('names a meeting on a later day as next without calling it today', () => {
    const now = new Date('2026-12-10T10:00:00Z'); // 18:00 in Shanghai, the day's meetings are over
    const split = splitAgenda([item('done', '2026-12-10T03:00:00Z', 'held'), item('tomorrow', '2026-12-11T01:00:00Z')], now, SHANGHAI);
    expect(split.next?.id).toBe('tomorrow');
    expect(split.nextIsToday).toBe(false);
  });
});
