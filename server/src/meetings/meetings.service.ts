import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  commonHalf,
  MAX_SESSION_SLOTS,
  type Availability,
  type FreeSlot,
  type HalfWish,
  type Meeting,
  type MeetingSlot,
  type MeetingStats,
} from '@duijie/shared';
import { DataSource, In, IsNull, Not, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isOrganiser, type Principal } from '../access/principal';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import type { MeetingParties } from '../common/unit-of-work/domain-events';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { EventsService } from '../events/events.service';
import { SessionEntity } from '../events/session.entity';
import type { EventEntity } from '../events/event.entity';
import { pages } from '../common/xlsx';
import { ParticipationEntity } from '../participation/participation.entity';
import { BoardPublisher } from '../realtime/board-publisher';
import type { AvailabilityDto, BookingDto, PinDto } from './dto/meeting.dto';
import { MeetingAvailabilityEntity } from './meeting-availability.entity';
import type { MeetingRequestEntity } from './meeting-request.entity';
import { MeetingSeatEntity } from './meeting-seat.entity';
import { MeetingEntity } from './meeting.entity';
import { partyNames, slotsOf, toMeeting } from './meetings.mapper';
import { ScheduleRunEntity } from './schedule-run.entity';

/** A session's meetings are listed up to this many (a day of 32 slots at 100 tables is 3,200 placed meetings). */
const MEETING_LIST_CAP = 5000;
const PG_UNIQUE_VIOLATION = '23505';

type Wish = { unavailableSlots: number[]; half: HalfWish };
const NO_WISH: Wish = { unavailableSlots: [], half: 'any' };

/** The session fields its slots are computed from. */
const SLOT_FIELDS = ['startsAt', 'endsAt', 'slotMinutes', 'breakStartsAt', 'breakEndsAt'] as const;

