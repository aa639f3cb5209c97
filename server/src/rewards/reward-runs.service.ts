import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  computeProgram,
  type InstitutionClass,
  type InstitutionFigures,
  type Page,
  type ProgramOutcome,
  type RewardAward,
  type RewardRun,
  type RewardRunChange,
  type RuleOutcome,
  type SchemeOutcome,
} from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { escapeLike } from '../common/changes';
import { Clock } from '../common/clock';
import { assertVersion, Conflict, DomainError, InvalidInput, NotFound } from '../common/errors';
import { pageOf, skipTake } from '../common/pagination';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { EventEntity } from '../events/event.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { RewardPeriodEntity } from '../statistics/statistics.entity';
import { confirmedFigures } from '../statistics/statistics.repository';
import type { RewardAwardListQueryDto, RewardPaymentDto } from './dto/rewards.dto';
import { organisedEvent } from './rewards-access';
import { RewardAwardEntity, RewardProgramEntity, RewardRunEntity } from './rewards.entities';

/** Award rows inserted per statement (their outcomes as one JSON parameter, a few MB at most). */
const AWARD_CHUNK = 1000;

/** One institution's row of a run, as computed. */
export type AwardRow = { organisationId: string; name: string; class: InstitutionClass; amount: number; outcomes: RuleOutcome[]; scores: SchemeOutcome[] };

/**
 * Every institution of the run with its outcomes per rule and scheme, and its amount (the sum of
 * its rules' amounts); those that earn nothing too, with the lines that say why.
 */
export function awardRows(institutions: InstitutionFigures[], outcome: ProgramOutcome): AwardRow[] {
  const rows = new Map<string, AwardRow>(
    institutions.map((i) => [i.organisationId, { organisationId: i.organisationId, name: i.name, class: i.class, amount: 0, outcomes: [], scores: [] }]),
  );
  for (const o of outcome.awards) {
    const row = rows.get(o.organisationId);
    if (!row) continue;
    row.outcomes.push(o);
    row.amount += o.amount;
  }
  for (const s of outcome.scores) rows.get(s.organisationId)?.scores.push(s);
  return [...rows.values()];
}

/**
 * Per institution, the amount of the previous run and of this one where they differ; an
 * institution only in one of them (a newcomer, one left out now) always shows.
 */
export function runChanges(before: { organisationId: string; name: string; amount: number }[], after: AwardRow[]): RewardRunChange[] {
  const previous = new Map(before.map((b) => [b.organisationId, b]));
  const changes: RewardRunChange[] = [];
  for (const a of after) {
    const b = previous.get(a.organisationId);
    previous.delete(a.organisationId);
    if (!b || b.amount !== a.amount) changes.push({ organisationId: a.organisationId, name: a.name, before: b?.amount ?? 0, after: a.amount });
  }
  for (const b of previous.values()) changes.push({ organisationId: b.organisationId, name: b.name, before: b.amount, after: 0 });
  return changes.sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || x.name.localeCompare(y.name, 'zh-CN'));
}

type AwardRaw = {
  runId: string;
  organisationId: string;
  organisationName: string;
  periodName: string;
  programName: string;
  class: InstitutionClass;
  amount: string;
  outcomes: RuleOutcome[];
  scores: SchemeOutcome[];
  paidAt: Date | null;
  paidBy: string | null;
  paymentReference: string | null;
};

const AWARD_SELECT = `SELECT a."runId", a."organisationId", o.name AS "organisationName", pe.name AS "periodName", pg.name AS "programName",
            a.class, a.amount::text AS amount, a.outcomes, a.scores, a."paidAt", pu."displayName" AS "paidBy", a."paymentReference"
       FROM reward_award a
       JOIN organisation o ON o.id = a."organisationId"
       JOIN reward_run r ON r.id = a."runId"
       JOIN reward_period pe ON pe.id = r."periodId"
       JOIN reward_program pg ON pg.id = r."programId"
       LEFT JOIN app_user pu ON pu.id = a."paidByUserId"`;

