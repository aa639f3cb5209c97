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
import { NotificationsService } from '../notifications/notifications.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';
import type { ObligationListQueryDto, ObligationReviewDto } from './dto/obligation.dto';
import { ObligationEntity } from './obligation.entity';

/** Obligations inserted per statement when owing many (each column is one array parameter, so this bounds only the statement's size). */
const OWE_CHUNK = 5000;

/** What a capability owes an organisation for: its kind, who owes it, about what, by when. */
export type OweInput = {
  kind: ObligationKind;
  eventId: string;
  sessionId: string | null;
  organisationId: string;
  subject: { type: string; id: string; title: string; step: string; seq: number };
  due: Due;
  /** Who caused it (the user whose signature completed the agreement). */
  actorUserId: string | null;
};

/** A due day in the event's zone, the instant it ends, and whether the calendar knew its year. */
export type Due = { dueOn: string; dueAt: Date; provisional: boolean };

/** The subject of a set of obligations: an agreement's id, say. */
export type SubjectRef = { type: string; id: string };

type ViewRaw = { organisationName: string; timeZone: string; reviewedBy: string | null };

/** A subject whose summary (obligation_subject) a write changed: kind, type and id name it; the event is its own. */
type Touched = Pick<ObligationEntity, 'kind' | 'subjectType' | 'subjectId' | 'eventId'>;

/** Runs in the transaction that files an obligation, after it is saved as submitted (the ladder resolves its notices). */
export type ObligationSubmittedHook = (tx: Tx, obligation: ObligationEntity) => Promise<void>;

/**
 * The one mechanism for what organisations owe by a due date. Capabilities above it create what
 * is owed (`owe`), in their own unit of work, and file it (`submit`); organisers review it here.
 * Every change is audited and emits `obligation.changed`; every write checks the version read.
 * Every write also brings the summary of the subjects it touched (`obligation_subject`: the soonest
 * outstanding obligation and the counts) up to date, in the same transaction (`summarise`).
 */
