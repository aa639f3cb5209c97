import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Notification, NotificationCount, NotificationKind, Page } from '@duijie/shared';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/principal';
import { Clock } from '../common/clock';
import { NotFound } from '../common/errors';
import { pageOf, skipTake } from '../common/pagination';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { JobQueue } from '../jobs/job-queue';
import { BoardPublisher } from '../realtime/board-publisher';
import type { NotificationListQueryDto } from './dto/notification.dto';

/** Who is told: the active users of these (approved) organisations, the organisers, these users. */
export type Recipients = { userIds?: string[]; organisationIds?: string[]; organisers?: boolean };

export type NotifyInput = {
  kind: NotificationKind;
  eventId: string | null;
  to: Recipients;
  params: Record<string, string | number>;
  link: string | null;
  /** Once per recipient user per key: a sweep that runs twice notifies once. */
  dedupeKey?: string;
};

/** The queue that emails a notification when SMTP is configured. */
export const EMAIL_QUEUE = 'notifications.email';

declare module '../jobs/job-queue' {
  interface JobPayloads {
    'notifications.email': { notificationId: string };
  }
}

type Row = {
  id: string;
  userId: string;
  kind: NotificationKind;
  eventId: string | null;
  params: Record<string, string | number>;
  link: string | null;
  readAt: Date | null;
  settledAt: Date | null;
  createdAt: Date;
  timeZone: string | null;
};

const MAX_LINK = 300;
const MAX_KEY = 200;