function toAward(r: AwardRaw): RewardAward {
  return {
    runId: r.runId,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    periodName: r.periodName,
    programName: r.programName,
    class: r.class,
    amount: Number(r.amount),
    outcomes: r.outcomes,
    scores: r.scores,
    paidAt: r.paidAt ? new Date(r.paidAt).toISOString() : null,
    paidBy: r.paidBy,
    paymentReference: r.paymentReference,
  };
}

/**
 * Calculation runs (计算) of a published program over a period's confirmed figures: every
 * institution's awards with their reasons in one unit of work, the change from the previous run,
 * approval within a step-up grant, and the finance department's confirmation of each payment.
 */
@Injectable()
export class RewardRunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  /** The period, in an event the caller organises. */
  async period(manager: EntityManager, principal: Principal, periodId: string): Promise<{ period: RewardPeriodEntity; event: EventEntity }> {
    const period = await manager.findOne(RewardPeriodEntity, { where: { id: periodId } });
    if (!period) throw new NotFound('Reward period');
    const event = await organisedEvent(manager, principal, period.eventId, 'Reward period');
    return { period, event };
  }

  /** The run, in an event the caller organises. */
  async readable(manager: EntityManager, principal: Principal, id: string): Promise<{ run: RewardRunEntity; event: EventEntity }> {
    const run = await manager.findOne(RewardRunEntity, { where: { id } });
    if (!run) throw new NotFound('Reward run');
    const event = await organisedEvent(manager, principal, run.eventId, 'Reward run');
    return { run, event };
  }

  async runs(principal: Principal, periodId: string): Promise<RewardRun[]> {
    const manager = this.dataSource.manager;
    await this.period(manager, principal, periodId);
    const runs = await manager.find(RewardRunEntity, { where: { periodId }, order: { seq: 'DESC' } });
    return this.toRuns(manager, runs);
  }

  async get(principal: Principal, id: string): Promise<RewardRun> {
    const manager = this.dataSource.manager;
    const { run } = await this.readable(manager, principal, id);
    return (await this.toRuns(manager, [run]))[0];
  }

  /**
   * Runs a published program of the period's event over the period's confirmed figures, in one
   * unit of work: the run (numbered after the previous one), one award row per institution, the
   * change from the previous run, which is superseded if it was not approved. A period whose run
   * was approved is settled: 409 run_approved.
   */
  async compute(principal: Principal, periodId: string, programId: string): Promise<RewardRun> {
    return this.uow.run(async ({ manager }) => {
      const { period } = await this.period(manager, principal, periodId);
      const program = await manager.findOne(RewardProgramEntity, { where: { id: programId } });
      if (!program || program.eventId !== period.eventId) throw new InvalidInput('programId', 'is not a reward program of this event');
      if (program.state !== 'published') {
        throw new Conflict('program_not_published', `Version ${program.versionNo} of this program is ${program.state}; runs use the published version`);
      }
      // One run of a period at a time: the next number and the superseding depend on the last.
      await lockPeriodRuns(manager, periodId);
      const previous = await manager.findOne(RewardRunEntity, { where: { periodId }, order: { seq: 'DESC' } });
      if (await manager.exists(RewardRunEntity, { where: { periodId, state: 'approved' } })) {
        throw new Conflict('run_approved', 'A run of this period is approved already; its awards are settled');
      }
      const now = this.clock.now();
      const figures = await confirmedFigures(manager, periodId, now);
      const outcome = computeProgram(program.content, figures.institutions, { startsOn: period.startsOn, endsOn: period.endsOn });
      const rows = awardRows(figures.institutions, outcome);
      const before: { organisationId: string; name: string; amount: string }[] = previous
        ? await manager.query(
            `SELECT a."organisationId", o.name, a.amount::text AS amount FROM reward_award a JOIN organisation o ON o.id = a."organisationId" WHERE a."runId" = $1`,
            [previous.id],
          )
        : [];
      const changes = previous
        ? runChanges(
            before.map((b) => ({ ...b, amount: Number(b.amount) })),
            rows,
          )
        : [];
      const superseded: { id: string }[] = await manager.query(
        `UPDATE reward_run SET state = 'superseded', version = version + 1 WHERE "periodId" = $1 AND state = 'computed' RETURNING id`,
        [periodId],
      );
      const late: { organisationId: string; name: string; class: InstitutionClass }[] = await manager.query(
        `SELECT f."organisationId", org.name, f.class
           FROM statistics_form f
           JOIN obligation o ON o.id = f."obligationId"
           JOIN organisation org ON org.id = f."organisationId"
          WHERE f."periodId" = $1 AND o.state = 'accepted' AND o."firstSubmittedAt" >= o."dueAt"
          ORDER BY f.class, org.name`,
        [periodId],
      );
      const run = manager.create(RewardRunEntity, {
        eventId: period.eventId,
        periodId,
        programId,
        seq: (previous?.seq ?? 0) + 1,
        state: 'computed',
        institutions: figures.institutions.length,
        unconfirmed: figures.unconfirmed,
        late,
        totals: outcome.totals,
        changes,
        computedAt: now,
        computedByUserId: principal.userId,
        approvedAt: null,
        approvedByUserId: null,
        version: 1,
      });
      await manager.save(run);
      await insertAwards(manager, run.id, rows);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'reward.run_computed',
        entityType: 'reward_run',
        entityId: run.id,
        data: {
          periodId,
          programId,
          programVersionNo: program.versionNo,
          seq: run.seq,
          institutions: run.institutions,
          unconfirmed: figures.unconfirmed.length,
          total: outcome.totals.total,
          changes: changes.length,
          supersedes: superseded.map((s) => s.id),
        },
      });
      return (await this.toRuns(manager, [run]))[0];
    });
  }

  /**
   * Approves a computed run, within the approver's step-up grant, on the version read: its awards
   * stand recorded for payment. The same approval again answers the run as it is.
   */
  async approve(principal: Principal, id: string, version: number): Promise<RewardRun> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const grant = principal.signingGrantUntil;
      if (!grant || grant.getTime() < Date.now()) {
        throw new DomainError(403, 'step_up_required', 'Confirm your password before approving awards (POST /api/auth/step-up)');
      }
      const { run: read } = await this.readable(manager, principal, id);
      // A run computed meanwhile would supersede this one: approving waits for it (the same lock, taken first).
      await lockPeriodRuns(manager, read.periodId);
      const run = await manager.findOneOrFail(RewardRunEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (run.state === 'approved' && run.version === version + 1 && run.approvedByUserId === principal.userId) {
        return (await this.toRuns(manager, [run]))[0];
      }
      if (run.state === 'approved') throw new Conflict('run_approved', `Run ${run.seq} of this period is approved already`);
      if (run.state !== 'computed') throw new Conflict('invalid_state', `Run ${run.seq} was superseded by a later run of the period; approve that one`);
      assertVersion(run.version, version, 'This run');
      run.state = 'approved';
      run.approvedAt = this.clock.now();
      run.approvedByUserId = principal.userId;
      run.version += 1;
      await manager.save(run);
      const awardees: { organisationId: string }[] = await manager.query(`SELECT "organisationId" FROM reward_award WHERE "runId" = $1 AND amount > 0`, [
        run.id,
      ]);
      const awarded = awardees.length;
      const period = await manager.findOneOrFail(RewardPeriodEntity, { where: { id: run.periodId } });
      // Each institution with an award is told (in the bell, and by email when SMTP is set up).
      await this.notifications.notify(tx, {
        kind: 'reward.approved',
        eventId: run.eventId,
        to: { organisationIds: awardees.map((a) => a.organisationId) },
        params: { title: period.name },
        link: '/my/rewards',
        dedupeKey: `reward-run:${run.id}:approved`,
      });
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'reward.run_approved',
        entityType: 'reward_run',
        entityId: run.id,
        data: { periodId: run.periodId, seq: run.seq, total: run.totals.total, awarded, sessionId: principal.sessionId ?? null },
      });
      return (await this.toRuns(manager, [run]))[0];
    });
  }

  /**
   * Records the finance department's confirmation that an approved award was paid. The same
   * reference again answers the award as recorded; another reference for a paid award is a 409.
   */
  async confirmPayment(principal: Principal, runId: string, organisationId: string, dto: RewardPaymentDto): Promise<RewardAward> {
    return this.uow.run(async ({ manager }) => {
      const { run } = await this.readable(manager, principal, runId);
      const award = await manager.findOne(RewardAwardEntity, { where: { runId, organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!award) throw new NotFound('Reward award');
      if (run.state !== 'approved') throw new Conflict('invalid_state', 'Only awards of an approved run are paid');
      if (award.paidAt) {
        if (award.paymentReference === dto.reference) return this.award(manager, runId, organisationId);
        throw new Conflict('invalid_state', `This award was confirmed paid already, with reference ${award.paymentReference}`);
      }
      if (award.amount <= 0) throw new Conflict('invalid_state', 'This institution earned nothing in the run: there is nothing to pay');
      award.paidAt = this.clock.now();
      award.paidByUserId = principal.userId;
      award.paymentReference = dto.reference;
      await manager.save(award);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'reward.payment_confirmed',
        entityType: 'reward_run',
        entityId: runId,
        data: { organisationId, amount: award.amount, reference: dto.reference },
      });
      return this.award(manager, runId, organisationId);
    });
  }

  /** A run's awards, largest first (then by name), at most 200 a page, by class and name. */
  async awards(principal: Principal, runId: string, query: RewardAwardListQueryDto): Promise<Page<RewardAward>> {
    const manager = this.dataSource.manager;
    await this.readable(manager, principal, runId);
    const params: unknown[] = [runId];
    const where = [`a."runId" = $1`];
    if (query.class) where.push(`a.class = $${params.push(query.class)}`);
    if (query.q) where.push(`o.name ILIKE $${params.push(`%${escapeLike(query.q)}%`)}`);
    const { skip, take } = skipTake(query);
    const [rows, [{ total }]] = await Promise.all([
      manager.query(
        `${AWARD_SELECT} WHERE ${where.join(' AND ')} ORDER BY a.amount DESC, o.name, a."organisationId" LIMIT ${take} OFFSET ${skip}`,
        params,
      ) as Promise<AwardRaw[]>,
      manager.query(
        `SELECT count(*)::int AS total FROM reward_award a JOIN organisation o ON o.id = a."organisationId" WHERE ${where.join(' AND ')}`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return pageOf(rows.map(toAward), total, query);
  }

  /** Every award of the run, largest first, for the workbook and the notices. */
  async allAwards(manager: EntityManager, runId: string): Promise<RewardAward[]> {
    const rows: AwardRaw[] = await manager.query(`${AWARD_SELECT} WHERE a."runId" = $1 ORDER BY a.amount DESC, o.name, a."organisationId"`, [runId]);
    return rows.map(toAward);
  }

  /** The caller's organisation's awards in approved runs, newest first. */
  async mine(principal: Principal): Promise<RewardAward[]> {
    const rows: AwardRaw[] = await this.dataSource.query(
      `${AWARD_SELECT}
        WHERE a."organisationId" = $1 AND r.state = 'approved'
        ORDER BY r."approvedAt" DESC, r.id`,
      [principal.organisationId],
    );
    return rows.map(toAward);
  }

  /** The run with what its workbook and notices print, for an organiser of its event. */
  async document(
    principal: Principal,
    id: string,
    opts: { approved: boolean },
  ): Promise<{ run: RewardRun; entity: RewardRunEntity; event: EventEntity; period: RewardPeriodEntity; program: RewardProgramEntity; awards: RewardAward[] }> {
    const manager = this.dataSource.manager;
    const { run: entity, event } = await this.readable(manager, principal, id);
    if (opts.approved && entity.state !== 'approved')
      throw new Conflict('invalid_state', 'The praise list and the notice of criticism are made from an approved run');
    const [period, program, awards, [run]] = await Promise.all([
      manager.findOneOrFail(RewardPeriodEntity, { where: { id: entity.periodId } }),
      manager.findOneOrFail(RewardProgramEntity, { where: { id: entity.programId } }),
      this.allAwards(manager, id),
      this.toRuns(manager, [entity]),
    ]);
    return { run, entity, event, period, program, awards };
  }

  /** The organiser organisation's name, that issues the notices. */
  async organiserName(event: EventEntity): Promise<string> {
    const organiser = await this.dataSource.manager.findOne(OrganisationEntity, { where: { id: event.organiserOrganisationId } });
    return organiser?.name ?? '';
  }

  private async award(manager: EntityManager, runId: string, organisationId: string): Promise<RewardAward> {
    const [row]: AwardRaw[] = await manager.query(`${AWARD_SELECT} WHERE a."runId" = $1 AND a."organisationId" = $2`, [runId, organisationId]);
    return toAward(row);
  }

  private async toRuns(manager: EntityManager, runs: RewardRunEntity[]): Promise<RewardRun[]> {
    if (runs.length === 0) return [];
    const extra: { id: string; programName: string; programVersionNo: number; computedBy: string | null; approvedBy: string | null }[] = await manager.query(
      `SELECT r.id, p.name AS "programName", p."versionNo" AS "programVersionNo", cu."displayName" AS "computedBy", au."displayName" AS "approvedBy"
         FROM reward_run r
         JOIN reward_program p ON p.id = r."programId"
         LEFT JOIN app_user cu ON cu.id = r."computedByUserId"
         LEFT JOIN app_user au ON au.id = r."approvedByUserId"
        WHERE r.id = ANY($1::uuid[])`,
      [runs.map((r) => r.id)],
    );
    const byId = new Map(extra.map((e) => [e.id, e]));
    return runs.map((r) => {
      const e = byId.get(r.id);
      return {
        id: r.id,
        periodId: r.periodId,
        programId: r.programId,
        programName: e?.programName ?? '',
        programVersionNo: e?.programVersionNo ?? 0,
        seq: r.seq,
        state: r.state,
        institutions: r.institutions,
        unconfirmed: r.unconfirmed.length,
        totals: r.totals,
        changes: r.changes,
        computedAt: r.computedAt.toISOString(),
        computedBy: e?.computedBy ?? '',
        approvedAt: r.approvedAt?.toISOString() ?? null,
        approvedBy: r.approvedByUserId ? (e?.approvedBy ?? null) : null,
        version: r.version,
      };
    });
  }
}

/** Serialises the changes to a period's runs (computing one, approving one) until the transaction ends. */
async function lockPeriodRuns(manager: EntityManager, periodId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`reward_run:${periodId}`]);
}

/** One INSERT … SELECT FROM a JSON array per chunk of award rows: no round trip per institution. */
async function insertAwards(manager: EntityManager, runId: string, rows: AwardRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += AWARD_CHUNK) {
    const chunk = rows.slice(start, start + AWARD_CHUNK).map((r) => ({
      organisationId: r.organisationId,
      class: r.class,
      amount: r.amount,
      outcomes: r.outcomes,
      scores: r.scores,
    }));
    await manager.query(
      `INSERT INTO reward_award ("runId", "organisationId", class, amount, outcomes, scores)
       SELECT $1, r."organisationId", r.class, r.amount, r.outcomes, r.scores
         FROM jsonb_to_recordset($2::jsonb) AS r("organisationId" uuid, class varchar, amount bigint, outcomes jsonb, scores jsonb)`,
      [runId, JSON.stringify(chunk)],
    );
  }
}
