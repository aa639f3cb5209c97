import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgendaItem } from '@duijie/shared';
import { Brackets, DataSource, In } from 'typeorm';
import { isOrganiser, type Principal } from '../access/principal';
import { Forbidden, NotFound } from '../common/errors';
import { EventEntity } from '../events/event.entity';
import { SessionEntity } from '../events/session.entity';
import { MeetingEntity } from './meeting.entity';
import { partyNames, slotsOf, toMeeting } from './meetings.mapper';

/** Meetings that are on an agenda: placed at a table, published, and not cancelled. */
const ON_AGENDA = ['scheduled', 'held', 'no_show'] as const;

export type Agenda = { eventId: string; eventName: string; organisationId: string; organisationName: string; items: AgendaItem[] };

/**
 * A participant's agenda for an event: its published meetings across the event's sessions,
 * in time order, each seen from its side (the counterpart, the session's title and venue).
 * Unpublished placements are the organiser's draft and stay off it.
 */
@Injectable()
export class AgendaService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's own agenda; organisers may read any organisation's (to print it for them). */
  async agenda(principal: Principal, eventId: string, organisationId?: string): Promise<Agenda> {
    const orgId = organisationId ?? principal.organisationId;
    if (orgId !== principal.organisationId && !isOrganiser(principal)) throw new Forbidden('Only organisers read another organisation’s agenda');
    const manager = this.dataSource.manager;
    const event = await manager.findOne(EventEntity, { where: { id: eventId } });
    if (!event) throw new NotFound('Event');
    const [organisation]: { name: string }[] = await manager.query(`SELECT name FROM organisation WHERE id = $1`, [orgId]);
    if (!organisation) throw new NotFound('Organisation');
    const rows = await manager
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .where('m.eventId = :eventId AND m.published AND m.slot IS NOT NULL AND m.status IN (:...statuses)', { eventId, statuses: ON_AGENDA })
      .andWhere(new Brackets((w) => w.where('m.organisationAId = :orgId', { orgId }).orWhere('m.organisationBId = :orgId', { orgId })))
      .getMany();
    const sessionRows = rows.length === 0 ? [] : await manager.find(SessionEntity, { where: { id: In([...new Set(rows.map((m) => m.sessionId))]) } });
    const sessions = new Map(sessionRows.map((s) => [s.id, { title: s.title, venue: s.venue, slots: slotsOf(s) }]));
    const names = await partyNames(manager, rows);
    const items: AgendaItem[] = rows.map((m) => {
      const session = sessions.get(m.sessionId);
      const meeting = toMeeting(m, names, session?.slots ?? []);
      const counterpart = meeting.parties[0].organisationId === orgId ? meeting.parties[1] : meeting.parties[0];
      return { ...meeting, counterpart, sessionTitle: session?.title ?? '', venue: session?.venue ?? '' };
    });
    // Time order; meetings at the same time (only across sessions) by session, then table.
    items.sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? '') || a.sessionTitle.localeCompare(b.sessionTitle) || (a.table ?? 0) - (b.table ?? 0));
    return { eventId, eventName: event.name, organisationId: orgId, organisationName: organisation.name, items };
  }
}
