import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_EVENT_TIME_ZONE, SESSION_TRANSITIONS, type EventDetail, type MatchEvent, type MatchSession } from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BoardEventsService } from '../realtime/board-events.service';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { isOrganiser, type Principal } from '../access/principal';
import { assertVersion, Conflict, InvalidInput, NotFound } from '../common/errors';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { changedFields } from '../common/changes';
import type { EventDto, EventUpdateDto, SessionDto, SessionTransitionDto, SessionUpdateDto } from './dto/event.dto';
import { EventEntity } from './event.entity';
import { toEvent, toSession } from './events.mapper';
import { SessionEntity } from './session.entity';
import { seesSession } from './session-visibility';
import { pages } from '../common/xlsx';
import type { SessionExportRow } from './events.export';

/**
 * A rule another capability holds over a session's edit, checked in its transaction before the
 * change is written; it refuses by throwing (meetings: placed meetings keep the slot times).
 */
export type SessionEditVeto = (manager: EntityManager, session: SessionEntity, changes: Record<string, unknown>) => Promise<void>;

@Injectable()
export class EventsService {
  private readonly sessionEditVetoes: SessionEditVeto[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly board: BoardEventsService,
    private readonly uow: UnitOfWork,
  ) {}

  /** Registers a veto over session edits (see SessionEditVeto). */
  addSessionEditVeto(veto: SessionEditVeto): void {
    this.sessionEditVetoes.push(veto);
  }

  async list(principal: Principal): Promise<MatchEvent[]> {
    const rows = await this.dataSource
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .leftJoin(OrganisationEntity, 'o', 'o.id = e.organiserOrganisationId')
      .addSelect('o.name', 'organiserName')
      .addSelect(
        (sub) =>
          sub
            .select('COUNT(*)::int')
            .from(SessionEntity, 's')
            .where('s.eventId = e.id')
            .andWhere(isOrganiser(principal) ? 'TRUE' : "s.status <> 'draft'"),
        'sessionCount',
      )
      .orderBy('e.startDate', 'DESC')
      .addOrderBy('e.createdAt', 'DESC')
      .getRawAndEntities<{ organiserName: string; sessionCount: number }>();
    return rows.entities.map((e, i) => toEvent(e, rows.raw[i].organiserName, rows.raw[i].sessionCount));
  }

  /**
   * The console's events export: every event as the list gives it to organisers, and every
   * session (drafts too) of those events in the same order, read page by page.
   */
  async exportPages(principal: Principal): Promise<{ events: MatchEvent[]; sessionCount: number; sessions: AsyncIterable<SessionExportRow[]> }> {
    const events = await this.list(principal);
    const sessionCount = events.reduce((n, e) => n + e.sessionCount, 0);
    const sessions = pages(async (offset, limit) => {
      const rows = await this.dataSource
        .getRepository(SessionEntity)
        .createQueryBuilder('s')
        .innerJoin(EventEntity, 'e', 'e.id = s.eventId')
        .addSelect('e.name', 'eventName')
        .addSelect('e.timeZone', 'timeZone')
        .orderBy('e.startDate', 'DESC')
        .addOrderBy('e.createdAt', 'DESC')
        .addOrderBy('e.id')
        .addOrderBy('s.startsAt')
        .addOrderBy('s.id')
        .offset(offset)
        .limit(limit)
        .getRawAndEntities<{ eventName: string; timeZone: string }>();
      return rows.entities.map((s, i) => ({ ...toSession(s), eventName: rows.raw[i].eventName, timeZone: rows.raw[i].timeZone }));
    });
    return { events, sessionCount, sessions };
  }

