import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  dayInZone,
  dueInstant,
  LIAISON_HORIZON,
  OUTSTANDING_OBLIGATION_STATES,
  reportDueDay,
  type Cadence,
  type Liaison,
  type LiaisonCadence,
  type LiaisonReport,
  type MyLiaisonReports,
  type Page,
} from '@duijie/shared';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { pageOf, skipTake } from '../common/pagination';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { EventsService } from '../events/events.service';
import { JobQueue } from '../jobs/job-queue';
import { NotificationsService } from '../notifications/notifications.service';
import { ObligationsService } from '../obligations/obligations.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';
import { LiaisonDesignationEntity, LiaisonReportEntity } from './coordination.entities';
import type { LiaisonDto, LiaisonReportDto, LiaisonReportExportFilterDto, LiaisonReportListQueryDto, UrgentLiaisonReportDto } from './dto/coordination.dto';
import type { EventEntity } from '../events/event.entity';
import { pages } from '../common/xlsx';
import { isApprovedParticipant, urgentPushAllowed } from './problems.service';

/** Calendar cadences, counted from the designation's day and rolled to the next working day (as agreements' reports). */
export const LIAISON_CADENCE: Record<LiaisonCadence, Cadence> = {
  weekly: { every: 1, unit: 'week' },
  biweekly: { every: 2, unit: 'week' },
  monthly: { every: 1, unit: 'month' },
};

/** Reports owed in one pass at most (a designation whose reports were not owed for a long time catches up over passes). */
const MAX_OWED_PER_PASS = 60;

export const LIAISON_RECONCILE = 'coordination.liaison-reconcile';

declare module '../jobs/job-queue' {
  interface JobPayloads {
    'coordination.liaison-reconcile': Record<string, never>;
  }
}

const subjectOf = (id: string) => ({ type: 'liaison', id });

/**
 * An urgent report goes to organisers at once, in the key enterprise's name: the liaison officer
 * designated files it, and so may the organisation's administrator (organisations change people:
 * the officer may be away or gone before organisers designate another). Other members file the
 * reports owed on the cadence, not urgent ones.
 */
function assertFilesUrgently(principal: Principal, designation: LiaisonDesignationEntity): void {
  if (principal.userId === designation.userId || principal.role === 'org_admin') return;
  throw new Forbidden("An urgent report is filed by the organisation's designated liaison officer or its administrator");
}

type ReportRow = Omit<LiaisonReport, 'createdAt'> & { createdAt: Date };

/**
 * Key enterprises' liaison officers (联络员): organisers designate them; each owes an operating
 * report on its cadence (obligations of kind liaison_report, a bounded number ahead, the next
 * ones owed as reports are filed and by a daily pass), and may report urgently at any time, which
 * organisers are told of at once.
 */