/**
 * Negotiation meetings: made from accepted requests, then placed in a slot and at a table by
 * the participants themselves (self-booking), by an organiser's pin or by the scheduler.
 *
 * Every write that places or moves meetings takes the session's meeting lock first (a
 * transaction-scoped advisory lock), so bookings of one session are checked one after another
 * and the answer is exact; the seats' primary key and UQ_meeting_table still make a double
 * booking impossible, and a violation of either is a 409, never a 500.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly publisher: BoardPublisher,
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
  ) {
    uow.on('meetings.changed', (changes) => changes.forEach(({ sessionId, meetings }) => this.announce(sessionId, meetings)));
    // Meetings are kept by slot number: once some are placed, the session's slots must stay what they are.
    events.addSessionEditVeto(async (manager, session, changes) => {
      const reslotting = SLOT_FIELDS.find((f) => f in changes);
      if (reslotting && (await manager.exists(MeetingEntity, { where: { sessionId: session.id, slot: Not(IsNull()) } }))) {
        throw new Conflict(
          'meetings_placed',
          'Meetings are already placed in this session’s time slots; release or unpin them before changing its times, slot length or break',
          [{ field: reslotting, messages: ['locked while meetings are placed'] }],
        );
      }
    });
  }

  /** Inside the accepting transaction: the request becomes an unscheduled meeting (the asker is party A). */
  async createFromRequest(manager: EntityManager, request: MeetingRequestEntity, actorUserId: string): Promise<MeetingEntity> {
    const meeting = await manager.save(
      manager.create(MeetingEntity, {
        eventId: request.eventId,
        sessionId: request.sessionId,
        requestId: request.id,
        organisationAId: request.fromOrganisationId,
        organisationBId: request.toOrganisationId,
        topic: request.topic,
        status: 'unscheduled',
        acceptedAt: request.answeredAt ?? new Date(),
      }),
    );
    await this.audit.record(manager, {
      actorUserId,
      action: 'meeting.created',
      entityType: 'meeting',
      entityId: meeting.id,
      data: { requestId: request.id, sessionId: request.sessionId },
    });
    return meeting;
  }

  // ---- reads ----

  /** Organisers see every meeting of the session; a participant only its own. */
  async list(principal: Principal, sessionId: string): Promise<Meeting[]> {
    const manager = this.dataSource.manager;
    await this.visibleSession(manager, principal, sessionId);
    const query = manager
      .createQueryBuilder(MeetingEntity, 'm')
      .where('m.sessionId = :sessionId', { sessionId })
      .orderBy('m.slot', 'ASC', 'NULLS LAST')
      .addOrderBy('m.tableNo', 'ASC')
      .addOrderBy('m.acceptedAt', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .take(MEETING_LIST_CAP);
    if (isOrganiser(principal)) return this.views(manager, await query.getMany());
    query.andWhere('(m.organisationAId = :org OR m.organisationBId = :org)', { org: principal.organisationId });
    // The organiser's draft plan stays with the organisers until it is published.
    return (await this.views(manager, await query.getMany())).map((m) =>
      m.published || m.slot === null ? m : { ...m, status: 'unscheduled', slot: null, table: null, startsAt: null, endsAt: null },
    );
  }

  /**
   * Every meeting of a session for the organisers' export, in the list's order (by slot and table):
   * how many, the event (its name and time zone), then the meetings page by page.
   */
  async exportPages(sessionId: string): Promise<{ session: SessionEntity; event: EventEntity; count: number; pages: AsyncIterable<Meeting[]> }> {
    const manager = this.dataSource.manager;
    const session = await this.events.findSession(manager, sessionId);
    const event = await this.events.findEvent(manager, session.eventId);
    const filtered = () => manager.createQueryBuilder(MeetingEntity, 'm').where('m.sessionId = :sessionId', { sessionId });
    const count = await filtered().getCount();
    const read = pages(async (offset, limit) =>
      this.views(
        manager,
        await filtered()
          .orderBy('m.slot', 'ASC', 'NULLS LAST')
          .addOrderBy('m.tableNo', 'ASC')
          .addOrderBy('m.acceptedAt', 'ASC')
          .addOrderBy('m.id', 'ASC')
          .skip(offset)
          .take(limit)
          .getMany(),
      ),
    );
    return { session, event, count, pages: read };
  }

  async slots(principal: Principal, sessionId: string): Promise<MeetingSlot[]> {
    return slotsOf(await this.visibleSession(this.dataSource.manager, principal, sessionId));
  }

  /**
   * A session's meeting figures (cancelled meetings left out): total = unscheduled +
   * scheduled, where scheduled counts every placed meeting (scheduled, held or no_show);
   * published counts the placed ones the parties can see.
   */
  async stats(manager: EntityManager, sessionId: string): Promise<MeetingStats> {
    const [row] = await manager.query<Omit<MeetingStats, 'sessionId' | 'attendanceRate'>[]>(
      `SELECT COUNT(*) FILTER (WHERE status <> 'cancelled')::int AS total,
              COUNT(*) FILTER (WHERE status = 'unscheduled')::int AS unscheduled,
              COUNT(*) FILTER (WHERE status IN ('scheduled', 'held', 'no_show'))::int AS scheduled,
              COUNT(*) FILTER (WHERE status IN ('scheduled', 'held', 'no_show') AND published)::int AS published,
              COUNT(*) FILTER (WHERE status = 'held')::int AS held,
              COUNT(*) FILTER (WHERE status = 'no_show')::int AS "noShow"
         FROM meeting WHERE "sessionId" = $1`,
      [sessionId],
    );
    const marked = row.held + row.noShow;
    return { sessionId, ...row, attendanceRate: marked === 0 ? null : row.held / marked };
  }

  /** Slots in which both parties are free, not unavailable, in the half both can meet, with a table left. */
  async freeSlots(principal: Principal, meetingId: string): Promise<FreeSlot[]> {
    const manager = this.dataSource.manager;
    const meeting = await this.visibleMeeting(manager, principal, meetingId);
    const session = await manager.findOneByOrFail(SessionEntity, { id: meeting.sessionId });
    const slots = this.schedulableSlots(session);
    const parties = [meeting.organisationAId, meeting.organisationBId];
    const wishes = await this.wishes(manager, session.id, parties);
    const half = commonHalf(wishes.get(parties[0])!.half, wishes.get(parties[1])!.half);
    if (half === null) return [];
    const unavailable = new Set(parties.flatMap((p) => wishes.get(p)!.unavailableSlots));
    const busy = new Set(
      (await manager.find(MeetingSeatEntity, { where: { sessionId: session.id, organisationId: In(parties) } }))
        .filter((s) => s.meetingId !== meeting.id)
        .map((s) => s.slot),
    );
    const used = await manager.query<{ slot: number; n: string }[]>(
      `SELECT slot, count(*) AS n FROM meeting WHERE "sessionId" = $1 AND slot IS NOT NULL AND id <> $2 GROUP BY slot`,
      [session.id, meeting.id],
    );
    const usedBySlot = new Map(used.map((u) => [u.slot, Number(u.n)]));
    return slots
      .filter((s) => (half === 'any' || s.half === half) && !unavailable.has(s.slot) && !busy.has(s.slot))
      .map((s) => ({ ...s, freeTables: session.tableCount - (usedBySlot.get(s.slot) ?? 0) }))
      .filter((s) => s.freeTables > 0);
  }

  // ---- availability ----

  /** One's own availability, or (organisers, with `organisationId`) an approved participant's. */
  async availability(principal: Principal, sessionId: string, organisationId?: string): Promise<Availability> {
    const manager = this.dataSource.manager;
    const { owner } = await this.availabilityOwner(manager, principal, sessionId, organisationId);
    const row = await manager.findOne(MeetingAvailabilityEntity, { where: { sessionId, organisationId: owner } });
    return toAvailability(sessionId, owner, row);
  }

  async setAvailability(principal: Principal, sessionId: string, dto: AvailabilityDto, organisationId?: string): Promise<Availability> {
    return this.uow.run(async ({ manager }) => {
      const { session, owner } = await this.availabilityOwner(manager, principal, sessionId, organisationId);
      const slots = this.schedulableSlots(session, 'unavailableSlots');
      const outside = dto.unavailableSlots.filter((s) => s > slots.length);
      if (outside.length > 0)
        throw new InvalidInput('unavailableSlots', `slot ${outside[0]} is not a slot of this session (it has slots 1 to ${slots.length})`);
      const unavailableSlots = [...dto.unavailableSlots].sort((a, b) => a - b);
      // A slot already holding one of our published meetings cannot become unavailable: release
      // or move it first. (An unpublished plan is the organiser's draft; the next run respects the change.)
      const [held] = await manager.query<{ slot: number }[]>(
        `SELECT s.slot FROM meeting_seat s JOIN meeting m ON m.id = s."meetingId"
          WHERE s."sessionId" = $1 AND s."organisationId" = $2 AND s.slot = ANY($3::int[]) AND m.published
          ORDER BY s.slot LIMIT 1`,
        [sessionId, owner, unavailableSlots],
      );
      if (held) {
        throw new Conflict(
          'slot_has_meeting',
          `There is already a published meeting in slot ${held.slot}; release it or move it before marking the slot unavailable`,
          [{ field: 'unavailableSlots', messages: [`slot ${held.slot} holds a meeting`] }],
        );
      }
      await manager.upsert(
        MeetingAvailabilityEntity,
        { sessionId, organisationId: owner, unavailableSlots, half: dto.half, updatedByUserId: principal.userId, updatedAt: new Date() },
        ['sessionId', 'organisationId'],
      );
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'meeting_availability.updated',
        entityType: 'session',
        entityId: sessionId,
        data: { organisationId: owner, unavailableSlots, half: dto.half },
      });
      const row = await manager.findOneOrFail(MeetingAvailabilityEntity, { where: { sessionId, organisationId: owner } });
      return toAvailability(sessionId, owner, row);
    });
  }

  // ---- self-booking ----

  /** Either party takes a slot in which both are free; the lowest free table is given. The same slot again is the same answer. */
  async book(principal: Principal, meetingId: string, dto: BookingDto): Promise<Meeting> {
    return this.change(async (manager) => {
      const meeting = await this.lockMeeting(manager, principal, meetingId);
      if (!isParty(principal, meeting)) throw new Forbidden('Only the two parties book their meeting; organisers pin meetings');
      const session = await manager.findOneByOrFail(SessionEntity, { id: meeting.sessionId });
      if (session.meetingMode !== 'self_booking')
        throw new Conflict('not_self_booking', 'Meetings of this session are placed by the organiser’s scheduler, not booked', [
          { field: 'meetingMode', messages: ['is scheduled'] },
        ]);
      assertOpen(session, meeting);
      const slots = this.schedulableSlots(session);
      assertSlot(dto.slot, slots);
      if (meeting.slot === dto.slot) return this.view(manager, meeting);
      if (meeting.pinned)
        throw new Conflict('pinned', 'The organiser placed this meeting; ask them to move it', [
          { field: 'slot', messages: [`pinned to slot ${meeting.slot}`] },
        ]);
      await this.assertPartiesFree(manager, session, meeting, dto.slot, slots);
      const table = await this.lowestFreeTable(manager, session, meeting, dto.slot);
      const from = meeting.slot;
      await this.place(manager, meeting, dto.slot, table, { published: true });
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'meeting.booked',
        entityType: 'meeting',
        entityId: meeting.id,
        data: { sessionId: session.id, slot: dto.slot, table, from },
      });
      return this.view(manager, meeting);
    });
  }

  /** A party gives its slot back (organisers may too, which also unpins). */
  async release(principal: Principal, meetingId: string): Promise<Meeting> {
    return this.change(async (manager) => {
      const meeting = await this.lockMeeting(manager, principal, meetingId);
      const session = await manager.findOneByOrFail(SessionEntity, { id: meeting.sessionId });
      if (!isOrganiser(principal)) {
        if (session.meetingMode !== 'self_booking')
          throw new Conflict('not_self_booking', 'Meetings of this session are placed by the organiser’s scheduler; ask the organiser to move it', [
            { field: 'meetingMode', messages: ['is scheduled'] },
          ]);
        if (meeting.pinned)
          throw new Conflict('pinned', 'The organiser placed this meeting; ask them to move it', [
            { field: 'slot', messages: [`pinned to slot ${meeting.slot}`] },
          ]);
      } else {
        await this.assertNoRun(manager, session.id);
      }
      if (meeting.slot === null) return this.view(manager, meeting);
      assertOpen(session, meeting);
      const from = { slot: meeting.slot, table: meeting.tableNo };
      await manager.delete(MeetingSeatEntity, { meetingId: meeting.id });
      Object.assign(meeting, { slot: null, tableNo: null, status: 'unscheduled', published: false, pinned: false, version: meeting.version + 1 });
      await manager.save(meeting);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'meeting.released',
        entityType: 'meeting',
        entityId: meeting.id,
        data: { sessionId: session.id, ...from },
      });
      return this.view(manager, meeting);
    });
  }

  // ---- organisers ----

  /** An organiser puts a meeting in a slot (and table); the scheduler keeps it there. */
  async pin(principal: Principal, meetingId: string, dto: PinDto): Promise<Meeting> {
    return this.change(async (manager) => {
      const meeting = await this.lockMeeting(manager, principal, meetingId);
      const session = await manager.findOneByOrFail(SessionEntity, { id: meeting.sessionId });
      await this.assertNoRun(manager, session.id);
      assertOpen(session, meeting);
      const slots = this.schedulableSlots(session);
      assertSlot(dto.slot, slots);
      const wanted = dto.table ?? null;
      if (wanted !== null && wanted > session.tableCount) throw new InvalidInput('table', `must be a table from 1 to ${session.tableCount}`);
      if (meeting.pinned && meeting.slot === dto.slot && (wanted === null || wanted === meeting.tableNo)) return this.view(manager, meeting);
      await this.assertPartiesFree(manager, session, meeting, dto.slot, slots);
      let table: number;
      if (wanted !== null) {
        const holder = await manager.findOne(MeetingEntity, { where: { sessionId: session.id, slot: dto.slot, tableNo: wanted } });
        if (holder && holder.id !== meeting.id)
          throw new Conflict('table_taken', `Table ${wanted} is taken in slot ${dto.slot} by another meeting (${holder.topic})`, [
            { field: 'table', messages: [`taken by meeting ${holder.id}`] },
          ]);
        table = wanted;
      } else {
        table = meeting.slot === dto.slot && meeting.tableNo !== null ? meeting.tableNo : await this.lowestFreeTable(manager, session, meeting, dto.slot);
      }
      const from = { slot: meeting.slot, table: meeting.tableNo };
      await this.place(manager, meeting, dto.slot, table, { published: session.meetingMode === 'self_booking' || meeting.published, pinned: true });
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'meeting.pinned',
        entityType: 'meeting',
        entityId: meeting.id,
        data: { sessionId: session.id, slot: dto.slot, table, from },
      });
      return this.view(manager, meeting);
    });
  }

  /** The meeting stays where it is, but the next scheduler run may move it (unless published). */
  async unpin(principal: Principal, meetingId: string): Promise<Meeting> {
    return this.change(async (manager) => {
      const meeting = await this.lockMeeting(manager, principal, meetingId);
      await this.assertNoRun(manager, meeting.sessionId);
      if (!meeting.pinned) return this.view(manager, meeting);
      meeting.pinned = false;
      meeting.version += 1;
      await manager.save(meeting);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'meeting.unpinned',
        entityType: 'meeting',
        entityId: meeting.id,
        data: { sessionId: meeting.sessionId, slot: meeting.slot, table: meeting.tableNo },
      });
      return this.view(manager, meeting);
    });
  }

  /** Every scheduled meeting of the session goes on the participants' agendas. */
  async publish(principal: Principal, sessionId: string): Promise<MeetingStats> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const session = await this.visibleSession(manager, principal, sessionId);
      await this.lockSession(manager, sessionId);
      await this.assertNoRun(manager, sessionId);
      await this.assertPlanStillFits(manager, session);
      const result = await manager
        .createQueryBuilder()
        .update(MeetingEntity)
        .set({ published: true, version: () => 'version + 1' })
        .where('"sessionId" = :sessionId AND status = :scheduled AND NOT published', { sessionId, scheduled: 'scheduled' })
        .returning(['id', 'organisationAId', 'organisationBId'])
        .execute();
      const list = result.raw as { id: string; organisationAId: string; organisationBId: string }[];
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'meetings.published',
        entityType: 'session',
        entityId: sessionId,
        data: { count: list.length },
      });
      this.changed(tx, sessionId, list);
      return this.stats(manager, sessionId);
    });
  }

  /**
   * A draft plan computed before a participant changed their availability must not reach the
   * agendas as it is: every unpublished meeting must still be in a slot both parties are available
   * in and in the half-day they asked for.
   */
  private async assertPlanStillFits(manager: EntityManager, session: SessionEntity): Promise<void> {
    const drafts = await manager.find(MeetingEntity, { where: { sessionId: session.id, status: 'scheduled', published: false } });
    if (drafts.length === 0) return;
    const slots = slotsOf(session);
    const wishes = await this.wishes(manager, session.id, [...new Set(drafts.flatMap((m) => [m.organisationAId, m.organisationBId]))]);
    const outdated = drafts.filter((m) => {
      const [a, b] = [wishes.get(m.organisationAId)!, wishes.get(m.organisationBId)!];
      const half = commonHalf(a.half, b.half);
      const slot = m.slot!;
      return a.unavailableSlots.includes(slot) || b.unavailableSlots.includes(slot) || half === null || (half !== 'any' && slots[slot - 1]?.half !== half);
    });
    if (outdated.length > 0) {
      throw new Conflict(
        'plan_outdated',
        `${outdated.length} meeting(s) of the plan are in slots their participants have since marked unavailable, or outside the half-day they now ask for; run the scheduler again (or pin those meetings elsewhere) before publishing`,
        outdated.slice(0, 10).map((m) => ({ field: 'meetings', messages: [`${m.topic}: slot ${m.slot}`] })),
      );
    }
  }

  // ---- shared with the scheduler runs ----

  /** The session's meeting lock, until the transaction ends. Take it before any audit record. */
  async lockSession(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`meetings:${sessionId}`]);
  }

  /** The session's slots, refusing sessions the scheduler cannot hold (more than MAX_SESSION_SLOTS). */
  schedulableSlots(session: SessionEntity, field = 'slot'): MeetingSlot[] {
    const slots = slotsOf(session);
    if (slots.length > MAX_SESSION_SLOTS) {
      throw new InvalidInput(
        field,
        `this session has ${slots.length} slots of ${session.slotMinutes} minutes, more than the ${MAX_SESSION_SLOTS} meetings can be planned in; make the session's slotMinutes longer or the session shorter`,
      );
    }
    if (slots.length === 0)
      throw new InvalidInput(field, `this session has no meeting slot: its ${session.slotMinutes}-minute slots do not fit between its start and end`);
    return slots;
  }

  /** Each organisation's wish in the session (none given: any half, always available). */
  async wishes(manager: EntityManager, sessionId: string, organisationIds: string[]): Promise<Map<string, Wish>> {
    const rows = organisationIds.length > 0 ? await manager.find(MeetingAvailabilityEntity, { where: { sessionId, organisationId: In(organisationIds) } }) : [];
    const map = new Map<string, Wish>(organisationIds.map((id) => [id, NO_WISH]));
    for (const r of rows) map.set(r.organisationId, { unavailableSlots: r.unavailableSlots, half: r.half });
    return map;
  }

  async assertNoRun(manager: EntityManager, sessionId: string): Promise<void> {
    if (await manager.exists(ScheduleRunEntity, { where: { sessionId, status: 'running' } })) {
      throw new Conflict('schedule_running', 'The scheduler is planning this session’s meetings; try again when its run has finished', [
        { field: 'sessionId', messages: ['a scheduler run is in progress'] },
      ]);
    }
  }

  /** Tells the parties (each only of its own meetings) and the organisers (of all) after a commit. */
  private announce(sessionId: string, meetings: MeetingParties[]): void {
    if (meetings.length === 0) return;
    this.publisher.refreshTotals(sessionId); // the board counts meetings
    this.publisher.publishMeetings([], { sessionId, meetingIds: meetings.map((m) => m.id) });
    const byOrg = new Map<string, string[]>();
    for (const m of meetings) {
      for (const org of [m.organisationAId, m.organisationBId]) byOrg.set(org, [...(byOrg.get(org) ?? []), m.id]);
    }
    for (const [org, meetingIds] of byOrg) this.publisher.publishMeetings([org], { sessionId, meetingIds }, { organisers: false });
  }

  /** Shared views of meetings, with names and times, in two queries. */
  async views(manager: EntityManager, meetings: MeetingEntity[]): Promise<Meeting[]> {
    if (meetings.length === 0) return [];
    const sessions = await manager.find(SessionEntity, { where: { id: In([...new Set(meetings.map((m) => m.sessionId))]) } });
    const slots = new Map(sessions.map((s) => [s.id, slotsOf(s)]));
    const names = await partyNames(manager, meetings);
    return meetings.map((m) => toMeeting(m, names, slots.get(m.sessionId) ?? []));
  }

  /** A session the caller may see: organisers see drafts too. */
  visibleSession(manager: EntityManager, principal: Principal, sessionId: string): Promise<SessionEntity> {
    return this.events.visibleSession(manager, principal, sessionId);
  }

  // ---- internals ----

  /**
   * Runs a change to one meeting: its answer to an Idempotency-Key commits with it; a unique
   * violation (a conflict the checks could not see) is a 409; after the commit the parties
   * and organisers hear of it.
   */
  private async change(work: (manager: EntityManager) => Promise<Meeting>): Promise<Meeting> {
    try {
      return await this.uow.run(async (tx) => {
        const meeting = await work(tx.manager);
        this.changed(tx, meeting.sessionId, [
          { id: meeting.id, organisationAId: meeting.parties[0].organisationId, organisationBId: meeting.parties[1].organisationId },
        ]);
        return meeting;
      });
    } catch (error) {
      throw asConflict(error);
    }
  }

  /** Records that these meetings changed in `tx`: their parties and the organisers hear of it once it commits. */
  changed(tx: Tx, sessionId: string, meetings: MeetingParties[]): void {
    if (meetings.length > 0)
      tx.emit({
        type: 'meetings.changed',
        sessionId,
        meetings: meetings.map(({ id, organisationAId, organisationBId }) => ({ id, organisationAId, organisationBId })),
      });
  }

  private async view(manager: EntityManager, meeting: MeetingEntity): Promise<Meeting> {
    return (await this.views(manager, [meeting]))[0];
  }

  private async visibleMeeting(manager: EntityManager, principal: Principal, id: string): Promise<MeetingEntity> {
    const meeting = await manager.findOne(MeetingEntity, { where: { id } });
    if (!meeting || !(isOrganiser(principal) || isParty(principal, meeting))) throw new NotFound('Meeting');
    return meeting;
  }

  /** The session's meeting lock, then the meeting's row. */
  private async lockMeeting(manager: EntityManager, principal: Principal, id: string): Promise<MeetingEntity> {
    const found = await this.visibleMeeting(manager, principal, id);
    await this.lockSession(manager, found.sessionId);
    return manager.findOneOrFail(MeetingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Whose availability a request reads or writes: the caller's own organisation, which must be an
   * approved participant, or (organisers, e.g. at the help desk) the approved participant named.
   */
  private async availabilityOwner(
    manager: EntityManager,
    principal: Principal,
    sessionId: string,
    organisationId?: string,
  ): Promise<{ session: SessionEntity; owner: string }> {
    const session = await this.visibleSession(manager, principal, sessionId);
    if (organisationId !== undefined && !isOrganiser(principal)) throw new Forbidden('Only organisers give another organisation’s availability');
    const owner = organisationId ?? principal.organisationId;
    const approved = await manager.exists(ParticipationEntity, { where: { sessionId, organisationId: owner, status: 'approved' } });
    if (!approved && organisationId !== undefined) throw new NotFound('Participant');
    if (!approved) throw new Forbidden('Only approved participants of this session give their availability');
    return { session, owner };
  }

  /** Neither party is unavailable or already meeting someone in the slot, and the slot is in a half both accept. */
  private async assertPartiesFree(manager: EntityManager, session: SessionEntity, meeting: MeetingEntity, slot: number, slots: MeetingSlot[]): Promise<void> {
    const parties = [meeting.organisationAId, meeting.organisationBId];
    const names = await partyNames(manager, [meeting]);
    const wishes = await this.wishes(manager, session.id, parties);
    for (const org of parties) {
      if (wishes.get(org)!.unavailableSlots.includes(slot))
        throw new Conflict('party_unavailable', `${names.get(org)} is not available in slot ${slot}`, [
          { field: 'slot', messages: [`${names.get(org)} is unavailable`] },
        ]);
    }
    const half = commonHalf(wishes.get(parties[0])!.half, wishes.get(parties[1])!.half);
    if (half === null)
      throw new Conflict('half_conflict', 'One party wants to meet in the morning and the other in the afternoon; one of them must change its wish', [
        { field: 'slot', messages: ['the parties’ half-day wishes differ'] },
      ]);
    const slotHalf = slots[slot - 1].half;
    if (half !== 'any' && slotHalf !== half)
      throw new Conflict('wrong_half', `Slot ${slot} is in the ${slotHalf}; the parties asked to meet in the ${half}`, [
        { field: 'slot', messages: [`must be a ${half} slot`] },
      ]);
    const seats = (await manager.find(MeetingSeatEntity, { where: { sessionId: session.id, slot, organisationId: In(parties) } })).filter(
      (s) => s.meetingId !== meeting.id,
    );
    if (seats.length > 0) {
      const who = names.get(seats[0].organisationId);
      throw new Conflict('slot_taken', `${who} already has a meeting in slot ${slot}`, [{ field: 'slot', messages: [`${who} already has a meeting then`] }]);
    }
  }

  private async lowestFreeTable(manager: EntityManager, session: SessionEntity, meeting: MeetingEntity, slot: number): Promise<number> {
    const taken = new Set(
      (
        await manager.query<{ tableNo: number }[]>(`SELECT "tableNo" FROM meeting WHERE "sessionId" = $1 AND slot = $2 AND id <> $3`, [
          session.id,
          slot,
          meeting.id,
        ])
      ).map((r) => r.tableNo),
    );
    for (let table = 1; table <= session.tableCount; table++) if (!taken.has(table)) return table;
    throw new Conflict('no_table', `Every one of the ${session.tableCount} tables is taken in slot ${slot}`, [{ field: 'slot', messages: ['no table left'] }]);
  }

  /** Moves a meeting to a slot and table, its two seats with it. */
  private async place(
    manager: EntityManager,
    meeting: MeetingEntity,
    slot: number,
    table: number,
    opts: { published: boolean; pinned?: boolean },
  ): Promise<void> {
    await manager.delete(MeetingSeatEntity, { meetingId: meeting.id });
    Object.assign(meeting, {
      slot,
      tableNo: table,
      status: 'scheduled',
      published: opts.published,
      pinned: opts.pinned ?? meeting.pinned,
      unscheduledReason: null,
      version: meeting.version + 1,
    });
    await manager.save(meeting);
    await manager.insert(
      MeetingSeatEntity,
      [meeting.organisationAId, meeting.organisationBId].map((organisationId) => ({
        sessionId: meeting.sessionId,
        organisationId,
        slot,
        meetingId: meeting.id,
      })),
    );
  }
}

function isParty(principal: Principal, meeting: MeetingEntity): boolean {
  return meeting.organisationAId === principal.organisationId || meeting.organisationBId === principal.organisationId;
}

function assertSlot(slot: number, slots: MeetingSlot[]): void {
  if (slot > slots.length) throw new InvalidInput('slot', `must be a slot from 1 to ${slots.length}`);
}

function assertOpen(session: SessionEntity, meeting: MeetingEntity): void {
  if (session.status === 'closed') throw new Conflict('session_closed', 'This session is closed', [{ field: 'sessionId', messages: ['closed'] }]);
  if (meeting.status === 'cancelled') throw new Conflict('meeting_cancelled', 'This meeting was cancelled', [{ field: 'status', messages: ['cancelled'] }]);
  if (meeting.status === 'held' || meeting.status === 'no_show')
    throw new Conflict('meeting_closed', `This meeting is already marked ${meeting.status}`, [{ field: 'status', messages: [meeting.status] }]);
}

/** A unique violation that slipped past the checks: a double booking refused by the database. */
export function asConflict(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driver = error.driverError as { code?: string; constraint?: string };
  if (driver.code !== PG_UNIQUE_VIOLATION) return error;
  if (driver.constraint === 'UQ_meeting_table')
    return new Conflict('no_table', 'That table was just taken in this slot; choose another slot', [{ field: 'slot', messages: ['table taken'] }]);
  return new Conflict('slot_taken', 'One of the parties was just booked in this slot; choose another slot', [{ field: 'slot', messages: ['already booked'] }]);
}

function toAvailability(sessionId: string, organisationId: string, row: MeetingAvailabilityEntity | null): Availability {
  return {
    sessionId,
    organisationId,
    unavailableSlots: row?.unavailableSlots ?? [],
    half: row?.half ?? 'any',
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}
