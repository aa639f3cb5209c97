import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  countWorkingDays,
  dayInZone,
  dueInstant,
  OPEN_SUPERVISION_STATES,
  OUTSTANDING_OBLIGATION_STATES,
  type Page,
  type SupervisionIssueResult,
  type SupervisionNotice,
  type SupervisionSkipReason,
} from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { assertVersion, Conflict, Forbidden, NotFound } from '../common/errors';
import { pageOf, skipTake } from '../common/pagination';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { EventsService } from '../events/events.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { ObligationEntity } from '../obligations/obligation.entity';
import { ObligationsService } from '../obligations/obligations.service';
import type { SupervisionAcknowledgeDto, SupervisionExportFilterDto, SupervisionIssueDto, SupervisionListQueryDto } from './dto/supervision.dto';
import type { EventEntity } from '../events/event.entity';
import { pages } from '../common/xlsx';
import { SupervisionNoticeEntity } from './supervision-notice.entity';

/** Where the owing organisation acts on what it owes, and where organisers follow it up (client paths). */
export const PARTY_LINK = '/my/todo';
export const ORGANISER_LINK = '/console';

type NoticeRow = {
  id: string;
  eventId: string;
  obligationId: string;
  organisationId: string;
  organisationName: string;
  subjectTitle: string;
  step: string;
  seq: number;
  dueOn: string;
  obligationState: string;
  note: string;
  issuedBy: string | null;
  deadlineOn: string;
  deadlineAt: Date;
  deadlineProvisional: boolean;
  timeZone: string;
  state: SupervisionNotice['state'];
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  lapsedAt: Date | null;
  version: number;
  createdAt: Date;
};

const NOTICE_SELECT = `
  SELECT n.id, n."eventId", n."obligationId", n."organisationId", org.name AS "organisationName",
         o."subjectTitle", o.step, o.seq, o."dueOn"::text AS "dueOn", o.state AS "obligationState",
         n.note, iu."displayName" AS "issuedBy", n."deadlineOn"::text AS "deadlineOn", n."deadlineAt", n."deadlineProvisional",
         ev."timeZone", n.state, n."acknowledgedAt", au."displayName" AS "acknowledgedBy", n."resolvedAt", n."lapsedAt",
         n.version, n."createdAt"
    FROM supervision_notice n
    JOIN obligation o ON o.id = n."obligationId"
    JOIN organisation org ON org.id = n."organisationId"
    JOIN match_event ev ON ev.id = n."eventId"
    LEFT JOIN app_user iu ON iu.id = n."issuedByUserId"
    LEFT JOIN app_user au ON au.id = n."acknowledgedByUserId"`;

/**
 * Supervision notices (督办单): organisers put overdue obligations under a new deadline, in bulk;
 * the owing organisation acknowledges; filing resolves it (ObligationsService.onSubmitted); the
 * sweep lapses it once its deadline passes (LadderService). Every step is audited and notified.
 */