  async create(principal: Principal, dto: EventDto): Promise<MatchEvent> {
    assertDates(dto.startDate, dto.endDate);
    return this.uow.run(async ({ manager }) => {
      const event = await manager.save(
        manager.create(EventEntity, {
          ...dto,
          description: dto.description ?? '',
          timeZone: dto.timeZone ?? DEFAULT_EVENT_TIME_ZONE,
          organiserOrganisationId: principal.organisationId,
          createdByUserId: principal.userId,
        }),
      );
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'event.created',
        entityType: 'event',
        entityId: event.id,
        data: { name: event.name },
      });
      return this.toEvent(manager, event);
    });
  }

  async get(principal: Principal, id: string): Promise<EventDetail> {
    const event = await this.findEvent(this.dataSource.manager, id);
    const sessions = await this.dataSource.getRepository(SessionEntity).find({ where: { eventId: id }, order: { startsAt: 'ASC' } });
    const visible = sessions.filter((s) => seesSession({ principal }, s));
    return { ...(await this.toEvent(this.dataSource.manager, event, visible.length)), sessions: visible.map(toSession) };
  }

  async update(principal: Principal, id: string, dto: EventUpdateDto): Promise<MatchEvent> {
    return this.uow.run(async ({ manager }) => {
      const event = await this.findEvent(manager, id, true);
      assertDates(dto.startDate ?? event.startDate, dto.endDate ?? event.endDate);
      const changes = changedFields(event, dto);
      Object.assign(event, dto);
      await manager.save(event);
      await this.audit.record(manager, { actorUserId: principal.userId, action: 'event.updated', entityType: 'event', entityId: id, data: changes });
      return this.toEvent(manager, event);
    });
  }

  async createSession(principal: Principal, eventId: string, dto: SessionDto): Promise<MatchSession> {
    return this.uow.run(async ({ manager }) => {
      await this.findEvent(manager, eventId);
      const draft = manager.create(SessionEntity, {
        ...dto,
        eventId,
        startsAt: new Date(dto.startsAt),
        endsAt: new Date(dto.endsAt),
        ceremonyAt: toDate(dto.ceremonyAt),
        breakStartsAt: toDate(dto.breakStartsAt),
        breakEndsAt: toDate(dto.breakEndsAt),
        status: 'draft',
        version: 1,
      });
      assertSessionTimes(draft);
      const session = await manager.save(draft);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'session.created',
        entityType: 'session',
        entityId: session.id,
        data: { eventId, kind: session.kind, title: session.title },
      });
      return toSession(session);
    });
  }

  async getSession(principal: Principal, id: string): Promise<MatchSession> {
    const session = await this.visibleSession(this.dataSource.manager, principal, id);
    return toSession(session);
  }

  async updateSession(principal: Principal, id: string, dto: SessionUpdateDto): Promise<MatchSession> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const board = this.board.writer(tx);
      const session = await this.findSession(manager, id, true);
      assertVersion(session.version, dto.version, 'The session');
      const { version: _version, ...patch } = dto;
      if (patch.kind && patch.kind !== session.kind && session.status !== 'draft') {
        throw new Conflict('kind_locked', 'The kind of a session can only change while it is a draft', [{ field: 'kind', messages: ['locked after draft'] }]);
      }
      const { startsAt, endsAt, ceremonyAt, breakStartsAt, breakEndsAt, ...plain } = patch;
      const next: Partial<SessionEntity> = {
        ...plain,
        ...(startsAt ? { startsAt: new Date(startsAt) } : {}),
        ...(endsAt ? { endsAt: new Date(endsAt) } : {}),
        ...(ceremonyAt !== undefined ? { ceremonyAt: toDate(ceremonyAt) } : {}),
        ...(breakStartsAt !== undefined ? { breakStartsAt: toDate(breakStartsAt) } : {}),
        ...(breakEndsAt !== undefined ? { breakEndsAt: toDate(breakEndsAt) } : {}),
      };
      const changes = changedFields(session, next);
      for (const veto of this.sessionEditVetoes) await veto(manager, session, changes);
      Object.assign(session, next);
      assertSessionTimes(session);
      session.version += 1;
      await manager.save(session);
      await this.audit.record(manager, { actorUserId: principal.userId, action: 'session.updated', entityType: 'session', entityId: id, data: changes });
      await board.append(id, { type: 'session.changed', session: toSession(session) });
      return toSession(session);
    });
  }

  /** Moves the lifecycle one step forward; anything else is a 409 that says what is allowed. */
  async transition(principal: Principal, id: string, dto: SessionTransitionDto): Promise<MatchSession> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const board = this.board.writer(tx);
      const session = await this.findSession(manager, id, true);
      // A retried click that already took effect is not an error.
      if (session.status === dto.to && session.version === dto.version + 1) return toSession(session);
      assertVersion(session.version, dto.version, 'The session');
      const allowed = SESSION_TRANSITIONS[session.status];
      if (dto.to !== allowed) {
        throw new Conflict(
          'invalid_transition',
          allowed ? `A ${session.status} session can only move to ${allowed}, not ${dto.to}` : `A ${session.status} session cannot change any more`,
          [{ field: 'to', messages: [allowed ? `must be ${allowed}` : 'no transition allowed'] }],
        );
      }
      const from = session.status;
      session.status = dto.to;
      session.version += 1;
      await manager.save(session);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'session.transitioned',
        entityType: 'session',
        entityId: id,
        data: { from, to: dto.to },
      });
      await board.append(id, { type: 'session.changed', session: toSession(session) });
      return toSession(session);
    });
  }

  /** A session the caller may see (seesSession), else 404 naming `what` (the row the caller asked for). */
  async visibleSession(manager: EntityManager, principal: Principal, id: string, opts: { lock?: boolean; what?: string } = {}): Promise<SessionEntity> {
    const session = await this.findSession(manager, id, opts.lock);
    if (!seesSession({ principal }, session)) throw new NotFound(opts.what ?? 'Session');
    return session;
  }

  /** A session by id, or null: for callers that answer a missing one themselves (the socket gateway). */
  sessionById(id: string): Promise<SessionEntity | null> {
    return this.dataSource.manager.findOne(SessionEntity, { where: { id } });
  }

  async findSession(manager: EntityManager, id: string, lock = false): Promise<SessionEntity> {
    const session = await manager.findOne(SessionEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!session) throw new NotFound('Session');
    return session;
  }

  /** An event's sessions, earliest first. */
  sessionsOf(manager: EntityManager, eventId: string): Promise<SessionEntity[]> {
    return manager.find(SessionEntity, { where: { eventId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  async findEvent(manager: EntityManager, id: string, lock = false): Promise<EventEntity> {
    const event = await manager.findOne(EventEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!event) throw new NotFound('Event');
    return event;
  }

  private async toEvent(manager: EntityManager, event: EventEntity, sessionCount?: number): Promise<MatchEvent> {
    const organiser = await manager.findOne(OrganisationEntity, { where: { id: event.organiserOrganisationId } });
    const count = sessionCount ?? (await manager.count(SessionEntity, { where: { eventId: event.id } }));
    return toEvent(event, organiser?.name ?? '', count);
  }
}

function assertDates(start: string, end: string): void {
  if (end < start) throw new InvalidInput('endDate', 'must not be before startDate');
}

/** What decides a session's slots (see sessionSlots in shared). */

function toDate(iso: string | null | undefined): Date | null {
  return iso ? new Date(iso) : null;
}

function assertSessionTimes(s: Pick<SessionEntity, 'startsAt' | 'endsAt' | 'breakStartsAt' | 'breakEndsAt'>): void {
  if (s.endsAt.getTime() <= s.startsAt.getTime()) throw new InvalidInput('endsAt', 'must be after startsAt');
  if (!s.breakStartsAt !== !s.breakEndsAt)
    throw new InvalidInput(s.breakStartsAt ? 'breakEndsAt' : 'breakStartsAt', 'must be given together with the other end of the break');
  if (!s.breakStartsAt || !s.breakEndsAt) return;
  if (s.breakEndsAt.getTime() <= s.breakStartsAt.getTime()) throw new InvalidInput('breakEndsAt', 'must be after breakStartsAt');
  if (s.breakStartsAt.getTime() <= s.startsAt.getTime() || s.breakEndsAt.getTime() >= s.endsAt.getTime())
    throw new InvalidInput('breakStartsAt', 'the break must lie inside the session');
}
