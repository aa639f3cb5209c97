import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  countWorkingDays,
  dayInZone,
  dueInstant,
  type ObligationKind,
  OPEN_SUPERVISION_STATES,
  OUTSTANDING_OBLIGATION_STATES,
  REMINDER_WORKING_DAYS,
  workingDayCalendarYears,
} from '@duijie/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { JobQueue } from '../jobs/job-queue';
import { NotificationsService } from '../notifications/notifications.service';
import { ObligationsService } from '../obligations/obligations.service';
import type { ObligationMarkKind } from './obligation-mark.entity';
import { ORGANISER_LINK, PARTY_LINK } from './supervision.service';

export const LADDER_SWEEP = 'supervision.sweep';

/** Obligations (or notices) handled per transaction. */
export const SWEEP_BATCH = 1000;
/**
 * How far back the overdue mark looks: an obligation that fell due within this window and is
 * still outstanding is marked once. Older ones (a report returned long after its due day, or
 * everything overdue when the ladder was installed) are not announced again.
 */
export const OVERDUE_LOOKBACK_MS = 14 * 86_400_000;

export type SweepResult = { reminded: number; overdue: number; lapsed: number; recounted: number };

type Marked = { id: string; organisationId: string; title: string; dueOn: string; organisation: string };

/**
 * The ladder's scheduled sweep, for obligations of every kind: reminds the owing organisation
 * REMINDER_WORKING_DAYS working days (in the event's zone) before the due day, marks what fell
 * due (the owing organisation, and one digest per event to organisers), lapses supervision
 * notices past their deadline, and recounts provisional due days once the calendar knows their
 * year. Set-based and batched: each step selects through the obligation's (eventId, dueAt)
 * index, in batches of SWEEP_BATCH per transaction, and what it did is kept in
 * `obligation_mark` so a second run (or a retry) does nothing again.
 */
@Injectable()
export class LadderService {
  private readonly logger = new Logger(LadderService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly obligations: ObligationsService,
    jobs: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    jobs.register(LADDER_SWEEP, () => this.sweep(this.clock.now()), { retryLimit: 2, expireInSeconds: 1800 });
    // LADDER_SWEEP_CRON: hourly at minute 1 by default (the browser tests run it every minute).
    jobs.schedule(LADDER_SWEEP, config.ladderSweepCron, {}, { tz: 'Asia/Shanghai' });
  }

  async sweep(now: Date = this.clock.now()): Promise<SweepResult> {
    const result: SweepResult = { reminded: 0, overdue: 0, lapsed: 0, recounted: 0 };
    // Events with something outstanding due in the windows swept (the index answers each probe).
    const events: { id: string; timeZone: string }[] = await this.dataSource.query(`SELECT id, "timeZone" FROM match_event ORDER BY id`);
    for (const event of events) {
      const today = dayInZone(now, event.timeZone);
      const remindUntil = dueInstant(countWorkingDays(today, REMINDER_WORKING_DAYS).day, event.timeZone);
      result.reminded += await this.mark(event.id, 'reminder', now, now, remindUntil);
      const overdue = await this.mark(event.id, 'overdue', now, new Date(now.getTime() - OVERDUE_LOOKBACK_MS), now);
      result.overdue += overdue;
      if (overdue > 0) {
        await this.uow.run(
          (tx) =>
            this.notifications.notify(tx, {
              kind: 'obligation.overdue',
              eventId: event.id,
              to: { organisers: true },
              params: { count: overdue },
              link: ORGANISER_LINK,
              dedupeKey: `event:${event.id}:overdue:${now.toISOString()}`,
            }),
          { answer: false },
        );
      }
    }
    result.lapsed = await this.lapse(now);
    result.recounted = await this.recount();
    if (result.reminded + result.overdue + result.lapsed + result.recounted > 0) this.logger.log(`ladder sweep: ${JSON.stringify(result)}`);
    return result;
  }

