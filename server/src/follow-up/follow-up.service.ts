import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AGREEMENT_KINDS,
  dayInZone,
  DEFAULT_EVENT_TIME_ZONE,
  DEFAULT_FOLLOW_UP_CADENCES,
  dueInstant,
  MAX_CADENCE,
  OUTSTANDING_OBLIGATION_STATES,
  REPORT_DUTIES,
  REPORT_HORIZON,
  reportDueDay,
  type AgreementFollowUp,
  type Cadence,
  type FollowUpCadences,
  type FollowUpPlan,
  workingDayCalendarYears,
} from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import type { AgreementEntity, AgreementPartyEntity } from '../agreements/agreement.entity';
import { AgreementsService } from '../agreements/agreements.service';
import { LedgerService } from '../agreements/ledger.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { assertVersion, InvalidInput, NotFound } from '../common/errors';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { EventsService } from '../events/events.service';
import { JobQueue } from '../jobs/job-queue';
import { ObligationsService, type Due, type OweInput } from '../obligations/obligations.service';
import { UserEntity } from '../users/user.entity';
import type { FollowUpPlanDto } from './dto/follow-up.dto';
import { FollowUpPlanEntity } from './follow-up-plan.entity';
import { FollowUpScheduleEntity } from './follow-up-schedule.entity';

/** No schedule generates more reports of a step than this (ten years of weekly reports). */
const MAX_REPORTS = 520;

const subjectOf = (agreementId: string) => ({ type: 'agreement', id: agreementId });

/** The daily job that keeps every signed agreement's reports owed ahead of the clock (across all server processes, once). */
export const EXTEND_SCHEDULES = 'follow-up.extend-schedules';

declare module '../jobs/job-queue' {
  interface JobPayloads {
    [EXTEND_SCHEDULES]: Record<string, never>;
  }
}

/** An agreement is brought up to date once its last report owed falls within this many days. */
const EXTEND_WITHIN_DAYS = 14;
/** Agreements brought up to date per transaction by the sweep. */
const EXTEND_BATCH = 200;

/**
 * Follow-up of signed agreements: the event's plan, each agreement's report schedule (made in the
 * transaction that completes its signatures), and keeping its reports owed in step with the
 * ledger and the clock (`reconcile`, idempotent: at signing, on every ledger change and filing,
 * and from a scheduled sweep later).
 */
