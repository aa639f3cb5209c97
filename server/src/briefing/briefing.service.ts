import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addCalendarDays,
  BRIEFING_WEEKS_AFTER_END,
  dayInZone,
  mondayOf,
  zonedDateTime,
  type Briefing,
  type BriefingSnapshot,
  type Page,
  type Problem,
} from '@duijie/shared';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, In, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { NotFound } from '../common/errors';
import { pageOf, skipTake, type PageQuery } from '../common/pagination';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { ProblemsService } from '../coordination/problems.service';
import { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { FiguresService } from '../figures/figures.service';
import { JobQueue } from '../jobs/job-queue';
import { NotificationsService } from '../notifications/notifications.service';
import { overdueCountsByOrganisation } from '../obligations/obligations.repository';
import { organisationSummaries } from '../organisations/organisations.repository';
import { FILE_STORE, type FileStore } from '../storage/file-store';
import { UserEntity } from '../users/user.entity';
import { renderBriefingPdf } from './briefing-pdf';
import { BriefingEntity } from './briefing.entity';

export const WEEKLY_BRIEFING = 'briefing.weekly';

declare module '../jobs/job-queue' {
  interface JobPayloads {
    'briefing.weekly': Record<string, never>;
  }
}

/** The local hour of Monday from which the week before is briefed. */
export const WEEKLY_BRIEFING_HOUR = '08:00';
/** At most this many open problems are listed in a briefing (urgent and oldest first). */
export const BRIEFING_PROBLEMS = 40;

/**
 * The briefing (简报) of an event for its coordination group: the headline figures from the
 * figures layer, what changed since the briefing before (each keeps the figures it was made
 * from), charts, organisations with overdue reports and the open problems, as an A4 PDF kept in
 * the file store. Made weekly on schedule and on demand by organisers; sent by organisers to
 * the event's organisers and member departments.
 *
 * The schedule runs every hour; for each event that is live or recently ended (its days overlap
 * the week briefed or ended at most BRIEFING_WEEKS_AFTER_END weeks before it), once it is
 * Monday 08:00 or later in the event's own time zone, the week before (Monday to Sunday there)
 * is briefed, once per event and week (a unique index: a second run, here or in another
 * process, keeps the first).
 */
@Injectable()
export class BriefingService {
  private readonly logger = new Logger('Briefing');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORE) private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly figures: FiguresService,
    private readonly problems: ProblemsService,
    private readonly notifications: NotificationsService,
    jobs: JobQueue,
  ) {
    jobs.register(WEEKLY_BRIEFING, () => this.runWeekly(), { retryLimit: 2, expireInSeconds: 1800 });
    // Hourly, so that each event is briefed at Monday 08:00 in its own zone.
    jobs.schedule(WEEKLY_BRIEFING, '0 * * * *', {}, { tz: 'UTC' });
  }

  /** The scheduled run: the week before, for every live or recently ended event whose Monday 08:00 has come; answers how many were made. */
  async runWeekly(): Promise<number> {
    const now = this.clock.now();
    // A candidate in any zone: the widest window, each event checked in its own zone below.
    const today = now.toISOString().slice(0, 10);
    const candidates = await this.dataSource.manager.find(EventEntity, {
      where: {
        startDate: LessThanOrEqual(addCalendarDays(today, 1)),
        endDate: MoreThanOrEqual(addCalendarDays(today, -7 * (BRIEFING_WEEKS_AFTER_END + 1) - 8)),
      },
      order: { id: 'ASC' },
    });
    let made = 0;
    for (const event of candidates) {
      const week = this.weekDue(event, now);
      if (!week) continue;
      try {
        if ((await this.generate(null, event.id, week)).created) made += 1;
      } catch (error) {
        this.logger.warn(`No weekly briefing for event ${event.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return made;
  }

  /** The Monday of the week to brief for the event now, or null (not Monday 08:00 yet there, or the event not live then). */
  weekDue(event: Pick<EventEntity, 'timeZone' | 'startDate' | 'endDate'>, now: Date): string | null {
    const thisWeek = mondayOf(dayInZone(now, event.timeZone));
    if (now < zonedDateTime(thisWeek, WEEKLY_BRIEFING_HOUR, event.timeZone)) return null;
    const week = addCalendarDays(thisWeek, -7);
    const weekEnd = addCalendarDays(week, 6);
    const live = event.startDate <= weekEnd && addCalendarDays(event.endDate, 7 * BRIEFING_WEEKS_AFTER_END) >= week;
    return live ? week : null;
  }

  async list(eventId: string, query: PageQuery): Promise<Page<Briefing>> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    const { skip, take } = skipTake(query);
    const [rows, total] = await this.dataSource.manager.findAndCount(BriefingEntity, { where: { eventId }, order: { seq: 'DESC' }, skip, take });
    return pageOf(await this.views(this.dataSource.manager, rows, event), total, query);
  }

  /** An organiser makes one now, covering the days since the one before. */
  async create(principal: Principal, eventId: string): Promise<Briefing> {
    return (await this.generate(principal, eventId, null)).briefing;
  }

  /** The PDF as it was made. */
  async pdf(id: string): Promise<{ briefing: BriefingEntity; event: EventEntity; data: Buffer }> {
    const briefing = await this.dataSource.manager.findOne(BriefingEntity, { where: { id } });
    if (!briefing) throw new NotFound('Briefing');
    const event = await this.events.findEvent(this.dataSource.manager, briefing.eventId);
    const data = await this.files.get(briefing.storageKey);
    if (!data) throw new NotFound('Briefing file');
    return { briefing, event, data };
  }

  /** Sends it to the coordination group: the organisers and the users of the event's member departments are notified. */
  async send(principal: Principal, id: string): Promise<Briefing> {
    const peek = await this.dataSource.manager.findOne(BriefingEntity, { where: { id } });
    if (!peek) throw new NotFound('Briefing');
    const departments = await this.problems.departments(peek.eventId);
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const briefing = await manager.findOne(BriefingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!briefing) throw new NotFound('Briefing');
      const event = await this.events.findEvent(manager, briefing.eventId);
      const organisationIds = [...new Set(departments.map((d) => d.organisationId))];
      const told = await this.notifications.notify(tx, {
        kind: 'briefing.sent',
        eventId: event.id,
        to: { organisers: true, organisationIds },
        params: { title: `${briefing.periodFrom} – ${briefing.periodTo}`, name: event.name, seq: briefing.seq },
        link: '/console',
      });
      briefing.sentAt = this.clock.now();
      briefing.sentByUserId = principal.userId;
      briefing.sentTo = told;
      await manager.save(briefing);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'briefing.sent',
        entityType: 'briefing',
        entityId: briefing.id,
        data: { eventId: event.id, seq: briefing.seq, recipients: told, departments: departments.map((d) => d.name) },
      });
      return (await this.views(manager, [briefing], event))[0];
    });
  }

  /**
   * Makes a briefing: for a week (the schedule; a week already briefed answers the one kept) or
   * on demand (the days since the one before, to today in the event's zone). The event row is
   * locked so that numbers follow one another; the PDF is stored before the row commits and
   * removed again if it does not.
   */
  private async generate(principal: Principal | null, eventId: string, week: string | null): Promise<{ briefing: Briefing; created: boolean }> {
    const stored: string[] = [];
    let written: string | null = null;
    let kept: string | null = null;
    try {
      // The unit of work answers the briefing itself: it is what an Idempotency-Key replays.
      const briefing = await this.uow.run(async (tx) => {
        const { manager } = tx;
        const event = await this.events.findEvent(manager, eventId, true);
        if (week) {
          const existing = await manager.findOne(BriefingEntity, { where: { eventId, weekStart: week } });
          if (existing) return (await this.views(manager, [existing], event))[0];
        }
        const now = this.clock.now();
        const today = dayInZone(now, event.timeZone);
        const previous = await manager.findOne(BriefingEntity, { where: { eventId }, order: { seq: 'DESC' } });
        const periodFrom = week ?? (previous ? minDay(addCalendarDays(previous.periodTo, 1), today) : minDay(event.startDate, today));
        const periodTo = week ? addCalendarDays(week, 6) : today;
        const open = await this.openProblems(eventId);
        const figures = await this.snapshot(manager, event, now, open.total);
        const seq = (previous?.seq ?? 0) + 1;
        const pdf = await renderBriefingPdf({
          eventName: event.name,
          timeZone: event.timeZone,
          seq,
          periodFrom,
          periodTo,
          createdAt: now,
          scheduled: week !== null,
          figures,
          previous: previous ? { seq: previous.seq, figures: previous.figures } : null,
          problems: open.items,
          problemsTotal: open.total,
        });
        const id = randomUUID();
        const storageKey = `briefing/${id}`;
        stored.push(storageKey);
        await this.files.put(storageKey, pdf);
        const row = await manager.save(
          manager.create(BriefingEntity, {
            id,
            eventId,
            seq,
            periodFrom,
            periodTo,
            weekStart: week,
            createdByUserId: principal?.userId ?? null,
            figures,
            storageKey,
            sha256: createHash('sha256').update(pdf).digest('hex'),
            size: pdf.length,
            sentAt: null,
            sentByUserId: null,
            sentTo: null,
          }),
        );
        await this.audit.record(manager, {
          actorUserId: principal?.userId ?? null,
          action: 'briefing.created',
          entityType: 'briefing',
          entityId: row.id,
          data: { eventId, seq, periodFrom, periodTo, weekStart: week, sha256: row.sha256, size: row.size, signedAmount: figures.headline.signed.amount },
        });
        written = storageKey;
        return (await this.views(manager, [row], event))[0];
      });
      // Committed: this attempt's file is the briefing's (a file of a rolled-back attempt is removed below).
      kept = written;
      return { briefing, created: kept !== null };
    } finally {
      for (const key of stored.filter((k) => k !== kept)) {
        await this.files.delete(key).catch((e: unknown) => this.logger.error(`briefing file ${key} left behind: ${String(e)}`));
      }
    }
  }

  /** The figures a briefing is made from: the event's whole figures now, its overdue organisations and open problems. */
  private async snapshot(manager: EntityManager, event: EventEntity, now: Date, openProblems: number): Promise<BriefingSnapshot> {
    const f = await this.figures.figures(event.id, {});
    const overdueCounts = await overdueCountsByOrganisation(manager, event.id, now);
    const names = await organisationSummaries(manager, [...overdueCounts.keys()]);
    const overdue = [...overdueCounts]
      .map(([organisationId, count]) => ({ organisationId, name: names.get(organisationId)?.name ?? '', count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN') || a.organisationId.localeCompare(b.organisationId));
    return {
      at: f.at,
      headline: f.headline,
      funnel: f.funnel,
      bySessionKind: f.bySessionKind,
      byChain: f.byChain,
      byDay: f.byDay,
      overdue,
      openProblems,
    };
  }

  /** Problems raised and not yet answered (received or routed), urgent and oldest first. */
  private async openProblems(eventId: string): Promise<{ items: Problem[]; total: number }> {
    const received = await this.problems.forEvent(eventId, { state: 'received', pageSize: BRIEFING_PROBLEMS });
    const routed = await this.problems.forEvent(eventId, { state: 'in_progress', pageSize: BRIEFING_PROBLEMS });
    const items = [...received.items, ...routed.items]
      .sort((a, b) => Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent') || a.createdAt.localeCompare(b.createdAt))
      .slice(0, BRIEFING_PROBLEMS);
    return { items, total: received.total + routed.total };
  }

  private async views(manager: EntityManager, rows: BriefingEntity[], event: EventEntity): Promise<Briefing[]> {
    const userIds = [...new Set(rows.map((r) => r.createdByUserId).filter((id): id is string => id !== null))];
    const users = userIds.length ? await manager.find(UserEntity, { where: { id: In(userIds) } }) : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return rows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      seq: r.seq,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      timeZone: event.timeZone,
      weekStart: r.weekStart,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdByUserId ? { userId: r.createdByUserId, name: names.get(r.createdByUserId) ?? '' } : null,
      headline: r.figures.headline,
      size: r.size,
      sha256: r.sha256,
      sentAt: r.sentAt?.toISOString() ?? null,
      sentTo: r.sentTo,
    }));
  }
}

const minDay = (a: string, b: string) => (a < b ? a : b);