  /**
   * Marks, batch by batch, the event's outstanding obligations due in (from, to] not yet marked
   * for their due day, and tells the owing organisations. Answers how many it marked.
   */
  private async mark(eventId: string, kind: ObligationMarkKind, now: Date, from: Date, to: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.uow.run(
        async (tx) => {
          const rows: Marked[] = await tx.manager.query(
            `WITH picked AS (
               SELECT o.id, o."dueOn" FROM obligation o
                WHERE o."eventId" = $1 AND o."dueAt" > $2 AND o."dueAt" <= $3 AND o.state = ANY($4)
                  AND NOT EXISTS (SELECT 1 FROM obligation_mark m WHERE m."obligationId" = o.id AND m.kind = $5 AND m."dueOn" = o."dueOn")
                ORDER BY o."dueAt", o.id LIMIT $6
             ), marked AS (
               INSERT INTO obligation_mark ("obligationId", kind, "dueOn", "eventId", "markedAt")
               SELECT id, $5, "dueOn", $1, $7 FROM picked ON CONFLICT DO NOTHING RETURNING "obligationId"
             )
             SELECT o.id, o."organisationId", o."subjectTitle" AS title, o."dueOn"::text AS "dueOn", org.name AS organisation
               FROM marked JOIN obligation o ON o.id = marked."obligationId" JOIN organisation org ON org.id = o."organisationId"`,
            [eventId, from, to, OUTSTANDING_OBLIGATION_STATES, kind, SWEEP_BATCH, now],
          );
          if (rows.length === 0) return 0;
          await this.audit.recordMany(
            tx.manager,
            rows.map((r) => ({
              actorUserId: null,
              action: kind === 'reminder' ? 'obligation.reminded' : 'obligation.overdue_marked',
              entityType: 'obligation',
              entityId: r.id,
              data: { organisationId: r.organisationId, dueOn: r.dueOn },
            })),
          );
          await this.notifications.notify(
            tx,
            rows.map((r) => ({
              kind: kind === 'reminder' ? ('obligation.reminder' as const) : ('obligation.overdue' as const),
              eventId,
              to: { organisationIds: [r.organisationId] },
              params: { title: r.title, dueOn: r.dueOn, organisation: r.organisation },
              link: PARTY_LINK,
              dedupeKey: `obligation:${r.id}:${kind}:${r.dueOn}`,
            })),
          );
          return rows.length;
        },
        { answer: false },
      );
      total += count;
      if (count < SWEEP_BATCH) return total;
    }
  }

  /** Open notices past their deadline lapse (organisers are told); one whose obligation is no longer owed (waived) is resolved. */
  private async lapse(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.uow.run(
        async (tx) => {
          const [resolved]: [{ id: string; obligationId: string }[], number] = await tx.manager.query(
            `UPDATE supervision_notice n SET state = 'resolved', "resolvedAt" = $1, version = n.version + 1
               FROM obligation o
              WHERE o.id = n."obligationId" AND n.state = ANY($2) AND n."deadlineAt" <= $1 AND NOT (o.state = ANY($3))
              RETURNING n.id, n."obligationId"`,
            [now, OPEN_SUPERVISION_STATES, OUTSTANDING_OBLIGATION_STATES],
          );
          await this.audit.recordMany(
            tx.manager,
            resolved.map((r) => ({
              actorUserId: null,
              action: 'supervision.resolved',
              entityType: 'supervision_notice',
              entityId: r.id,
              data: { obligationId: r.obligationId, reason: 'no_longer_owed' },
            })),
          );
          const [rows]: [{ id: string; eventId: string; obligationId: string; organisationId: string; deadlineOn: string }[], number] = await tx.manager.query(
            `UPDATE supervision_notice n SET state = 'lapsed', "lapsedAt" = $1, version = n.version + 1
              WHERE n.id IN (SELECT id FROM supervision_notice WHERE state = ANY($2) AND "deadlineAt" <= $1
                              ORDER BY "deadlineAt", id LIMIT $3 FOR UPDATE SKIP LOCKED)
              RETURNING n.id, n."eventId", n."obligationId", n."organisationId", n."deadlineOn"::text AS "deadlineOn"`,
            [now, OPEN_SUPERVISION_STATES, SWEEP_BATCH],
          );
          if (rows.length === 0) return 0;
          const details: { id: string; title: string; organisation: string }[] = await tx.manager.query(
            `SELECT o.id, o."subjectTitle" AS title, org.name AS organisation FROM obligation o JOIN organisation org ON org.id = o."organisationId"
              WHERE o.id = ANY($1::uuid[])`,
            [rows.map((r) => r.obligationId)],
          );
          const detail = new Map(details.map((d) => [d.id, d]));
          await this.audit.recordMany(
            tx.manager,
            rows.map((r) => ({
              actorUserId: null,
              action: 'supervision.lapsed',
              entityType: 'supervision_notice',
              entityId: r.id,
              data: { obligationId: r.obligationId, organisationId: r.organisationId, deadlineOn: r.deadlineOn },
            })),
          );
          await this.notifications.notify(
            tx,
            rows.map((r) => ({
              kind: 'supervision.overdue' as const,
              eventId: r.eventId,
              to: { organisers: true },
              params: {
                title: detail.get(r.obligationId)?.title ?? '',
                organisation: detail.get(r.obligationId)?.organisation ?? '',
                deadlineOn: r.deadlineOn,
              },
              link: ORGANISER_LINK,
              dedupeKey: `supervision:${r.id}:lapsed`,
            })),
          );
          return rows.length;
        },
        { answer: false },
      );
      total += count;
      if (count < SWEEP_BATCH) return total;
    }
  }

  /**
   * Due days counted provisionally in a year the installed calendar now knows are counted again
   * on it: the day itself if it is worked, else the next working day (ObligationsService.reschedule).
   * Not agreement reports: follow-up recounts those from their schedule's anchor
   * (FollowUpService.sweep → reconcile → extend, the daily 'follow-up.extend-schedules' job).
   */
  private async recount(): Promise<number> {
    const lastKnown = `${workingDayCalendarYears().lastYear}-12-31`;
    let total = 0;
    for (;;) {
      const count = await this.uow.run(
        async (tx) => {
          const rows: { id: string; timeZone: string }[] = await tx.manager.query(
            `SELECT o.id, ev."timeZone" FROM obligation o JOIN match_event ev ON ev.id = o."eventId"
              WHERE o."dueProvisional" AND o.state = ANY($1) AND o."dueOn" <= $2 AND o.kind <> $4
              ORDER BY o.id LIMIT $3 FOR UPDATE OF o SKIP LOCKED`,
            [OUTSTANDING_OBLIGATION_STATES, lastKnown, SWEEP_BATCH, 'agreement_report' satisfies ObligationKind],
          );
          for (const row of rows) {
            const obligation = await this.obligations.lock(tx.manager, row.id);
            const { day, provisional } = countWorkingDays(obligation.dueOn, 0);
            await this.obligations.reschedule(tx, obligation, { dueOn: day, dueAt: dueInstant(day, row.timeZone), provisional }, null);
          }
          return rows.length;
        },
        { answer: false },
      );
      total += count;
      if (count < SWEEP_BATCH) return total;
    }
  }
}