@Injectable()
export class FollowUpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly agreements: AgreementsService,
    private readonly ledger: LedgerService,
    private readonly obligations: ObligationsService,
    jobs: JobQueue,
  ) {
    agreements.onSigned((tx, agreement, parties, principal) => this.schedule(tx, agreement, parties, principal.userId, this.clock.now()));
    ledger.onChanged((tx, agreementId, principal) => this.reconcile(tx, agreementId, principal.userId));
    jobs.register(EXTEND_SCHEDULES, () => this.sweep().then(() => undefined), { retryLimit: 2, expireInSeconds: 3600 });
    // 00:30 in China: the day's reports are owed before anyone starts work.
    jobs.schedule(EXTEND_SCHEDULES, '30 0 * * *', {}, { tz: 'Asia/Shanghai' });
  }

  /**
   * The daily sweep: signed agreements signed before follow-up existed get a schedule, and every
   * agreement whose last report owed is near gets its next ones (and provisional due days the
   * calendar now knows recounted). Set-based selection; the work in batches of EXTEND_BATCH
   * agreements a transaction, so one sweep over a large event never holds locks for long.
   */
  async sweep(): Promise<{ scheduled: number; extended: number }> {
    let scheduled = 0;
    for (let n = await this.recheck(null); n > 0; n = await this.recheck(null)) scheduled += n;
    const due = await this.dueForExtension();
    for (let i = 0; i < due.length; i += EXTEND_BATCH) {
      const batch = due.slice(i, i + EXTEND_BATCH);
      await this.uow.run(
        async (tx) => {
          for (const id of batch) await this.reconcile(tx, id, null);
        },
        { answer: false },
      );
    }
    return { scheduled, extended: due.length };
  }

  /**
   * Agreements with a cadence whose last report owed (of those not waived) falls within
   * EXTEND_WITHIN_DAYS of today, or that still have a provisional due day the calendar now
   * knows (a year is added to the calendar), by the obligation table's subject index.
   */
  private async dueForExtension(): Promise<string[]> {
    const rows: { agreementId: string }[] = await this.dataSource.query(
      `SELECT s."agreementId" FROM follow_up_schedule s
        CROSS JOIN LATERAL (
          SELECT max(o."dueOn") AS last, bool_or(o."dueProvisional" AND o."dueOn" <= $2) AS recount
            FROM obligation o
           WHERE o.kind = 'agreement_report' AND o."subjectType" = 'agreement' AND o."subjectId" = s."agreementId" AND o.state <> 'waived'
        ) owed
       WHERE s.cadence IS NOT NULL AND owed.last IS NOT NULL AND (owed.last <= $1 OR owed.recount)
       ORDER BY s."agreementId"`,
      [addDays(dayInZone(this.clock.now(), DEFAULT_EVENT_TIME_ZONE), EXTEND_WITHIN_DAYS), `${workingDayCalendarYears().lastYear}-12-31`],
    );
    return rows.map((r) => r.agreementId);
  }

  async plan(eventId: string): Promise<FollowUpPlan> {
    await this.events.findEvent(this.dataSource.manager, eventId);
    return this.planView(this.dataSource.manager, eventId);
  }

  /** Replaces the plan on the version read (0 for the defaults); agreements signed from then on follow it. */
  async setPlan(principal: Principal, eventId: string, dto: FollowUpPlanDto): Promise<FollowUpPlan> {
    for (const kind of AGREEMENT_KINDS) {
      const cadence = dto.cadences[kind];
      if (cadence && cadence.every > MAX_CADENCE[cadence.unit]) {
        throw new InvalidInput(`cadences.${kind}.every`, `must be at most ${MAX_CADENCE[cadence.unit]} for a cadence in ${cadence.unit}s`);
      }
    }
    return this.uow.run(async ({ manager }) => {
      await this.events.findEvent(manager, eventId, true);
      const row = await manager.findOne(FollowUpPlanEntity, { where: { eventId }, lock: { mode: 'pessimistic_write' } });
      assertVersion(row?.version ?? 0, dto.version, 'The follow-up plan');
      const cadences = Object.fromEntries(
        AGREEMENT_KINDS.map((kind) => {
          const c = dto.cadences[kind];
          return [kind, c ? { every: c.every, unit: c.unit } : null];
        }),
      ) as FollowUpCadences;
      const version = (row?.version ?? 0) + 1;
      await manager.save(manager.create(FollowUpPlanEntity, { eventId, cadences, version, updatedByUserId: principal.userId }));
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'event.follow_up_plan_set',
        entityType: 'event',
        entityId: eventId,
        data: { version, cadences },
      });
      return this.planView(manager, eventId);
    });
  }

  /**
   * Makes a signed agreement's report schedule from the event's plan, anchored on the day of
   * `anchorAt` in the event's zone, and owes its first reports. Runs in the signing transaction
   * (registered with AgreementsService.onSigned); once made, it is not made again.
   */
  async schedule(tx: Tx, agreement: AgreementEntity, parties: AgreementPartyEntity[], actorUserId: string | null, anchorAt: Date): Promise<void> {
    const { manager } = tx;
    if (await manager.exists(FollowUpScheduleEntity, { where: { agreementId: agreement.id } })) {
      return this.reconcile(tx, agreement.id, actorUserId);
    }
    const event = await this.events.findEvent(manager, agreement.eventId);
    const cadence = (await this.cadences(manager, agreement.eventId))[agreement.kind];
    const duties = REPORT_DUTIES[agreement.kind].flatMap((duty) => {
      const party = parties.find((p) => duty.roles.includes(p.role));
      return party ? [{ step: duty.step, organisationId: party.organisationId }] : [];
    });
    const schedule = manager.create(FollowUpScheduleEntity, {
      agreementId: agreement.id,
      eventId: agreement.eventId,
      cadence,
      anchorDay: dayInZone(anchorAt, event.timeZone),
      timeZone: event.timeZone,
      duties,
    });
    await manager.insert(FollowUpScheduleEntity, schedule);
    await this.audit.record(manager, {
      actorUserId,
      action: 'agreement.follow_up_scheduled',
      entityType: 'agreement',
      entityId: agreement.id,
      data: { cadence, anchorDay: schedule.anchorDay, timeZone: schedule.timeZone, duties },
    });
    await this.extend(tx, schedule, agreement, actorUserId);
  }

  /**
   * Brings an agreement's reports owed in step with its ledger and the clock: none owed once it is
   * performed or terminated (waived), owed again if an organiser reopens it; otherwise the reports
   * due so far, or up to the last filed, and REPORT_HORIZON more; provisional due days counted
   * again once the calendar knows their year. A signed agreement without a schedule gets one.
   * Idempotent.
   */
  async reconcile(tx: Tx, agreementId: string, actorUserId: string | null): Promise<void> {
    const { manager } = tx;
    const { agreement, parties } = await this.agreements.lockWithParties(manager, agreementId);
    if (agreement.status === 'drafting') return;
    const schedule = await manager.findOne(FollowUpScheduleEntity, { where: { agreementId } });
    if (!schedule) return this.schedule(tx, agreement, parties, actorUserId, agreement.signedAt ?? this.clock.now());
    if (!schedule.cadence) return;
    if (await this.ledger.isClosed(manager, agreementId)) {
      await this.obligations.waive(tx, subjectOf(agreementId), 'ledger_closed', actorUserId);
      return;
    }
    await this.obligations.restore(tx, subjectOf(agreementId), actorUserId);
    await this.extend(tx, schedule, agreement, actorUserId);
  }

  /** Signed agreements that have no schedule (signed before follow-up existed): each gets one. For the sweep. */
  async recheck(actorUserId: string | null, limit = 500): Promise<number> {
    const missing: { id: string }[] = await this.dataSource.query(
      `SELECT a.id FROM agreement a LEFT JOIN follow_up_schedule s ON s."agreementId" = a.id
        WHERE a.status IN ('signed', 'confirmed') AND s."agreementId" IS NULL ORDER BY a."signedAt" LIMIT $1`,
      [limit],
    );
    for (const { id } of missing) await this.uow.run((tx) => this.reconcile(tx, id, actorUserId), { answer: false });
    return missing.length;
  }

  /** An agreement's schedule and its reports owed, for its parties and organisers. */
  async forAgreement(principal: Principal, agreementId: string): Promise<AgreementFollowUp> {
    const manager = this.dataSource.manager;
    if (!(await this.agreements.canRead(manager, principal, agreementId))) throw new NotFound('Agreement');
    const schedule = await manager.findOne(FollowUpScheduleEntity, { where: { agreementId } });
    const owed = await this.obligations.forSubject(manager, subjectOf(agreementId));
    owed.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.step.localeCompare(b.step) || a.seq - b.seq);
    return {
      agreementId,
      cadence: schedule?.cadence ?? null,
      anchorDay: schedule?.anchorDay ?? null,
      timeZone: schedule?.timeZone ?? null,
      obligations: await this.obligations.views(
        manager,
        owed.map((o) => o.id),
      ),
    };
  }

  /** Owes each step's reports up to the horizon, and recounts provisional due days the calendar now knows. */
  private async extend(tx: Tx, schedule: FollowUpScheduleEntity, agreement: AgreementEntity, actorUserId: string | null): Promise<void> {
    const cadence = schedule.cadence;
    if (!cadence) return;
    const existing = await this.obligations.forSubject(tx.manager, subjectOf(agreement.id));
    const today = dayInZone(this.clock.now(), schedule.timeZone);
    // Owed in one statement (and one audit insert): signing runs this inside its own transaction.
    const owed: OweInput[] = [];
    for (const duty of schedule.duties) {
      const mine = existing.filter((o) => o.step === duty.step);
      const lastFiled = Math.max(0, ...mine.filter((o) => o.firstSubmittedAt !== null).map((o) => o.seq));
      let dueByToday = 0;
      while (dueByToday < MAX_REPORTS && this.due(schedule, cadence, dueByToday + 1).dueOn <= today) dueByToday += 1;
      const upTo = Math.min(MAX_REPORTS, Math.max(lastFiled, dueByToday) + REPORT_HORIZON);
      for (let seq = 1; seq <= upTo; seq += 1) {
        const found = mine.find((o) => o.seq === seq);
        const due = this.due(schedule, cadence, seq);
        if (!found) {
          owed.push({
            kind: 'agreement_report',
            eventId: agreement.eventId,
            sessionId: agreement.sessionId,
            organisationId: duty.organisationId,
            subject: { type: 'agreement', id: agreement.id, title: agreement.title, step: duty.step, seq },
            due,
            actorUserId,
          });
        } else if (found.dueProvisional && !due.provisional && OUTSTANDING_OBLIGATION_STATES.includes(found.state)) {
          await this.obligations.reschedule(tx, found, due, actorUserId);
        }
      }
    }
    if (owed.length > 0) await this.obligations.oweMany(tx, owed);
  }

  private due(schedule: FollowUpScheduleEntity, cadence: Cadence, seq: number): Due {
    const { day, provisional } = reportDueDay(schedule.anchorDay, cadence, seq);
    return { dueOn: day, dueAt: dueInstant(day, schedule.timeZone), provisional };
  }

  /** The event's cadences: its saved plan over the defaults (a kind added since keeps its default). */
  private async cadences(manager: EntityManager, eventId: string): Promise<FollowUpCadences> {
    const row = await manager.findOne(FollowUpPlanEntity, { where: { eventId } });
    return { ...DEFAULT_FOLLOW_UP_CADENCES, ...(row?.cadences ?? {}) };
  }

  private async planView(manager: EntityManager, eventId: string): Promise<FollowUpPlan> {
    const row = await manager.findOne(FollowUpPlanEntity, { where: { eventId } });
    const user = row ? await manager.findOne(UserEntity, { where: { id: row.updatedByUserId } }) : null;
    return {
      eventId,
      cadences: await this.cadences(manager, eventId),
      version: row?.version ?? 0,
      updatedBy: user?.displayName ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }
}

/** A calendar day `n` days after `day` (YYYY-MM-DD). */
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
