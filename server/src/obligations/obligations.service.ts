import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  dueSoonUntil,
  obligationTiming,
  OBLIGATION_STATES,
  OUTSTANDING_OBLIGATION_STATES,
  type Obligation,
  type ObligationKind,
  type ObligationState,
  type Page,
} from '@duijie/shared';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { isOrganiser, type Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { assertVersion, Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { pageOf, skipTake } from '../common/pagination';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';
import type { ObligationListQueryDto, ObligationReviewDto } from './dto/obligation.dto';
import { ObligationEntity } from './obligation.entity';

/** What a capability owes an organisation for: its kind, who owes it, about what, by when. */
export type OweInput = {
  kind: ObligationKind;
  eventId: string;
  sessionId: string | null;
  organisationId: string;
  subject: { type: string; id: string; title: string; step: string; seq: number };
  due: Due;
  /** Who caused it (the user whose signature completed the agreement). */
  actorUserId: string;
};

/** A due day in the event's zone, the instant it ends, and whether the calendar knew its year. */
export type Due = { dueOn: string; dueAt: Date; provisional: boolean };

/** The subject of a set of obligations: an agreement's id, say. */
export type SubjectRef = { type: string; id: string };

type ViewRaw = { organisationName: string; timeZone: string; reviewedBy: string | null };

/**
 * The one mechanism for what organisations owe by a due date. Capabilities above it create what
 * is owed (`owe`), in their own unit of work, and file it (`submit`); organisers review it here.
 * Every change is audited and emits `obligation.changed`; every write checks the version read.
 */
@Injectable()
export class ObligationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Owes it once: the same kind, subject, step and number again answers the row already owed. */
  async owe(tx: Tx, input: OweInput): Promise<{ obligation: ObligationEntity; created: boolean }> {
    const { manager } = tx;
    const key = { kind: input.kind, subjectType: input.subject.type, subjectId: input.subject.id, step: input.subject.step, seq: input.subject.seq };
    const existing = await manager.findOne(ObligationEntity, { where: key });
    if (existing) return { obligation: existing, created: false };
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ObligationEntity)
      .values({
        ...key,
        eventId: input.eventId,
        sessionId: input.sessionId,
        organisationId: input.organisationId,
        subjectTitle: input.subject.title.slice(0, 200),
        dueOn: input.due.dueOn,
        dueAt: input.due.dueAt,
        dueProvisional: input.due.provisional,
        state: 'open',
        version: 1,
      })
      .orIgnore()
      .returning('id')
      .execute();
    const obligation = await manager.findOneOrFail(ObligationEntity, { where: key });
    if ((result.raw as unknown[]).length === 0) return { obligation, created: false };
    await this.audit.record(manager, {
      actorUserId: input.actorUserId,
      action: 'obligation.owed',
      entityType: 'obligation',
      entityId: obligation.id,
      data: { ...key, organisationId: obligation.organisationId, dueOn: obligation.dueOn, ...(obligation.dueProvisional ? { provisional: true } : {}) },
    });
    this.emit(tx, obligation);
    return { obligation, created: true };
  }

  /** The obligation, locked for the change about to be made to it. */
  async lock(manager: EntityManager, id: string): Promise<ObligationEntity> {
    const obligation = await manager.findOne(ObligationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!obligation) throw new NotFound('Obligation');
    return obligation;
  }

  /** Only a user of the organisation that owes it files it; organisers do not file for a party. */
  assertOwner(principal: Principal, obligation: ObligationEntity): void {
    if (principal.organisationId !== obligation.organisationId) {
      throw new Forbidden(
        isOrganiser(principal) ? 'Organisers review reports; the organisation that owes it files it' : 'Only the organisation that owes this report files it',
      );
    }
  }

  /**
   * Files it (open or returned → submitted), on the version the party read. A retry of the same
   * filing by the same user (it is submitted at the next version) is a no-op: `replay`, and the
   * caller records nothing again. Anything else on a stale version is a 409 stale_version.
   */
  async submit(tx: Tx, obligation: ObligationEntity, principal: Principal, version: number): Promise<{ obligation: ObligationEntity; replay: boolean }> {
    this.assertOwner(principal, obligation);
    if (obligation.state === 'submitted' && obligation.version === version + 1 && obligation.submittedByUserId === principal.userId) {
      return { obligation, replay: true };
    }
    assertVersion(obligation.version, version, 'The report');
    if (!OUTSTANDING_OBLIGATION_STATES.includes(obligation.state)) {
      throw new Conflict('not_owed', `This report is ${obligation.state}; only an open or returned report is filed`);
    }
    const now = this.clock.now();
    const resubmitted = obligation.state === 'returned';
    obligation.state = 'submitted';
    obligation.firstSubmittedAt ??= now;
    obligation.submittedAt = now;
    obligation.submittedByUserId = principal.userId;
    obligation.version += 1;
    await tx.manager.save(obligation);
    await this.audit.record(tx.manager, {
      actorUserId: principal.userId,
      action: 'obligation.submitted',
      entityType: 'obligation',
      entityId: obligation.id,
      data: {
        organisationId: obligation.organisationId,
        dueOn: obligation.dueOn,
        late: now.getTime() >= obligation.dueAt.getTime(),
        ...(resubmitted ? { resubmitted } : {}),
      },
    });
    this.emit(tx, obligation);
    return { obligation, replay: false };
  }

  /**
   * Organisers accept a filed obligation, or return it with a reason (required). A retry of the
   * same review by the same organiser is a no-op; anything else on a stale version is a 409.
   */
  async review(principal: Principal, id: string, dto: ObligationReviewDto): Promise<Obligation> {
    return this.uow.run(async (tx) => {
      const obligation = await this.lock(tx.manager, id);
      const target: ObligationState = dto.accept ? 'accepted' : 'returned';
      if (obligation.state === target && obligation.version === dto.version + 1 && obligation.reviewedByUserId === principal.userId) {
        return this.view(tx.manager, obligation);
      }
      assertVersion(obligation.version, dto.version, 'The report');
      if (obligation.state !== 'submitted') throw new Conflict('not_submitted', `This report is ${obligation.state}; only a filed report is reviewed`);
      const reason = dto.reason?.trim() ?? '';
      if (!dto.accept && !reason) throw new InvalidInput('reason', 'is required to return a report');
      obligation.state = target;
      obligation.reviewedAt = this.clock.now();
      obligation.reviewedByUserId = principal.userId;
      obligation.returnReason = dto.accept ? null : reason;
      obligation.version += 1;
      await tx.manager.save(obligation);
      await this.audit.record(tx.manager, {
        actorUserId: principal.userId,
        action: `obligation.${target}`,
        entityType: 'obligation',
        entityId: id,
        data: { organisationId: obligation.organisationId, ...(dto.accept ? {} : { reason }) },
      });
      this.emit(tx, obligation);
      return this.view(tx.manager, obligation);
    });
  }

  /** Its subject ended (an agreement performed or terminated): what is still outstanding is no longer owed. */
  async waive(tx: Tx, subject: SubjectRef, reason: string, actorUserId: string): Promise<number> {
    const outstanding = await tx.manager.find(ObligationEntity, {
      where: { subjectType: subject.type, subjectId: subject.id, state: In([...OUTSTANDING_OBLIGATION_STATES]) },
      lock: { mode: 'pessimistic_write' },
    });
    return this.moveAll(tx, outstanding, 'obligation.waived', actorUserId, (o) => ({ state: 'waived', data: { from: o.state, reason } }));
  }

  /** Its subject is open again (an organiser reopened the ledger): what was waived is owed again. */
  async restore(tx: Tx, subject: SubjectRef, actorUserId: string): Promise<number> {
    const waived = await tx.manager.find(ObligationEntity, {
      where: { subjectType: subject.type, subjectId: subject.id, state: 'waived' },
      lock: { mode: 'pessimistic_write' },
    });
    // A report returned before it was waived is owed again as returned (its reason still stands).
    return this.moveAll(tx, waived, 'obligation.restored', actorUserId, (o) => {
      const state = o.returnReason !== null && o.firstSubmittedAt !== null ? 'returned' : 'open';
      return { state, data: { state } };
    });
  }

  /** Moves many obligations on in one save and one audit insert: closing an agreement may touch many reports. */
  private async moveAll(
    tx: Tx,
    rows: ObligationEntity[],
    action: string,
    actorUserId: string,
    next: (o: ObligationEntity) => { state: ObligationEntity['state']; data: Record<string, unknown> },
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const records = rows.map((o) => {
      const { state, data } = next(o);
      o.state = state;
      o.version += 1;
      return { actorUserId, action, entityType: 'obligation', entityId: o.id, data };
    });
    await tx.manager.save(rows);
    await this.audit.recordMany(tx.manager, records);
    for (const o of rows) this.emit(tx, o);
    return rows.length;
  }

  /** Moves the due day of an outstanding obligation (a provisional one, once its year's calendar is known). */
  async reschedule(tx: Tx, obligation: ObligationEntity, due: Due, actorUserId: string): Promise<void> {
    const from = obligation.dueOn;
    obligation.dueOn = due.dueOn;
    obligation.dueAt = due.dueAt;
    obligation.dueProvisional = due.provisional;
    obligation.version += 1;
    await tx.manager.save(obligation);
    await this.audit.record(tx.manager, {
      actorUserId,
      action: 'obligation.rescheduled',
      entityType: 'obligation',
      entityId: obligation.id,
      data: { from, to: due.dueOn, provisional: due.provisional },
    });
    this.emit(tx, obligation);
  }

  /** Everything owed about a subject, by step and number. */
  forSubject(manager: EntityManager, subject: SubjectRef): Promise<ObligationEntity[]> {
    return manager.find(ObligationEntity, { where: { subjectType: subject.type, subjectId: subject.id }, order: { step: 'ASC', seq: 'ASC' } });
  }

  /** One obligation as the API shows it, or 404. */
  async get(manager: EntityManager, id: string): Promise<ObligationEntity> {
    const obligation = await manager.findOne(ObligationEntity, { where: { id } });
    if (!obligation) throw new NotFound('Obligation');
    return obligation;
  }

  /** The caller's organisation's 待办: open and returned obligations, soonest due first. */
  async mine(principal: Principal): Promise<Obligation[]> {
    const rows = await this.viewQuery(this.dataSource.manager)
      .where('o.organisationId = :org', { org: principal.organisationId })
      .andWhere('o.state IN (:...states)', { states: OUTSTANDING_OBLIGATION_STATES })
      .orderBy('o.dueAt', 'ASC')
      .addOrderBy('o.subjectTitle', 'ASC')
      .addOrderBy('o.seq', 'ASC')
      .getRawAndEntities<ViewRaw>();
    const now = this.clock.now();
    return rows.entities.map((o, i) => toObligation(o, rows.raw[i], now));
  }

  /** An event's obligations for organisers, filtered and paged, soonest due first. */
  async forEvent(eventId: string, query: ObligationListQueryDto): Promise<Page<Obligation>> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    const now = this.clock.now();
    const filtered = this.viewQuery(this.dataSource.manager).where('o.eventId = :eventId', { eventId });
    if (query.sessionId) filtered.andWhere('o.sessionId = :sessionId', { sessionId: query.sessionId });
    if (query.organisationId) filtered.andWhere('o.organisationId = :organisationId', { organisationId: query.organisationId });
    const state = query.state;
    if (state !== undefined && (OBLIGATION_STATES as readonly string[]).includes(state)) {
      filtered.andWhere('o.state = :state', { state });
    } else if (state !== undefined) {
      // outstanding, and read from the clock: overdue, or due soon in working days of the event's zone.
      filtered.andWhere('o.state IN (:...outstanding)', { outstanding: OUTSTANDING_OBLIGATION_STATES });
      if (state === 'overdue') filtered.andWhere('o.dueAt <= :now', { now });
      if (state === 'due_soon') filtered.andWhere('o.dueAt > :now', { now }).andWhere('o.dueOn <= :soon', { soon: dueSoonUntil(now, event.timeZone) });
    }
    const total = await filtered.clone().getCount();
    const { skip, take } = skipTake(query);
    const rows = await filtered.orderBy('o.dueAt', 'ASC').addOrderBy('o.id', 'ASC').offset(skip).limit(take).getRawAndEntities<ViewRaw>();
    return pageOf(
      rows.entities.map((o, i) => toObligation(o, rows.raw[i], now)),
      total,
      query,
    );
  }

  async view(manager: EntityManager, obligation: ObligationEntity): Promise<Obligation> {
    return (await this.views(manager, [obligation.id]))[0];
  }

  /** Obligations by id as the API shows them, in the order of the ids. */
  async views(manager: EntityManager, ids: string[]): Promise<Obligation[]> {
    if (ids.length === 0) return [];
    const rows = await this.viewQuery(manager).where('o.id IN (:...ids)', { ids }).getRawAndEntities<ViewRaw>();
    const now = this.clock.now();
    const byId = new Map(rows.entities.map((o, i) => [o.id, toObligation(o, rows.raw[i], now)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private viewQuery(manager: EntityManager): SelectQueryBuilder<ObligationEntity> {
    return manager
      .getRepository(ObligationEntity)
      .createQueryBuilder('o')
      .innerJoin(OrganisationEntity, 'org', 'org.id = o.organisationId')
      .innerJoin(EventEntity, 'ev', 'ev.id = o.eventId')
      .leftJoin(UserEntity, 'rv', 'rv.id = o.reviewedByUserId')
      .addSelect('org.name', 'organisationName')
      .addSelect('ev.timeZone', 'timeZone')
      .addSelect('rv.displayName', 'reviewedBy');
  }

  private emit(tx: Tx, o: ObligationEntity): void {
    tx.emit({
      type: 'obligation.changed',
      obligation: { id: o.id, kind: o.kind, eventId: o.eventId, organisationId: o.organisationId, state: o.state, dueAt: o.dueAt.toISOString() },
    });
  }
}

function toObligation(o: ObligationEntity, raw: ViewRaw, now: Date): Obligation {
  return {
    id: o.id,
    kind: o.kind,
    eventId: o.eventId,
    sessionId: o.sessionId,
    organisationId: o.organisationId,
    organisationName: raw.organisationName,
    subject: { type: o.subjectType, id: o.subjectId, title: o.subjectTitle, step: o.step, seq: o.seq },
    dueOn: o.dueOn,
    dueAt: o.dueAt.toISOString(),
    dueProvisional: o.dueProvisional,
    timeZone: raw.timeZone,
    state: o.state,
    timing: obligationTiming(o, now, raw.timeZone),
    firstSubmittedAt: o.firstSubmittedAt?.toISOString() ?? null,
    submittedAt: o.submittedAt?.toISOString() ?? null,
    reviewedBy: raw.reviewedBy,
    reviewedAt: o.reviewedAt?.toISOString() ?? null,
    returnReason: o.returnReason,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
  };
}
