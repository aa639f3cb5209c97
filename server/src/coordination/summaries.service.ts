import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addCalendarDays,
  dayInZone,
  mondayOf,
  PROBLEM_CATEGORIES,
  zonedDateTime,
  type CategoryCounts,
  type ObligationKind,
  type ProblemCategory,
  type WeeklyFigures,
  type WeeklySummary,
  type WeeklySummaryListItem,
} from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { InvalidInput, NotFound } from '../common/errors';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import type { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { JobQueue } from '../jobs/job-queue';
import { NotificationsService } from '../notifications/notifications.service';
import { WeeklySummaryEntity } from './coordination.entities';
import { pages } from '../common/xlsx';

export const WEEKLY_SUMMARY = 'coordination.weekly-summary';

declare module '../jobs/job-queue' {
  interface JobPayloads {
    'coordination.weekly-summary': Record<string, never>;
  }
}

const zeroCounts = (): CategoryCounts => Object.fromEntries(PROBLEM_CATEGORIES.map((c) => [c, 0])) as CategoryCounts;

function countsOf(rows: { category: ProblemCategory; n: string }[]): CategoryCounts {
  const counts = zeroCounts();
  for (const r of rows) counts[r.category] = Number(r.n);
  return counts;
}

/**
 * The weekly summary for the coordination group: every Monday at 08:00 (Beijing), for each event
 * whose follow-up is under way, the figures of the week before in the event's zone, kept once per
 * event and week (a second run, in this process or another, keeps the first). Organisers may make
 * one now, for the last complete week or a week they name.
 */
@Injectable()
export class SummariesService {
  private readonly logger = new Logger('WeeklySummary');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    jobs: JobQueue,
  ) {
    jobs.register(WEEKLY_SUMMARY, () => this.runWeekly(), { retryLimit: 2, expireInSeconds: 900 });
    jobs.schedule(WEEKLY_SUMMARY, '0 8 * * 1', {}, { tz: 'Asia/Shanghai' });
  }

  /** The scheduled run: the last complete week of every event with follow-up under way; answers how many were made. */
  async runWeekly(): Promise<number> {
    const ids = await this.dataSource.query<{ id: string }[]>(
      `SELECT e.id FROM match_event e
        WHERE EXISTS (SELECT 1 FROM obligation o WHERE o."eventId" = e.id)
           OR EXISTS (SELECT 1 FROM coordination_problem p WHERE p."eventId" = e.id)
           OR EXISTS (SELECT 1 FROM liaison_designation l WHERE l."eventId" = e.id)
        ORDER BY e.id`,
    );
    let made = 0;
    for (const { id } of ids) {
      try {
        if ((await this.generate(null, id)).created) made += 1;
      } catch (error) {
        this.logger.warn(`No weekly summary for event ${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return made;
  }

  async list(eventId: string): Promise<WeeklySummaryListItem[]> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    const rows = await this.dataSource.manager.find(WeeklySummaryEntity, { where: { eventId }, order: { weekStart: 'DESC' }, take: 104 });
    const sum = (c: CategoryCounts) => Object.values(c).reduce((a, b) => a + b, 0);
    return rows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      weekStart: r.weekStart,
      timeZone: event.timeZone,
      createdAt: r.createdAt.toISOString(),
      overdue: r.figures.obligations.overdue.count,
      problemsOpened: sum(r.figures.problems.opened),
      problemsSolved: sum(r.figures.problems.solved),
      liaisonReports: r.figures.liaison.reports,
    }));
  }

  /** Every weekly summary of the event, newest week first, page by page, for the export. */
  async exportPages(eventId: string): Promise<{ event: EventEntity; count: number; pages: AsyncIterable<WeeklySummary[]> }> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    const count = await this.dataSource.manager.count(WeeklySummaryEntity, { where: { eventId } });
    const read = pages(async (offset, limit) => {
      const rows = await this.dataSource.manager.find(WeeklySummaryEntity, {
        where: { eventId },
        order: { weekStart: 'DESC', id: 'ASC' },
        skip: offset,
        take: limit,
      });
      return rows.map((r) => toSummary(r, event));
    });
    return { event, count, pages: read };
  }

  async get(id: string): Promise<WeeklySummary> {
    const row = await this.dataSource.manager.findOne(WeeklySummaryEntity, { where: { id } });
    if (!row) throw new NotFound('Weekly summary');
    const event = await this.events.findEvent(this.dataSource.manager, row.eventId);
    return toSummary(row, event);
  }

  /** Organisers make one now (by default for the last complete week); a week already summarised answers the one kept. */
  async generateNow(principal: Principal, eventId: string, weekStart: string | undefined): Promise<WeeklySummary> {
    return (await this.generate(principal, eventId, weekStart)).summary;
  }

  private async generate(principal: Principal | null, eventId: string, weekStart?: string): Promise<{ summary: WeeklySummary; created: boolean }> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const event = await this.events.findEvent(manager, eventId);
      const now = this.clock.now();
      const thisWeek = mondayOf(dayInZone(now, event.timeZone));
      const week = weekStart ?? addCalendarDays(thisWeek, -7);
      if (mondayOf(week) !== week) throw new InvalidInput('weekStart', 'must be a Monday');
      if (week >= thisWeek) throw new InvalidInput('weekStart', 'must be a week that has ended');
      const existing = await manager.findOne(WeeklySummaryEntity, { where: { eventId, weekStart: week } });
      if (existing) return { summary: toSummary(existing, event), created: false };
      const figures = await this.figures(manager, event, week, now);
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(WeeklySummaryEntity)
        .values({ eventId, weekStart: week, figures })
        .orIgnore()
        .returning('id')
        .execute();
      const row = await manager.findOneOrFail(WeeklySummaryEntity, { where: { eventId, weekStart: week } });
      if ((inserted.raw as unknown[]).length === 0) return { summary: toSummary(row, event), created: false };
      await this.audit.record(manager, {
        actorUserId: principal?.userId ?? null,
        action: 'weekly_summary.generated',
        entityType: 'weekly_summary',
        entityId: row.id,
        data: { eventId, weekStart: week, overdue: figures.obligations.overdue.count },
      });
      await this.notifications.notify(tx, {
        kind: 'summary.weekly',
        eventId,
        to: { organisers: true },
        params: { title: `${event.name} ${week}`, name: event.name, dueOn: week, count: figures.obligations.overdue.count },
        link: '/console',
        dedupeKey: `summary.weekly:${row.id}`,
      });
      return { summary: toSummary(row, event), created: true };
    });
  }

  /** The figures of [weekStart, weekStart + 7 days) in the event's zone; what is overdue, as of `now`. */
  async figures(manager: EntityManager, event: EventEntity, weekStart: string, now: Date): Promise<WeeklyFigures> {
    const to = addCalendarDays(weekStart, 7);
    const fromAt = zonedDateTime(weekStart, '00:00', event.timeZone);
    const toAt = zonedDateTime(to, '00:00', event.timeZone);
    const range = [event.id, fromAt, toAt];
    const filed = await manager.query<{ kind: ObligationKind; n: string }[]>(
      `SELECT kind, count(*) AS n FROM obligation WHERE "eventId" = $1 AND "submittedAt" >= $2 AND "submittedAt" < $3 GROUP BY kind`,
      range,
    );
    const [reviewed] = await manager.query<{ accepted: string; returned: string }[]>(
      `SELECT count(*) FILTER (WHERE state = 'accepted') AS accepted, count(*) FILTER (WHERE state = 'returned') AS returned
         FROM obligation WHERE "eventId" = $1 AND "reviewedAt" >= $2 AND "reviewedAt" < $3`,
      range,
    );
    const overdue = await manager.query<{ id: string; name: string; n: string }[]>(
      `SELECT o."organisationId" AS id, org.name, count(*) AS n
         FROM obligation o JOIN organisation org ON org.id = o."organisationId"
        WHERE o."eventId" = $1 AND o.state IN ('open', 'returned') AND o."dueAt" <= $2
        GROUP BY o."organisationId", org.name ORDER BY count(*) DESC, org.name`,
      [event.id, now],
    );
    const byCategory = (sql: string) => manager.query<{ category: ProblemCategory; n: string }[]>(sql, range);
    const opened = await byCategory(
      `SELECT category, count(*) AS n FROM coordination_problem WHERE "eventId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3 GROUP BY category`,
    );
    const solved = await byCategory(
      `SELECT category, count(*) AS n FROM coordination_problem WHERE "eventId" = $1 AND "answeredAt" >= $2 AND "answeredAt" < $3 GROUP BY category`,
    );
    // Open at the end of the week: raised before it ended and not answered by then.
    const open = await byCategory(
      `SELECT category, count(*) AS n FROM coordination_problem
        WHERE "eventId" = $1 AND $2::timestamptz IS NOT NULL AND "createdAt" < $3 AND ("answeredAt" IS NULL OR "answeredAt" >= $3) GROUP BY category`,
    );
    const [urgent] = await manager.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM coordination_problem WHERE "eventId" = $1 AND urgency = 'urgent' AND "createdAt" >= $2 AND "createdAt" < $3`,
      range,
    );
    const [liaison] = await manager.query<{ reports: string; urgent: string }[]>(
      `SELECT count(*) AS reports, count(*) FILTER (WHERE urgent) AS urgent FROM liaison_report WHERE "eventId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3`,
      range,
    );
    return {
      from: weekStart,
      to,
      generatedAt: now.toISOString(),
      obligations: {
        filed: Object.fromEntries(filed.map((r) => [r.kind, Number(r.n)])),
        accepted: Number(reviewed.accepted),
        returned: Number(reviewed.returned),
        overdue: {
          count: overdue.reduce((a, r) => a + Number(r.n), 0),
          organisations: overdue.map((r) => ({ id: r.id, name: r.name, count: Number(r.n) })),
        },
      },
      problems: { opened: countsOf(opened), solved: countsOf(solved), open: countsOf(open), urgentOpened: Number(urgent.n) },
      liaison: { reports: Number(liaison.reports), urgent: Number(liaison.urgent) },
    };
  }
}

function toSummary(row: WeeklySummaryEntity, event: EventEntity): WeeklySummary {
  return { id: row.id, eventId: row.eventId, weekStart: row.weekStart, timeZone: event.timeZone, figures: row.figures, createdAt: row.createdAt.toISOString() };
}
