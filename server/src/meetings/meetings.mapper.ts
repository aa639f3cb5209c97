import { sessionSlots, type Meeting, type MeetingSlot } from '@duijie/shared';
import type { EntityManager } from 'typeorm';
import type { SessionEntity } from '../events/session.entity';
import type { MeetingEntity } from './meeting.entity';

/** The slots of a session entity (1-based, consecutive). */
export function slotsOf(session: Pick<SessionEntity, 'startsAt' | 'endsAt' | 'slotMinutes' | 'breakStartsAt' | 'breakEndsAt'>): MeetingSlot[] {
  return sessionSlots({
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    slotMinutes: session.slotMinutes,
    breakStartsAt: session.breakStartsAt?.toISOString() ?? null,
    breakEndsAt: session.breakEndsAt?.toISOString() ?? null,
  });
}

/** The shared view of a meeting; `names` maps organisation ids to names, `slots` are its session's. */
export function toMeeting(m: MeetingEntity, names: ReadonlyMap<string, string>, slots: readonly MeetingSlot[]): Meeting {
  const placed = m.slot !== null ? slots[m.slot - 1] : undefined;
  return {
    id: m.id,
    eventId: m.eventId,
    sessionId: m.sessionId,
    requestId: m.requestId,
    topic: m.topic,
    parties: [
      { organisationId: m.organisationAId, organisationName: names.get(m.organisationAId) ?? '' },
      { organisationId: m.organisationBId, organisationName: names.get(m.organisationBId) ?? '' },
    ],
    status: m.status,
    slot: m.slot,
    table: m.tableNo,
    startsAt: placed?.startsAt ?? null,
    endsAt: placed?.endsAt ?? null,
    pinned: m.pinned,
    published: m.published,
    unscheduledReason: m.unscheduledReason,
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** Names of the organisations in these meetings, in one query. */
export async function partyNames(manager: EntityManager, meetings: readonly MeetingEntity[]): Promise<Map<string, string>> {
  const ids = [...new Set(meetings.flatMap((m) => [m.organisationAId, m.organisationBId]))];
  if (ids.length === 0) return new Map();
  const rows = await manager.query<{ id: string; name: string }[]>(`SELECT id, name FROM organisation WHERE id = ANY($1)`, [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
