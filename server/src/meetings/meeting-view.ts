import { sessionSlots, type Meeting, type MeetingSlot } from '@duijie/shared';
import { In, type EntityManager } from 'typeorm';
import { SessionEntity } from '../events/session.entity';
import { MeetingEntity } from './meeting.entity';

/** The session fields a meeting's view needs: its slots, title and venue. */
export type MeetingSessionInfo = { id: string; title: string; venue: string; slots: MeetingSlot[] };

/** A meeting as the API shows it, with its slot's times from the session. */
export function meetingView(m: MeetingEntity, session: MeetingSessionInfo | undefined, names: Map<string, string>): Meeting {
  const slot = m.slot === null ? undefined : session?.slots[m.slot - 1];
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
    startsAt: slot?.startsAt ?? null,
    endsAt: slot?.endsAt ?? null,
    pinned: m.pinned,
    published: m.published,
    unscheduledReason: m.unscheduledReason,
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** The sessions and organisation names that a set of meetings refer to, in two queries. */
export async function meetingContext(manager: EntityManager, rows: readonly MeetingEntity[]): Promise<{ sessions: Map<string, MeetingSessionInfo>; names: Map<string, string> }> {
  if (rows.length === 0) return { sessions: new Map(), names: new Map() };
  const sessionRows = await manager.find(SessionEntity, { where: { id: In([...new Set(rows.map((m) => m.sessionId))]) } });
  const sessions = new Map(
    sessionRows.map((s) => [s.id, { id: s.id, title: s.title, venue: s.venue, slots: sessionSlots({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), slotMinutes: s.slotMinutes }) }]),
  );
  const orgIds = [...new Set(rows.flatMap((m) => [m.organisationAId, m.organisationBId]))];
  const names = new Map((await manager.query<{ id: string; name: string }[]>(`SELECT id, name FROM organisation WHERE id = ANY($1)`, [orgIds])).map((o) => [o.id, o.name]));
  return { sessions, names };
}

export async function meetingViews(manager: EntityManager, rows: readonly MeetingEntity[]): Promise<Meeting[]> {
  const { sessions, names } = await meetingContext(manager, rows);
  return rows.map((m) => meetingView(m, sessions.get(m.sessionId), names));
}