@Injectable()
export class SupervisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    obligations: ObligationsService,
  ) {
    obligations.onSubmitted((tx, obligation) => this.resolveFor(tx, obligation));
  }

  /** Issues a notice for each overdue obligation of the event that has no open notice; says which were skipped. */
  async issue(principal: Principal, eventId: string, dto: SupervisionIssueDto): Promise<SupervisionIssueResult> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const event = await this.events.findEvent(manager, eventId);
      const ids = [...new Set(dto.obligationIds)];
      const now = this.clock.now();
      const rows: { id: string; organisationId: string; state: string; dueAt: Date; subjectTitle: string }[] = await manager.query(
        `SELECT o.id, o."organisationId", o.state, o."dueAt", o."subjectTitle" FROM obligation o
          WHERE o.id = ANY($1::uuid[]) AND o."eventId" = $2 ORDER BY o.id FOR UPDATE`,
        [ids, eventId],
      );
      const open: { obligationId: string }[] = await manager.query(
        `SELECT "obligationId" FROM supervision_notice WHERE "obligationId" = ANY($1::uuid[]) AND state = ANY($2)`,
        [ids, OPEN_SUPERVISION_STATES],
      );
      const underNotice = new Set(open.map((r) => r.obligationId));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const skipped: { obligationId: string; reason: SupervisionSkipReason }[] = [];
      const chosen: typeof rows = [];
      for (const id of ids) {
        const o = byId.get(id);
        if (!o) skipped.push({ obligationId: id, reason: 'not_found' });
        else if (!OUTSTANDING_OBLIGATION_STATES.includes(o.state as ObligationEntity['state']) || new Date(o.dueAt).getTime() > now.getTime())
          skipped.push({ obligationId: id, reason: 'not_overdue' });
        else if (underNotice.has(id)) skipped.push({ obligationId: id, reason: 'under_notice' });
        else chosen.push(o);
      }
      if (chosen.length === 0) return { issued: [], skipped };
      const deadline = countWorkingDays(dayInZone(now, event.timeZone), dto.workingDays);
      const deadlineAt = dueInstant(deadline.day, event.timeZone);
      const note = dto.note ?? '';
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(SupervisionNoticeEntity)
        .values(
          chosen.map((o) => ({
            eventId,
            obligationId: o.id,
            organisationId: o.organisationId,
            issuedByUserId: principal.userId,
            note,
            deadlineOn: deadline.day,
            deadlineAt,
            deadlineProvisional: deadline.provisional,
            state: 'issued' as const,
            version: 1,
          })),
        )
        .returning(['id', 'obligationId'])
        .execute();
      const noticeIds = (inserted.raw as { id: string; obligationId: string }[]).map((r) => r.id);
      const obligationOf = new Map((inserted.raw as { id: string; obligationId: string }[]).map((r) => [r.id, byId.get(r.obligationId)!]));
      await this.audit.recordMany(
        manager,
        noticeIds.map((id) => {
          const o = obligationOf.get(id)!;
          return {
            actorUserId: principal.userId,
            action: 'supervision.issued',
            entityType: 'supervision_notice',
            entityId: id,
            data: { obligationId: o.id, organisationId: o.organisationId, deadlineOn: deadline.day, workingDays: dto.workingDays, ...(note ? { note } : {}) },
          };
        }),
      );
      await this.notifications.notify(
        tx,
        noticeIds.map((id) => {
          const o = obligationOf.get(id)!;
          return {
            kind: 'supervision.issued' as const,
            eventId,
            to: { organisationIds: [o.organisationId] },
            params: { title: o.subjectTitle, deadlineOn: deadline.day },
            link: PARTY_LINK,
            dedupeKey: `supervision:${id}:issued`,
          };
        }),
      );
      return { issued: await this.views(manager, noticeIds), skipped };
    });
  }

  /** The owing organisation acknowledges an issued notice, on the version it read; a retry by the same user is a no-op. */
  async acknowledge(principal: Principal, id: string, dto: SupervisionAcknowledgeDto): Promise<SupervisionNotice> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const notice = await manager.findOne(SupervisionNoticeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!notice) throw new NotFound('Supervision notice');
      if (notice.organisationId !== principal.organisationId) throw new Forbidden('Only the organisation under supervision acknowledges the notice');
      if (notice.state === 'acknowledged' && notice.version === dto.version + 1 && notice.acknowledgedByUserId === principal.userId) {
        return (await this.views(manager, [id]))[0];
      }
      assertVersion(notice.version, dto.version, 'The supervision notice');
      if (notice.state !== 'issued') throw new Conflict('not_open', `This supervision notice is ${notice.state}; only an issued notice is acknowledged`);
      notice.state = 'acknowledged';
      notice.acknowledgedAt = this.clock.now();
      notice.acknowledgedByUserId = principal.userId;
      notice.version += 1;
      await manager.save(notice);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'supervision.acknowledged',
        entityType: 'supervision_notice',
        entityId: id,
        data: { obligationId: notice.obligationId, organisationId: notice.organisationId },
      });
      await this.notifications.settle(tx, [`supervision:${id}:issued`]);
      const [view] = await this.views(manager, [id]);
      await this.notifications.notify(tx, {
        kind: 'supervision.acknowledged',
        eventId: notice.eventId,
        to: { organisers: true },
        params: { title: view.subjectTitle, organisation: view.organisationName, deadlineOn: view.deadlineOn },
        link: ORGANISER_LINK,
        dedupeKey: `supervision:${id}:acknowledged`,
      });
      return view;
    });
  }

  /** The caller's organisation's notices still to act on: issued, acknowledged, or lapsed with the obligation unfiled. */
  async mine(principal: Principal): Promise<SupervisionNotice[]> {
    const rows: NoticeRow[] = await this.dataSource.query(
      `${NOTICE_SELECT}
        WHERE n."organisationId" = $1 AND (n.state = ANY($2) OR (n.state = 'lapsed' AND o.state = ANY($3)))
        ORDER BY n."deadlineAt", n.id`,
      [principal.organisationId, OPEN_SUPERVISION_STATES, OUTSTANDING_OBLIGATION_STATES],
    );
    return rows.map(toNotice);
  }

  /** An event's notices for organisers, newest first, by state. */
  async forEvent(eventId: string, query: SupervisionListQueryDto): Promise<Page<SupervisionNotice>> {
    await this.events.findEvent(this.dataSource.manager, eventId);
    const { skip, take } = skipTake(query);
    const filter = query.state ? `AND n.state = $2` : `AND $2::varchar IS NULL`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM supervision_notice n WHERE n."eventId" = $1 ${filter}`,
      [eventId, query.state ?? null],
    );
    const rows: NoticeRow[] = await this.dataSource.query(
      `${NOTICE_SELECT} WHERE n."eventId" = $1 ${filter} ORDER BY n."createdAt" DESC, n.id LIMIT $3 OFFSET $4`,
      [eventId, query.state ?? null, take, skip],
    );
    return pageOf(rows.map(toNotice), total, query);
  }

  /** The event's notices for the organisers' export, filtered and ordered like the list: the event, how many, then page by page. */
  async exportPages(
    eventId: string,
    query: SupervisionExportFilterDto,
  ): Promise<{ event: EventEntity; count: number; pages: AsyncIterable<SupervisionNotice[]> }> {
    const event = await this.events.findEvent(this.dataSource.manager, eventId);
    const filter = query.state ? `AND n.state = $2` : `AND $2::varchar IS NULL`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM supervision_notice n WHERE n."eventId" = $1 ${filter}`,
      [eventId, query.state ?? null],
    );
    const read = pages(async (offset, limit) => {
      const rows: NoticeRow[] = await this.dataSource.query(
        `${NOTICE_SELECT} WHERE n."eventId" = $1 ${filter} ORDER BY n."createdAt" DESC, n.id LIMIT $3 OFFSET $4`,
        [eventId, query.state ?? null, limit, offset],
      );
      return rows.map(toNotice);
    });
    return { event, count: total, pages: read };
  }

  async views(manager: EntityManager, ids: string[]): Promise<SupervisionNotice[]> {
    if (ids.length === 0) return [];
    const rows: NoticeRow[] = await manager.query(`${NOTICE_SELECT} WHERE n.id = ANY($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, toNotice(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** In the filing's transaction: its open notice is resolved. */
  private async resolveFor(tx: Tx, obligation: ObligationEntity): Promise<void> {
    const [rows]: [{ id: string }[], number] = await tx.manager.query(
      `UPDATE supervision_notice SET state = 'resolved', "resolvedAt" = $2, version = version + 1
        WHERE "obligationId" = $1 AND state = ANY($3) RETURNING id`,
      [obligation.id, this.clock.now(), OPEN_SUPERVISION_STATES],
    );
    await this.audit.recordMany(
      tx.manager,
      rows.map((r) => ({
        actorUserId: obligation.submittedByUserId,
        action: 'supervision.resolved',
        entityType: 'supervision_notice',
        entityId: r.id,
        data: { obligationId: obligation.id, organisationId: obligation.organisationId },
      })),
    );
    await this.settleFor(tx, obligation.id);
  }

  /**
   * Filed: what the ladder asked about this obligation is done, for everyone told. Its reminders
   * and overdue marks (for every due day it had), its notices' 督办 to the party and their lapse
   * to organisers.
   */
  private async settleFor(tx: Tx, obligationId: string): Promise<void> {
    const marks: { kind: string; dueOn: string }[] = await tx.manager.query(
      `SELECT kind, "dueOn"::text AS "dueOn" FROM obligation_mark WHERE "obligationId" = $1`,
      [obligationId],
    );
    const notices: { id: string }[] = await tx.manager.query(`SELECT id FROM supervision_notice WHERE "obligationId" = $1`, [obligationId]);
    await this.notifications.settle(tx, [
      ...marks.map((m) => `obligation:${obligationId}:${m.kind}:${m.dueOn}`),
      ...notices.flatMap((n) => [`supervision:${n.id}:issued`, `supervision:${n.id}:lapsed`]),
    ]);
  }
}

export function toNotice(r: NoticeRow): SupervisionNotice {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: r.id,
    eventId: r.eventId,
    obligationId: r.obligationId,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    subjectTitle: r.subjectTitle,
    step: r.step,
    seq: r.seq,
    dueOn: r.dueOn,
    obligationState: r.obligationState,
    note: r.note,
    issuedBy: r.issuedBy,
    deadlineOn: r.deadlineOn,
    deadlineAt: new Date(r.deadlineAt).toISOString(),
    deadlineProvisional: r.deadlineProvisional,
    timeZone: r.timeZone,
    state: r.state,
    acknowledgedAt: iso(r.acknowledgedAt),
    acknowledgedBy: r.acknowledgedBy,
    resolvedAt: iso(r.resolvedAt),
    lapsedAt: iso(r.lapsedAt),
    version: r.version,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