@Injectable()
export class ObligationsService {
  private readonly submittedHooks: ObligationSubmittedHook[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  /** Registers a hook run inside every filing's transaction (not on a replayed filing). */
  onSubmitted(hook: ObligationSubmittedHook): void {
    this.submittedHooks.push(hook);
  }

  /** Owes it once: the same kind, subject, step and number again answers the row already owed. */
  async owe(tx: Tx, input: OweInput): Promise<{ obligation: ObligationEntity; created: boolean }> {
    const [owed] = await this.oweMany(tx, [input]);
    return owed;
  }

  /**
   * Owes many at once (a survey sent to thousands of organisations): per chunk of `OWE_CHUNK`, one
   * INSERT … SELECT FROM unnest that skips what is already owed and one read of the rows; then one
   * audit insert for those created and one `obligation.changed` each. Answers in the order of the
   * inputs: what was owed already, or is named twice, is answered as the row it is (`created: false`).
   */
  async oweMany(tx: Tx, inputs: readonly OweInput[]): Promise<{ obligation: ObligationEntity; created: boolean }[]> {
    const { manager } = tx;
    const byKey = new Map<string, ObligationEntity>();
    const createdIds = new Set<string>();
    for (let start = 0; start < inputs.length; start += OWE_CHUNK) {
      const chunk = inputs.slice(start, start + OWE_CHUNK);
      const keys = {
        kinds: chunk.map((i) => i.kind),
        types: chunk.map((i) => i.subject.type),
        ids: chunk.map((i) => i.subject.id),
        steps: chunk.map((i) => i.subject.step),
        seqs: chunk.map((i) => i.subject.seq),
      };
      // In input order, so that of two inputs naming the same row the first is the one stored.
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO obligation (kind, "subjectType", "subjectId", step, seq, "eventId", "sessionId", "organisationId", "subjectTitle", "dueOn", "dueAt", "dueProvisional", state, version)
         SELECT r.kind, r."subjectType", r."subjectId", r.step, r.seq, r."eventId", r."sessionId", r."organisationId", r."subjectTitle", r."dueOn", r."dueAt", r."dueProvisional", 'open', 1
           FROM unnest($1::varchar[], $2::varchar[], $3::uuid[], $4::varchar[], $5::int[], $6::uuid[], $7::uuid[], $8::uuid[], $9::varchar[], $10::date[], $11::timestamptz[], $12::boolean[])
                WITH ORDINALITY AS r(kind, "subjectType", "subjectId", step, seq, "eventId", "sessionId", "organisationId", "subjectTitle", "dueOn", "dueAt", "dueProvisional", ord)
          ORDER BY r.ord
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          keys.kinds,
          keys.types,
          keys.ids,
          keys.steps,
          keys.seqs,
          chunk.map((i) => i.eventId),
          chunk.map((i) => i.sessionId),
          chunk.map((i) => i.organisationId),
          chunk.map((i) => i.subject.title.slice(0, 200)),
          chunk.map((i) => i.due.dueOn),
          chunk.map((i) => i.due.dueAt),
          chunk.map((i) => i.due.provisional),
        ],
      );
      for (const row of inserted) createdIds.add(row.id);
      // Read after the insert (not in it): a row another transaction committed meanwhile is seen too.
      const rows = await manager
        .getRepository(ObligationEntity)
        .createQueryBuilder('o')
        .where(
          `(o.kind, o.subjectType, o.subjectId, o.step, o.seq) IN (SELECT * FROM unnest(CAST(:kinds AS varchar[]), CAST(:types AS varchar[]), CAST(:ids AS uuid[]), CAST(:steps AS varchar[]), CAST(:seqs AS int[])))`,
          keys,
        )
        .getMany();
      for (const o of rows) byKey.set(oweKey(o.kind, o.subjectType, o.subjectId, o.step, o.seq), o);
    }
    const answered = new Set<string>();
    const owed = inputs.map((input) => {
      const obligation = byKey.get(oweKey(input.kind, input.subject.type, input.subject.id, input.subject.step, input.subject.seq));
      if (!obligation) throw new Error(`Obligation ${input.kind} ${input.subject.type}/${input.subject.id} was neither created nor found`);
      const created = createdIds.has(obligation.id) && !answered.has(obligation.id);
      answered.add(obligation.id);
      return { obligation, created, actorUserId: input.actorUserId };
    });
    const fresh = owed.filter((o) => o.created);
    await this.summarise(
      manager,
      fresh.map((o) => o.obligation),
    );
    await this.audit.recordMany(
      manager,
      fresh.map(({ obligation: o, actorUserId }) => ({
        actorUserId,
        action: 'obligation.owed',
        entityType: 'obligation',
        entityId: o.id,
        data: {
          kind: o.kind,
          subjectType: o.subjectType,
          subjectId: o.subjectId,
          step: o.step,
          seq: o.seq,
          organisationId: o.organisationId,
          dueOn: o.dueOn,
          ...(o.dueProvisional ? { provisional: true } : {}),
        },
      })),
    );
    for (const { obligation } of fresh) this.emit(tx, obligation);
    return owed.map(({ obligation, created }) => ({ obligation, created }));
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
    await this.summarise(tx.manager, [obligation]);
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
    for (const hook of this.submittedHooks) await hook(tx, obligation);
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
      await this.summarise(tx.manager, [obligation]);
      await this.audit.record(tx.manager, {
        actorUserId: principal.userId,
        action: `obligation.${target}`,
        entityType: 'obligation',
        entityId: id,
        data: { organisationId: obligation.organisationId, ...(dto.accept ? {} : { reason }) },
      });
      await this.notifications.notify(tx, {
        kind: `obligation.${target}`,
        eventId: obligation.eventId,
        to: { organisationIds: [obligation.organisationId] },
        params: { title: obligation.subjectTitle, dueOn: obligation.dueOn, ...(dto.accept ? {} : { reason }) },
        link: '/my/todo',
      });
      this.emit(tx, obligation);
      return this.view(tx.manager, obligation);
    });
  }

  /** Its subject ended (an agreement performed or terminated): what is still outstanding is no longer owed. */
  async waive(tx: Tx, subject: SubjectRef, reason: string, actorUserId: string | null): Promise<number> {
    const outstanding = await tx.manager.find(ObligationEntity, {
      where: { subjectType: subject.type, subjectId: subject.id, state: In([...OUTSTANDING_OBLIGATION_STATES]) },
      lock: { mode: 'pessimistic_write' },
    });
    return this.moveAll(tx, outstanding, 'obligation.waived', actorUserId, (o) => ({ state: 'waived', data: { from: o.state, reason } }));
  }

  /**
   * Waives those of these obligations still outstanding (a survey closed: thousands of responses,
   * each its own subject) in one UPDATE that locks them, then one audit insert and one
   * `obligation.changed` each, as `waive` records them. Filed, reviewed or waived ones are left.
   */
  async waiveMany(tx: Tx, ids: readonly string[], reason: string, actorUserId: string | null): Promise<number> {
    if (ids.length === 0) return 0;
    const [rows]: [
      {
        id: string;
        kind: ObligationKind;
        subjectType: string;
        subjectId: string;
        eventId: string;
        organisationId: string;
        dueAt: Date;
        from: ObligationState;
      }[],
      number,
    ] = await tx.manager.query(
      `UPDATE obligation o SET state = 'waived', version = o.version + 1, "updatedAt" = now()
           FROM (SELECT id, state FROM obligation WHERE id = ANY($1::uuid[]) AND state = ANY($2::varchar[]) ORDER BY id FOR UPDATE) prev
          WHERE o.id = prev.id
        RETURNING o.id, o.kind, o."subjectType", o."subjectId", o."eventId", o."organisationId", o."dueAt", prev.state AS "from"`,
      [ids, OUTSTANDING_OBLIGATION_STATES],
    );
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await this.summarise(tx.manager, rows);
    await this.audit.recordMany(
      tx.manager,
      rows.map((o) => ({ actorUserId, action: 'obligation.waived', entityType: 'obligation', entityId: o.id, data: { from: o.from, reason } })),
    );
    for (const o of rows) {
      tx.emit({
        type: 'obligation.changed',
        obligation: { id: o.id, kind: o.kind, eventId: o.eventId, organisationId: o.organisationId, state: 'waived', dueAt: new Date(o.dueAt).toISOString() },
      });
    }
    return rows.length;
  }

  /** Its subject is open again (an organiser reopened the ledger): what was waived is owed again. */
  async restore(tx: Tx, subject: SubjectRef, actorUserId: string | null): Promise<number> {
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
    actorUserId: string | null,
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
    await this.summarise(tx.manager, rows);
    await this.audit.recordMany(tx.manager, records);
    for (const o of rows) this.emit(tx, o);
    return rows.length;
  }

  /** Moves the due day of an outstanding obligation (a provisional one, once its year's calendar is known). */
  async reschedule(tx: Tx, obligation: ObligationEntity, due: Due, actorUserId: string | null): Promise<void> {
    const from = obligation.dueOn;
    obligation.dueOn = due.dueOn;
    obligation.dueAt = due.dueAt;
    obligation.dueProvisional = due.provisional;
    obligation.version += 1;
    await tx.manager.save(obligation);
    await this.summarise(tx.manager, [obligation]);
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

  /**
   * Brings the summaries of the subjects these obligations are about up to date with the
   * obligations as this transaction leaves them. First it takes each subject's row (creating the
   * ones not there yet) in key order, which waits for another transaction summarising the same
   * subject to commit; then, in a statement of its own (so its snapshot sees what that one
   * committed), one INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE recomputes them all. Two
   * parties filing two reports of one agreement at once thus leave a summary that counts both.
   */
  private async summarise(manager: EntityManager, touched: readonly Touched[]): Promise<void> {
    const byKey = new Map<string, Touched>();
    for (const o of touched) byKey.set([o.kind, o.subjectType, o.subjectId.toLowerCase()].join('\u0000'), o);
    if (byKey.size === 0) return;
    const subjects = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, o]) => o);
    const kinds = subjects.map((o) => o.kind);
    const types = subjects.map((o) => o.subjectType);
    const ids = subjects.map((o) => o.subjectId);
    // Locks every row (WHERE false updates none): see ON CONFLICT DO UPDATE in the PostgreSQL manual.
    await manager.query(
      `INSERT INTO obligation_subject (kind, "subjectType", "subjectId", "eventId")
       SELECT r.kind, r."subjectType", r."subjectId", r."eventId"
         FROM unnest($1::varchar[], $2::varchar[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS r(kind, "subjectType", "subjectId", "eventId", ord)
        ORDER BY r.ord
       ON CONFLICT (kind, "subjectType", "subjectId") DO UPDATE SET "eventId" = EXCLUDED."eventId" WHERE false`,
      [kinds, types, ids, subjects.map((o) => o.eventId)],
    );
    await manager.query(
      `INSERT INTO obligation_subject (kind, "subjectType", "subjectId", "eventId", "nextObligationId", "nextDueAt", "nextDueOn", "nextOrganisationId", filed, accepted, submitted, outstanding)
       SELECT g.kind, g."subjectType", g."subjectId", g."eventId", nx.id, nx."dueAt", nx."dueOn", nx."organisationId", g.filed, g.accepted, g.submitted, g.outstanding
         FROM (SELECT o.kind, o."subjectType", o."subjectId", (array_agg(o."eventId"))[1] AS "eventId",
                      count(*) FILTER (WHERE o."firstSubmittedAt" IS NOT NULL)::int AS filed,
                      count(*) FILTER (WHERE o.state = 'accepted')::int AS accepted,
                      count(*) FILTER (WHERE o.state = 'submitted')::int AS submitted,
                      count(*) FILTER (WHERE o.state = ANY($4::varchar[]))::int AS outstanding
                 FROM unnest($1::varchar[], $2::varchar[], $3::uuid[]) AS t(kind, "subjectType", "subjectId")
                 JOIN obligation o ON o.kind = t.kind AND o."subjectType" = t."subjectType" AND o."subjectId" = t."subjectId"
                GROUP BY o.kind, o."subjectType", o."subjectId") g
         LEFT JOIN LATERAL (
           SELECT o.id, o."dueAt", o."dueOn", o."organisationId" FROM obligation o
            WHERE o.kind = g.kind AND o."subjectType" = g."subjectType" AND o."subjectId" = g."subjectId" AND o.state = ANY($4::varchar[])
            ORDER BY o."dueAt", o.id LIMIT 1
         ) nx ON true
       ON CONFLICT (kind, "subjectType", "subjectId") DO UPDATE SET
         "eventId" = EXCLUDED."eventId", "nextObligationId" = EXCLUDED."nextObligationId", "nextDueAt" = EXCLUDED."nextDueAt",
         "nextDueOn" = EXCLUDED."nextDueOn", "nextOrganisationId" = EXCLUDED."nextOrganisationId", filed = EXCLUDED.filed,
         accepted = EXCLUDED.accepted, submitted = EXCLUDED.submitted, outstanding = EXCLUDED.outstanding`,
      [kinds, types, ids, [...OUTSTANDING_OBLIGATION_STATES]],
    );
  }

  private emit(tx: Tx, o: ObligationEntity): void {
    tx.emit({
      type: 'obligation.changed',
      obligation: { id: o.id, kind: o.kind, eventId: o.eventId, organisationId: o.organisationId, state: o.state, dueAt: o.dueAt.toISOString() },
    });
  }
}

/** What names one obligation: kind, subject, step and number (uuids compared in lower case, as PostgreSQL prints them). */
function oweKey(kind: string, subjectType: string, subjectId: string, step: string, seq: number): string {
  return [kind, subjectType, subjectId.toLowerCase(), step, seq].join('\u0000');
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
