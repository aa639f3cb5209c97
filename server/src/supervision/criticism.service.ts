import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OUTSTANDING_OBLIGATION_STATES, type CriticismCandidate, type CriticismNotice } from '@duijie/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { isOrganiser, type Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Forbidden, InvalidInput, NotFound } from '../common/errors';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { EventsService } from '../events/events.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { ObligationEntity } from '../obligations/obligation.entity';
import { ObligationsService } from '../obligations/obligations.service';
import type { CriticismPublishDto } from './dto/supervision.dto';
import { CriticismEntryEntity, CriticismNoticeEntity } from './criticism.entity';
import { ORGANISER_LINK } from './supervision.service';
import { pages } from '../common/xlsx';
import type { EventEntity } from '../events/event.entity';
import type { CriticismExportRow } from './criticism.export';

type CandidateRow = {
  organisationId: string;
  organisationName: string;
  id: string;
  subjectTitle: string;
  step: string;
  seq: number;
  dueOn: string;
  deadlineOn: string;
};

/**
 * The event's notice of criticism (通报): organisations whose supervision notice lapsed with the
 * obligation still unfiled are its candidates; organisers publish it, naming them, to the
 * event's participants; each leaves it (整改) once everything it was named for is filed.
 */
@Injectable()
export class CriticismService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    obligations: ObligationsService,
  ) {
    obligations.onSubmitted((tx, obligation) => this.rectifyFor(tx, obligation));
  }

  async candidates(eventId: string): Promise<CriticismCandidate[]> {
    await this.events.findEvent(this.dataSource.manager, eventId);
    return this.candidatesIn(this.dataSource.manager, eventId);
  }

  private async candidatesIn(manager: EntityManager, eventId: string, organisationIds?: string[]): Promise<CriticismCandidate[]> {
    const rows: CandidateRow[] = await manager.query(
      `SELECT DISTINCT ON (o.id) o."organisationId", org.name AS "organisationName", o.id, o."subjectTitle", o.step, o.seq,
              o."dueOn"::text AS "dueOn", n."deadlineOn"::text AS "deadlineOn"
         FROM supervision_notice n
         JOIN obligation o ON o.id = n."obligationId"
         JOIN organisation org ON org.id = o."organisationId"
        WHERE n."eventId" = $1 AND n.state = 'lapsed' AND o.state = ANY($2)
          AND ($3::uuid[] IS NULL OR o."organisationId" = ANY($3::uuid[]))
          -- not named for it already on a notice it has not left
          AND NOT EXISTS (SELECT 1 FROM criticism_entry e JOIN criticism_notice cn ON cn.id = e."noticeId"
                           WHERE cn."eventId" = $1 AND e."organisationId" = o."organisationId" AND e."rectifiedAt" IS NULL
                             AND o.id = ANY(e."obligationIds"))
        ORDER BY o.id, n."deadlineOn" DESC`,
      [eventId, OUTSTANDING_OBLIGATION_STATES, organisationIds ?? null],
    );
    const byOrg = new Map<string, CriticismCandidate>();
    for (const r of rows) {
      let c = byOrg.get(r.organisationId);
      if (!c) byOrg.set(r.organisationId, (c = { organisationId: r.organisationId, organisationName: r.organisationName, obligations: [] }));
      c.obligations.push({ id: r.id, subjectTitle: r.subjectTitle, step: r.step, seq: r.seq, dueOn: r.dueOn, deadlineOn: r.deadlineOn });
    }
    const list = [...byOrg.values()];
    for (const c of list) c.obligations.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
    return list.sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'zh-CN') || a.organisationId.localeCompare(b.organisationId));
  }

  /** Publishes a notice naming candidate organisations (each for what it still owes under a lapsed notice). */
  async publish(principal: Principal, eventId: string, dto: CriticismPublishDto): Promise<CriticismNotice> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      await this.events.findEvent(manager, eventId);
      const wanted = [...new Set(dto.organisationIds)];
      const candidates = await this.candidatesIn(manager, eventId, wanted);
      const found = new Set(candidates.map((c) => c.organisationId));
      const missing = wanted.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw new InvalidInput(
          'organisationIds',
          `not candidates for the notice of criticism (no lapsed supervision notice still unfiled): ${missing.join(', ')}`,
        );
      }
      const notice = manager.create(CriticismNoticeEntity, {
        eventId,
        title: dto.title,
        body: dto.body,
        publishedByUserId: principal.userId,
        publishedAt: this.clock.now(),
      });
      await manager.save(notice);
      await manager.insert(
        CriticismEntryEntity,
        candidates.map((c) => ({ noticeId: notice.id, organisationId: c.organisationId, obligationIds: c.obligations.map((o) => o.id), rectifiedAt: null })),
      );
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'criticism.published',
        entityType: 'criticism_notice',
        entityId: notice.id,
        data: {
          eventId,
          title: dto.title,
          named: candidates.map((c) => ({ organisationId: c.organisationId, obligationIds: c.obligations.map((o) => o.id) })),
        },
      });
      await this.notifications.notify(tx, {
        kind: 'criticism.published',
        eventId,
        to: { organisationIds: candidates.map((c) => c.organisationId) },
        params: { title: dto.title },
        link: `/criticism-notices/${notice.id}`,
        dedupeKey: `criticism:${notice.id}:published`,
      });
      return (await this.views(manager, [notice]))[0];
    });
  }

  async list(principal: Principal, eventId: string): Promise<CriticismNotice[]> {
    const manager = this.dataSource.manager;
    await this.events.findEvent(manager, eventId);
    await this.assertReader(manager, principal, eventId);
    const notices = await manager.find(CriticismNoticeEntity, { where: { eventId }, order: { publishedAt: 'DESC', id: 'ASC' }, take: 200 });
    return this.views(manager, notices);
  }

  /**
   * The console's export: every notice of the event, newest first, one row per organisation named
   * (those still named first, as on the notice), read page by page.
   */
  async exportPages(eventId: string): Promise<{ event: EventEntity; count: number; pages: AsyncIterable<CriticismExportRow[]> }> {
    const manager = this.dataSource.manager;
    const event = await this.events.findEvent(manager, eventId);
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total FROM criticism_entry e JOIN criticism_notice n ON n.id = e."noticeId" WHERE n."eventId" = $1`,
      [eventId],
    );
    const read = pages((offset, limit) =>
      manager.query<CriticismExportRow[]>(
        `SELECT n.title, n.body, n."publishedAt", u."displayName" AS "publishedBy", org.name AS "organisationName", e."rectifiedAt",
                COALESCE((SELECT json_agg(json_build_object('subjectTitle', o."subjectTitle", 'step', o.step, 'seq', o.seq, 'dueOn', o."dueOn"::text)
                                          ORDER BY o."dueOn", o.seq, o.id)
                            FROM obligation o WHERE o.id = ANY(e."obligationIds")), '[]'::json) AS obligations
           FROM criticism_entry e
           JOIN criticism_notice n ON n.id = e."noticeId"
           JOIN organisation org ON org.id = e."organisationId"
           LEFT JOIN app_user u ON u.id = n."publishedByUserId"
          WHERE n."eventId" = $1
          ORDER BY n."publishedAt" DESC, n.id, e."rectifiedAt" NULLS FIRST, org.name, e."organisationId"
          LIMIT $2 OFFSET $3`,
        [eventId, limit, offset],
      ),
    );
    return { event, count: total, pages: read };
  }

  async get(principal: Principal, id: string): Promise<CriticismNotice> {
    const manager = this.dataSource.manager;
    const notice = await manager.findOne(CriticismNoticeEntity, { where: { id } });
    if (!notice) throw new NotFound('Notice of criticism');
    await this.assertReader(manager, principal, notice.eventId, true);
    return (await this.views(manager, [notice]))[0];
  }

  /** Organisers, and the event's approved participants, to whom it is published. Others: 403 on the event's list, 404 on a notice. */
  private async assertReader(manager: EntityManager, principal: Principal, eventId: string, hide = false): Promise<void> {
    if (isOrganiser(principal)) return;
    const [row]: { ok: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM participation p JOIN match_session s ON s.id = p."sessionId"
                       WHERE s."eventId" = $1 AND p."organisationId" = $2 AND p.status = 'approved') AS ok`,
      [eventId, principal.organisationId],
    );
    if (!row.ok) {
      if (hide) throw new NotFound('Notice of criticism');
      throw new Forbidden('The notice of criticism is published to the event’s participants');
    }
  }

  private async views(manager: EntityManager, notices: CriticismNoticeEntity[]): Promise<CriticismNotice[]> {
    if (notices.length === 0) return [];
    const ids = notices.map((n) => n.id);
    const meta: { id: string; publishedBy: string | null; timeZone: string }[] = await manager.query(
      `SELECT n.id, u."displayName" AS "publishedBy", ev."timeZone" FROM criticism_notice n
         JOIN match_event ev ON ev.id = n."eventId" LEFT JOIN app_user u ON u.id = n."publishedByUserId"
        WHERE n.id = ANY($1::uuid[])`,
      [ids],
    );
    const entries: { noticeId: string; organisationId: string; organisationName: string; obligationIds: string[]; rectifiedAt: Date | null }[] =
      await manager.query(
        `SELECT e."noticeId", e."organisationId", org.name AS "organisationName", e."obligationIds", e."rectifiedAt"
           FROM criticism_entry e JOIN organisation org ON org.id = e."organisationId"
          WHERE e."noticeId" = ANY($1::uuid[])
          ORDER BY e."rectifiedAt" NULLS FIRST, org.name, e."organisationId"`,
        [ids],
      );
    const obligationIds = [...new Set(entries.flatMap((e) => e.obligationIds))];
    const obligations: { id: string; subjectTitle: string; step: string; seq: number; dueOn: string; state: string }[] = obligationIds.length
      ? await manager.query(`SELECT id, "subjectTitle", step, seq, "dueOn"::text AS "dueOn", state FROM obligation WHERE id = ANY($1::uuid[])`, [obligationIds])
      : [];
    const obligationById = new Map(obligations.map((o) => [o.id, o]));
    const metaById = new Map(meta.map((m) => [m.id, m]));
    return notices.map((n) => ({
      id: n.id,
      eventId: n.eventId,
      title: n.title,
      body: n.body,
      publishedBy: metaById.get(n.id)?.publishedBy ?? null,
      publishedAt: n.publishedAt.toISOString(),
      timeZone: metaById.get(n.id)?.timeZone ?? 'Asia/Shanghai',
      entries: entries
        .filter((e) => e.noticeId === n.id)
        .map((e) => ({
          organisationId: e.organisationId,
          organisationName: e.organisationName,
          obligations: e.obligationIds.flatMap((id) => obligationById.get(id) ?? []),
          rectifiedAt: e.rectifiedAt ? new Date(e.rectifiedAt).toISOString() : null,
        })),
    }));
  }

  /** In the filing's transaction: an organisation whose every listed obligation is now filed leaves the notices naming it (整改). */
  private async rectifyFor(tx: Tx, obligation: ObligationEntity): Promise<void> {
    const { manager } = tx;
    const [rows]: [{ noticeId: string; eventId: string; title: string }[], number] = await manager.query(
      `UPDATE criticism_entry e SET "rectifiedAt" = $3
         FROM criticism_notice n
        WHERE n.id = e."noticeId" AND e."organisationId" = $1 AND e."rectifiedAt" IS NULL AND $2 = ANY(e."obligationIds")
          AND NOT EXISTS (SELECT 1 FROM obligation o WHERE o.id = ANY(e."obligationIds") AND o.state = ANY($4))
        RETURNING e."noticeId", n."eventId", n.title`,
      [obligation.organisationId, obligation.id, this.clock.now(), OUTSTANDING_OBLIGATION_STATES],
    );
    if (rows.length === 0) return;
    const [org]: { name: string }[] = await manager.query(`SELECT name FROM organisation WHERE id = $1`, [obligation.organisationId]);
    await this.audit.recordMany(
      manager,
      rows.map((r) => ({
        actorUserId: obligation.submittedByUserId,
        action: 'criticism.rectified',
        entityType: 'criticism_notice',
        entityId: r.noticeId,
        data: { organisationId: obligation.organisationId, obligationId: obligation.id },
      })),
    );
    await this.notifications.notify(
      tx,
      rows.map((r) => ({
        kind: 'criticism.rectified' as const,
        eventId: r.eventId,
        to: { organisers: true },
        params: { title: r.title, organisation: org?.name ?? '' },
        link: ORGANISER_LINK,
        dedupeKey: `criticism:${r.noticeId}:rectified:${obligation.organisationId}`,
      })),
    );
    // Rectified: the notice naming it asks nothing more of this organisation (the others named still owe).
    await this.notifications.settle(
      tx,
      rows.map((r) => `criticism:${r.noticeId}:published`),
      { organisationIds: [obligation.organisationId] },
    );
  }
}