@Injectable()
export class LiaisonService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly obligations: ObligationsService,
    private readonly notifications: NotificationsService,
    jobs: JobQueue,
  ) {
    jobs.register(LIAISON_RECONCILE, () => this.reconcileAll(), { retryLimit: 2, expireInSeconds: 600 });
    jobs.schedule(LIAISON_RECONCILE, '30 0 * * *', {}, { tz: 'Asia/Shanghai' });
  }

  async list(eventId: string): Promise<Liaison[]> {
    await this.events.findEvent(this.dataSource.manager, eventId);
    return this.views(this.dataSource.manager, eventId);
  }

  /** Designates (or changes, or restarts) a key enterprise's liaison officer and cadence. */
  async designate(principal: Principal, eventId: string, organisationId: string, dto: LiaisonDto): Promise<Liaison> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const event = await this.events.findEvent(manager, eventId);
      const organisation = await manager.findOne(OrganisationEntity, { where: { id: organisationId } });
      if (!organisation || organisation.kind === 'organiser') throw new NotFound('Organisation');
      if (!(await isApprovedParticipant(manager, eventId, organisationId))) {
        throw new InvalidInput('organisationId', 'is not an approved participant of the event');
      }
      const user = await manager.findOne(UserEntity, { where: { id: dto.userId } });
      if (!user || user.organisationId !== organisationId || !user.active) throw new InvalidInput('userId', 'must be an active user of the enterprise');
      const today = dayInZone(this.clock.now(), event.timeZone);
      let designation = await manager.findOne(LiaisonDesignationEntity, { where: { eventId, organisationId }, lock: { mode: 'pessimistic_write' } });
      const before = designation ? { userId: designation.userId, cadence: designation.cadence, stopped: designation.stoppedAt !== null } : null;
      if (!designation) {
        designation = manager.create(LiaisonDesignationEntity, {
          eventId,
          organisationId,
          userId: dto.userId,
          cadence: dto.cadence,
          anchorDay: today,
          stoppedAt: null,
          version: 1,
        });
      } else {
        if (before && !before.stopped && before.userId === dto.userId && before.cadence === dto.cadence) return this.view(manager, designation.id);
        // A new cadence or a restart counts from today; the reports owed on the old cadence are no longer owed.
        if (before?.stopped || before?.cadence !== dto.cadence) {
          designation.anchorDay = today;
          if (!before?.stopped) await this.obligations.waive(tx, subjectOf(designation.id), 'cadence_changed', principal.userId);
        }
        designation.userId = dto.userId;
        designation.cadence = dto.cadence;
        designation.stoppedAt = null;
        designation.version += 1;
      }
      designation = await manager.save(designation);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'liaison.designated',
        entityType: 'liaison_designation',
        entityId: designation.id,
        data: { eventId, organisationId, userId: dto.userId, cadence: dto.cadence, ...(before ? { before } : {}) },
      });
      await this.reconcile(tx, designation, principal.userId);
      return this.view(manager, designation.id);
    });
  }

  /** Stops it: the reports not filed are no longer owed. */
  async stop(principal: Principal, eventId: string, organisationId: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const { manager } = tx;
      const designation = await manager.findOne(LiaisonDesignationEntity, {
        where: { eventId, organisationId, stoppedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!designation) throw new NotFound('Liaison designation');
      designation.stoppedAt = this.clock.now();
      designation.version += 1;
      await manager.save(designation);
      const waived = await this.obligations.waive(tx, subjectOf(designation.id), 'liaison_stopped', principal.userId);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'liaison.stopped',
        entityType: 'liaison_designation',
        entityId: designation.id,
        data: { eventId, organisationId, waived },
      });
    });
  }

  /** Files an operating report the caller's organisation owes; an urgent one is told to organisers at once. */
  async file(principal: Principal, obligationId: string, dto: LiaisonReportDto): Promise<LiaisonReport> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const peek = await this.obligations.get(manager, obligationId);
      this.obligations.assertOwner(principal, peek);
      if (peek.kind !== 'liaison_report') throw new Conflict('not_owed', 'This is not an operating report; file it where it belongs');
      const designation = await manager.findOne(LiaisonDesignationEntity, { where: { id: peek.subjectId }, lock: { mode: 'pessimistic_write' } });
      if (!designation) throw new NotFound('Liaison designation');
      if (dto.urgent) assertFilesUrgently(principal, designation);
      const { obligation, replay } = await this.obligations.submit(tx, await this.obligations.lock(manager, obligationId), principal, dto.version);
      if (replay) {
        const filed = await manager.findOne(LiaisonReportEntity, { where: { obligationId }, order: { createdAt: 'DESC' } });
        if (filed) return this.reportView(manager, filed.id);
      }
      const report = await this.insertReport(tx, principal, designation, obligation.id, dto, dto.urgent);
      await this.reconcile(tx, designation, principal.userId);
      return report;
    });
  }

  /** An urgent report outside the cadence, by the liaison officer of a key enterprise of the event (or its administrator). */
  async fileUrgent(principal: Principal, eventId: string, dto: UrgentLiaisonReportDto): Promise<LiaisonReport> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      await this.events.findEvent(manager, eventId);
      const designation = await manager.findOne(LiaisonDesignationEntity, {
        where: { eventId, organisationId: principal.organisationId, stoppedAt: IsNull() },
      });
      if (!designation) throw new Forbidden('Only a key enterprise of the event, through its liaison, files an operating report');
      assertFilesUrgently(principal, designation);
      return this.insertReport(tx, principal, designation, null, dto, true);
    });
  }

  private async insertReport(
    tx: Tx,
    principal: Principal,
    designation: LiaisonDesignationEntity,
    obligationId: string | null,
    dto: UrgentLiaisonReportDto,
    urgent: boolean,
  ): Promise<LiaisonReport> {
    const { manager } = tx;
    const saved = await manager.save(
      manager.create(LiaisonReportEntity, {
        eventId: designation.eventId,
        organisationId: designation.organisationId,
        obligationId,
        filedByUserId: principal.userId,
        production: dto.production,
        sales: dto.sales,
        inventory: dto.inventory,
        capital: dto.capital,
        transport: dto.transport,
        difficulties: dto.difficulties,
        urgent,
        createdAt: this.clock.now(),
      }),
    );
    await this.audit.record(manager, {
      actorUserId: principal.userId,
      action: 'liaison.report_filed',
      entityType: 'liaison_report',
      entityId: saved.id,
      data: { eventId: designation.eventId, organisationId: designation.organisationId, obligationId, urgent },
    });
    const report = await this.reportView(manager, saved.id);
    if (urgent && (await urgentPushAllowed(manager, 'liaison_report', designation.eventId, designation.organisationId, saved.createdAt))) {
      await this.notifications.notify(tx, {
        kind: 'liaison.urgent',
        eventId: designation.eventId,
        to: { organisers: true },
        params: { name: report.organisationName, organisation: report.organisationName, title: (report.difficulties || report.production).slice(0, 80) },
        link: '/console',
        dedupeKey: `liaison.urgent:${saved.id}`,
      });
    }
    return report;
  }

  /**
   * Owes the reports due so far (or up to the last one filed) and LIAISON_HORIZON more, counted
   * from the designation's day on its cadence; idempotent (owing a report twice is the same row).
   */
  async reconcile(tx: Tx, designation: LiaisonDesignationEntity, actorUserId: string | null): Promise<number> {
    if (designation.stoppedAt) return 0;
    const { manager } = tx;
    const event = await this.events.findEvent(manager, designation.eventId);
    const organisation = await manager.findOneOrFail(OrganisationEntity, { where: { id: designation.organisationId } });
    const owed = await this.obligations.forSubject(manager, subjectOf(designation.id));
    const today = dayInZone(this.clock.now(), event.timeZone);
    const cadence = LIAISON_CADENCE[designation.cadence];
    const live = owed.filter((o) => o.state !== 'waived');
    const maxSeq = owed.reduce((m, o) => Math.max(m, o.seq), 0);
    // This anchor's next report: the first day on the cadence after the last one owed.
    const lastDue = live.reduce<string>((m, o) => (o.dueOn > m ? o.dueOn : m), designation.anchorDay);
    let n = 1;
    while (reportDueDay(designation.anchorDay, cadence, n).day <= lastDue) n += 1;
    let ahead = live.filter((o) => OUTSTANDING_OBLIGATION_STATES.includes(o.state) && o.dueOn > today).length;
    let seq = maxSeq;
    let created = 0;
    while (created < MAX_OWED_PER_PASS) {
      const { day, provisional } = reportDueDay(designation.anchorDay, cadence, n);
      // Everything due by today is owed; beyond it, LIAISON_HORIZON reports ahead.
      if (day > today && ahead >= LIAISON_HORIZON) break;
      seq += 1;
      await this.obligations.owe(tx, {
        kind: 'liaison_report',
        eventId: designation.eventId,
        sessionId: null,
        organisationId: designation.organisationId,
        subject: { ...subjectOf(designation.id), title: organisation.name, step: 'operating', seq },
        due: { dueOn: day, dueAt: dueInstant(day, event.timeZone), provisional },
        actorUserId,
      });
      if (day > today) ahead += 1;
      created += 1;
      n += 1;
    }
    return created;
  }

  /** The daily pass: every active designation owes what has come due. */
  async reconcileAll(): Promise<number> {
    const ids = await this.dataSource.manager.find(LiaisonDesignationEntity, { where: { stoppedAt: IsNull() }, select: { id: true } });
    let created = 0;
    for (const { id } of ids) {
      created += await this.uow.run(async (tx) => {
        const designation = await tx.manager.findOne(LiaisonDesignationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        return designation ? this.reconcile(tx, designation, null) : 0;
      });
    }
    return created;
  }

  /** The key enterprises and their liaison officers for the export (one row per designation, as the list). */
  async exportLiaisons(eventId: string): Promise<{ event: EventEntity; rows: Liaison[] }> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    return { event, rows: await this.views(this.dataSource.manager, eventId) };
  }

  async reports(eventId: string, query: LiaisonReportListQueryDto): Promise<Page<LiaisonReport>> {
    await this.events.findEvent(this.dataSource.manager, eventId);
    const { clause, params } = this.reportFilter(eventId, query);
    const [{ total }] = await this.dataSource.query<{ total: string }[]>(`SELECT count(*) AS total FROM liaison_report r WHERE ${clause}`, params);
    const { skip, take } = skipTake(query);
    const items = await this.reportRows(this.dataSource.manager, `${clause} ORDER BY r."createdAt" DESC, r.id OFFSET ${skip} LIMIT ${take}`, params);
    return pageOf(items, Number(total), query);
  }

  /** The operating reports the list's filter keeps, newest first, page by page, for the export. */
  async exportReports(
    eventId: string,
    query: LiaisonReportExportFilterDto,
  ): Promise<{ event: EventEntity; count: number; pages: AsyncIterable<LiaisonReport[]> }> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    const { clause, params } = this.reportFilter(eventId, query);
    const [{ total }] = await this.dataSource.query<{ total: string }[]>(`SELECT count(*) AS total FROM liaison_report r WHERE ${clause}`, params);
    const read = pages((offset, limit) =>
      this.reportRows(this.dataSource.manager, `${clause} ORDER BY r."createdAt" DESC, r.id OFFSET ${Number(offset)} LIMIT ${Number(limit)}`, params),
    );
    return { event, count: Number(total), pages: read };
  }

  private reportFilter(eventId: string, query: LiaisonReportExportFilterDto): { clause: string; params: unknown[] } {
    const where = ['r."eventId" = $1'];
    const params: unknown[] = [eventId];
    if (query.organisationId) {
      params.push(query.organisationId);
      where.push(`r."organisationId" = $${params.length}`);
    }
    if (query.urgent !== undefined) {
      params.push(query.urgent);
      where.push(`r.urgent = $${params.length}`);
    }
    return { clause: where.join(' AND '), params };
  }

  /** The caller's organisation's operating reports owed (its 待办's part) and the last ones it filed. */
  async mine(principal: Principal): Promise<MyLiaisonReports> {
    const owed = (await this.obligations.mine(principal)).filter((o) => o.kind === 'liaison_report');
    const filed = await this.reportRows(this.dataSource.manager, `r."organisationId" = $1 ORDER BY r."createdAt" DESC, r.id LIMIT 50`, [
      principal.organisationId,
    ]);
    return { owed, filed };
  }

  private async view(manager: EntityManager, id: string): Promise<Liaison> {
    const designation = await manager.findOneOrFail(LiaisonDesignationEntity, { where: { id } });
    return (await this.views(manager, designation.eventId)).find((l) => l.organisationId === designation.organisationId)!;
  }

  private async views(manager: EntityManager, eventId: string): Promise<Liaison[]> {
    const rows = await manager.query<
      (Omit<Liaison, 'reportsFiled' | 'overdue' | 'lastReportAt' | 'lastUrgentAt'> & {
        reportsFiled: string;
        overdue: string;
        lastReportAt: Date | null;
        lastUrgentAt: Date | null;
      })[]
    >(
      `SELECT l."eventId", l."organisationId", o.name AS "organisationName", l."userId", u."displayName" AS "userName", l.cadence,
              l."anchorDay"::text AS since, l.version, e."timeZone",
              (SELECT count(*) FROM liaison_report r WHERE r."eventId" = l."eventId" AND r."organisationId" = l."organisationId") AS "reportsFiled",
              (SELECT max(r."createdAt") FROM liaison_report r WHERE r."eventId" = l."eventId" AND r."organisationId" = l."organisationId") AS "lastReportAt",
              (SELECT max(r."createdAt") FROM liaison_report r WHERE r."eventId" = l."eventId" AND r."organisationId" = l."organisationId" AND r.urgent) AS "lastUrgentAt",
              (SELECT min(ob."dueOn")::text FROM obligation ob WHERE ob."subjectType" = 'liaison' AND ob."subjectId" = l.id AND ob.state IN ('open', 'returned')) AS "nextDueOn",
              (SELECT count(*) FROM obligation ob WHERE ob."subjectType" = 'liaison' AND ob."subjectId" = l.id AND ob.state IN ('open', 'returned') AND ob."dueAt" <= $2) AS overdue
         FROM liaison_designation l
         JOIN organisation o ON o.id = l."organisationId"
         JOIN app_user u ON u.id = l."userId"
         JOIN match_event e ON e.id = l."eventId"
        WHERE l."eventId" = $1 AND l."stoppedAt" IS NULL
        ORDER BY o.name`,
      [eventId, this.clock.now()],
    );
    return rows.map((r) => ({
      ...r,
      reportsFiled: Number(r.reportsFiled),
      overdue: Number(r.overdue),
      lastReportAt: r.lastReportAt?.toISOString() ?? null,
      lastUrgentAt: r.lastUrgentAt?.toISOString() ?? null,
    }));
  }

  private async reportView(manager: EntityManager, id: string): Promise<LiaisonReport> {
    const [report] = await this.reportRows(manager, 'r.id = $1', [id]);
    if (!report) throw new NotFound('Liaison report');
    return report;
  }

  private async reportRows(manager: EntityManager, where: string, params: unknown[]): Promise<LiaisonReport[]> {
    const rows = await manager.query<ReportRow[]>(
      `SELECT r.id, r."eventId", e."timeZone", r."organisationId", o.name AS "organisationName", u."displayName" AS "filedBy",
              r."obligationId", ob."dueOn"::text AS "dueOn", r.production, r.sales, r.inventory, r.capital, r.transport, r.difficulties,
              r.urgent, r."createdAt"
         FROM liaison_report r
         JOIN match_event e ON e.id = r."eventId"
         JOIN organisation o ON o.id = r."organisationId"
         LEFT JOIN app_user u ON u.id = r."filedByUserId"
         LEFT JOIN obligation ob ON ob.id = r."obligationId"
        WHERE ${where}`,
      params,
    );
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }
}