/**
 * The notification centre: capabilities tell users what they must act on or should know, inside
 * their own unit of work (`notify`); the rows commit with the change, then go live to each
 * recipient's socket room, and by email when SMTP is configured (one job per row, sent in the
 * same transaction, so a rolled-back change tells and mails nobody).
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    publisher: BoardPublisher,
  ) {
    uow.on('notification.created', (events) => publisher.publishNotifications(events.map(({ userId, notification }) => ({ userId, notification }))));
    uow.on('notification.settled', (events) => publisher.publishSettled(events.map(({ userId, ids, unread }) => ({ userId, settled: { ids, unread } }))));
  }

  /** Writes the notifications for their recipients; answers how many rows were created (duplicates by `dedupeKey` are not). */
  async notify(tx: Tx, input: NotifyInput | NotifyInput[]): Promise<number> {
    const inputs = Array.isArray(input) ? input : [input];
    if (inputs.length === 0) return 0;
    const { manager } = tx;
    const userIds = new Set<string>();
    const organisationIds = new Set<string>();
    let organisers = false;
    for (const i of inputs) {
      i.to.userIds?.forEach((id) => userIds.add(id));
      i.to.organisationIds?.forEach((id) => organisationIds.add(id));
      organisers ||= i.to.organisers === true;
    }
    if (userIds.size === 0 && organisationIds.size === 0 && !organisers) return 0;
    const users: { id: string; organisationId: string; role: string; approved: boolean }[] = await manager.query(
      `SELECT u.id, u."organisationId", u.role, o.status = 'approved' AS approved FROM app_user u JOIN organisation o ON o.id = u."organisationId"
        WHERE u.active AND (u.id::text = ANY($1) OR (o.status = 'approved' AND u."organisationId"::text = ANY($2)) OR ($3 AND u.role = 'organiser'))`,
      [[...userIds], [...organisationIds], organisers],
    );
    const cols: { userId: string[]; kind: string[]; eventId: (string | null)[]; params: string[]; link: (string | null)[]; dedupeKey: (string | null)[] } = {
      userId: [],
      kind: [],
      eventId: [],
      params: [],
      link: [],
      dedupeKey: [],
    };
    // Indexed once, so each input costs its own recipients (a survey to 2,000 organisations stays linear).
    const activeIds = new Set<string>();
    const byOrganisation = new Map<string, string[]>();
    const organiserIds: string[] = [];
    for (const u of users) {
      activeIds.add(u.id);
      // A user of an unapproved organisation is told only when named by id.
      if (u.approved) {
        const members = byOrganisation.get(u.organisationId);
        if (members) members.push(u.id);
        else byOrganisation.set(u.organisationId, [u.id]);
      }
      if (u.role === 'organiser') organiserIds.push(u.id);
    }
    for (const i of inputs) {
      const to = new Set<string>();
      for (const id of i.to.userIds ?? []) if (activeIds.has(id)) to.add(id);
      for (const id of i.to.organisationIds ?? []) for (const userId of byOrganisation.get(id) ?? []) to.add(userId);
      if (i.to.organisers) for (const id of organiserIds) to.add(id);
      for (const userId of to) {
        cols.userId.push(userId);
        cols.kind.push(i.kind);
        cols.eventId.push(i.eventId);
        cols.params.push(JSON.stringify(i.params));
        cols.link.push(i.link?.slice(0, MAX_LINK) ?? null);
        cols.dedupeKey.push(i.dedupeKey?.slice(0, MAX_KEY) ?? null);
      }
    }
    if (cols.userId.length === 0) return 0;
    const created: Row[] = await manager.query(
      `INSERT INTO notification ("userId", kind, "eventId", params, link, "dedupeKey", "createdAt")
        SELECT r."userId", r.kind, r."eventId", r.params, r.link, r."dedupeKey", $7
          FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::jsonb[], $5::varchar[], $6::varchar[]) AS r("userId", kind, "eventId", params, link, "dedupeKey")
        ON CONFLICT DO NOTHING
        RETURNING id, "userId", kind, "eventId", params, link, "readAt", "settledAt", "createdAt",
                  (SELECT e."timeZone" FROM match_event e WHERE e.id = notification."eventId") AS "timeZone"`,
      [cols.userId, cols.kind, cols.eventId, cols.params, cols.link, cols.dedupeKey, this.clock.now()],
    );
    if (created.length === 0) return 0;
    for (const row of created) tx.emit({ type: 'notification.created', userId: row.userId, notification: toView(row) });
    if (this.config.smtpUrl) {
      for (const row of created) await this.jobs.send(EMAIL_QUEUE, { notificationId: row.id }, { tx });
    }
    return created.length;
  }

  /**
   * What the notices with these keys asked for is done (by whichever user or organisation acted):
   * in the acting change's own unit of work, every unsettled one is settled for every user it
   * went to (read from now on, if it was not yet), and after commit each user's open bells drop
   * them. `only` settles just the notices of these organisations' users (a key shared by many
   * recipients, one of which acted). Unknown or already settled keys change nothing. Answers how
   * many were settled.
   */
  async settle(tx: Tx, keys: string[], only?: { organisationIds: string[] }): Promise<number> {
    const wanted = [...new Set(keys.filter((k) => k.length > 0).map((k) => k.slice(0, MAX_KEY)))];
    if (wanted.length === 0) return 0;
    // An UPDATE answers its rows and the count; `before` keeps whether each was unread.
    const [settled]: [{ id: string; userId: string; unread: boolean }[], number] = await tx.manager.query(
      `UPDATE notification n SET "settledAt" = $2, "readAt" = COALESCE(n."readAt", $2)
           FROM (SELECT id, "readAt" IS NULL AS unread FROM notification
                  WHERE "dedupeKey" = ANY($1::varchar[]) AND "dedupeKey" IS NOT NULL AND "settledAt" IS NULL
                    AND ($3::uuid[] IS NULL OR "userId" IN (SELECT id FROM app_user WHERE "organisationId" = ANY($3::uuid[])))
                  ORDER BY id FOR UPDATE) before
          WHERE n.id = before.id
          RETURNING n.id, n."userId", before.unread`,
      [wanted, this.clock.now(), only ? only.organisationIds : null],
    );
    const byUser = new Map<string, { ids: string[]; unread: number }>();
    for (const row of settled) {
      const mine = byUser.get(row.userId) ?? { ids: [], unread: 0 };
      mine.ids.push(row.id);
      if (row.unread) mine.unread += 1;
      byUser.set(row.userId, mine);
    }
    for (const [userId, { ids, unread }] of byUser) tx.emit({ type: 'notification.settled', userId, ids, unread });
    return settled.length;
  }

  /** The user's notifications, newest first; `unread` only those not read yet. */
  async list(principal: Principal, query: NotificationListQueryDto): Promise<Page<Notification>> {
    const { skip, take } = skipTake(query);
    const unread = query.unread === true;
    const [rows, [{ total }]]: [Row[], { total: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT n.id, n."userId", n.kind, n."eventId", n.params, n.link, n."readAt", n."settledAt", n."createdAt", e."timeZone"
           FROM notification n LEFT JOIN match_event e ON e.id = n."eventId"
          WHERE n."userId" = $1 AND (NOT $2 OR n."readAt" IS NULL)
          ORDER BY n."createdAt" DESC, n.id DESC OFFSET $3 LIMIT $4`,
        [principal.userId, unread, skip, take],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM notification WHERE "userId" = $1 AND (NOT $2 OR "readAt" IS NULL)`, [principal.userId, unread]),
    ]);
    return pageOf(rows.map(toView), total, query);
  }

  /** The bell's figure. */
  async count(principal: Principal): Promise<NotificationCount> {
    const [{ unread }]: { unread: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notification WHERE "userId" = $1 AND "readAt" IS NULL`,
      [principal.userId],
    );
    return { unread };
  }

  /** Marks one of the user's own notifications read (again: no change); another user's is not found. */
  async read(principal: Principal, id: string): Promise<Notification> {
    return this.uow.run(async (tx) => {
      // An UPDATE answers its rows and the count.
      const [rows]: [Row[], number] = await tx.manager.query(
        `UPDATE notification SET "readAt" = COALESCE("readAt", $3) WHERE id = $1 AND "userId" = $2
          RETURNING id, "userId", kind, "eventId", params, link, "readAt", "settledAt", "createdAt", (SELECT "timeZone" FROM match_event e WHERE e.id = "eventId") AS "timeZone"`,
        [id, principal.userId, this.clock.now()],
      );
      if (rows.length === 0) throw new NotFound('Notification');
      return toView(rows[0]);
    });
  }

  /** Marks all the user's notifications read; answers the figure after. */
  async readAll(principal: Principal): Promise<NotificationCount> {
    return this.uow.run(async (tx) => {
      await tx.manager.query(`UPDATE notification SET "readAt" = $2 WHERE "userId" = $1 AND "readAt" IS NULL`, [principal.userId, this.clock.now()]);
      return { unread: 0 };
    });
  }
}

function toView(row: Row): Notification {
  return {
    id: row.id,
    kind: row.kind,
    eventId: row.eventId,
    params: row.params,
    link: row.link,
    timeZone: row.timeZone,
    readAt: row.readAt ? new Date(row.readAt).toISOString() : null,
    settledAt: row.settledAt ? new Date(row.settledAt).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
