// The notification centre: who is told (recipients resolved to active users of approved
// organisations, organisers, named users), once per dedupe key, live to the right sockets only,
// the user's own list/count/read, and the email through a real local SMTP server.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Notification, ServerToClientEvents } from '@duijie/shared';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TestApp, type Actor } from '../testing/test-app';
import { NotificationsService, type NotifyInput } from './notifications.service';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('notifications (integration)', () => {
  let t: TestApp;
  let service: NotificationsService;
  let uow: UnitOfWork;
  let config: AppConfig;
  let organiser: Actor;
  let a: Actor;
  let b: Actor;
  let c: Actor;
  let pending: Actor;
  let eventId: string;
  const sockets: Client[] = [];
  const mails: ParsedMail[] = [];
  let smtp: SMTPServer;
  let smtpUrl: string;

  const notify = (input: NotifyInput | NotifyInput[]) => uow.run((tx) => service.notify(tx, input));
  const get = (actor: Actor, path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' });
  const post = (actor: Actor, path: string) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send({});
  const rowsOf = async (userId: string, tag: string): Promise<{ kind: string; params: Record<string, unknown> }[]> =>
    t.dataSource.query(`SELECT kind, params FROM notification WHERE "userId" = $1 AND params->>'tag' = $2`, [userId, tag]);
  const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** A second user of the actor's organisation, inactive unless told. */
  const addUser = async (organisationId: string, active: boolean): Promise<string> => {
    const [row] = await t.dataSource.query(
      `INSERT INTO app_user ("organisationId", email, "displayName", "passwordHash", role, active) VALUES ($1, $2, '李四', 'x', 'org_member', $3) RETURNING id`,
      [organisationId, `member-${randomUUID()}@test.duijie.cn`, active],
    );
    return row.id;
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            mails.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    t = await TestApp.start({ listen: true, config: { jobsPollIntervalMs: 500 } });
    service = t.app.get(NotificationsService);
    uow = t.app.get(UnitOfWork);
    config = t.app.get<AppConfig>(APP_CONFIG);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    [a, b, c, pending] = await Promise.all([
      t.organisation('enterprise'),
      t.organisation('bank'),
      t.organisation('enterprise'),
      t.organisation('enterprise', { approve: false }),
    ]);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
    config.smtpUrl = null;
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('tells the active users of approved organisations, the organisers and named users, each once', async () => {
    const inactive = await addUser(a.organisationId, false);
    const colleague = await addUser(a.organisationId, true);
    const tag = randomUUID();
    const created = await notify({
      kind: 'obligation.owed',
      eventId,
      // b is named by its organisation and by id: one row. The pending organisation's users are not told.
      to: { organisationIds: [a.organisationId, b.organisationId, pending.organisationId], userIds: [b.userId], organisers: true },
      params: { title: '技改项目贷款合同', dueOn: '2026-12-31', tag },
      link: '/my/todo',
    });
    expect(await rowsOf(a.userId, tag)).toHaveLength(1);
    expect(await rowsOf(colleague, tag)).toHaveLength(1);
    expect(await rowsOf(b.userId, tag)).toHaveLength(1);
    expect(await rowsOf(organiser.userId, tag)).toHaveLength(1);
    expect(await rowsOf(inactive, tag)).toEqual([]);
    expect(await rowsOf(pending.userId, tag)).toEqual([]);
    expect(await rowsOf(c.userId, tag)).toEqual([]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE params->>'tag' = $1`, [tag]);
    expect(created).toBe(n);
  });

  it('tells an unapproved organisation’s user only in the input that names the user by id', async () => {
    const tag = randomUUID();
    const created = await notify([
      { kind: 'obligation.owed', eventId, to: { userIds: [pending.userId] }, params: { title: '点名', tag }, link: null },
      {
        kind: 'obligation.reminder',
        eventId,
        to: { organisationIds: [pending.organisationId, a.organisationId] },
        params: { title: '按单位', tag },
        link: null,
      },
    ]);
    expect((await rowsOf(pending.userId, tag)).map((r) => r.kind)).toEqual(['obligation.owed']);
    expect((await rowsOf(a.userId, tag)).map((r) => r.kind)).toEqual(['obligation.reminder']);
    expect(created).toBeGreaterThanOrEqual(2);
  });

  it('sends to 2,000 organisations in one batch, each user told once and only its own', async () => {
    const tag = randomUUID();
    const prefix = `Z${tag.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    const orgs: { id: string }[] = await t.dataSource.query(
      `INSERT INTO organisation (name, "creditCode", kind, industry, region, size, "contactName", "contactPhone", status)
        SELECT '规模测试' || i, $1 || lpad(i::text, 9, '0'), 'enterprise', 'C31', '310000', 'small', '张三', '13800000000', 'approved'
          FROM generate_series(1, 2000) AS i RETURNING id`,
      [prefix],
    );
    await t.dataSource.query(
      `INSERT INTO app_user ("organisationId", email, "displayName", "passwordHash", role, active)
        SELECT id, 'scale-' || id || '@test.duijie.cn', '王五', 'x', 'org_member', true FROM unnest($1::uuid[]) AS id`,
      [orgs.map((o) => o.id)],
    );
    const ids = orgs.map((o) => o.id);
    // One input to them all (a survey), and one input per organisation (a sweep).
    expect(await notify({ kind: 'survey.sent', eventId, to: { organisationIds: ids }, params: { title: '融资需求调查', tag }, link: null })).toBe(2000);
    expect(
      await notify(ids.map((id) => ({ kind: 'obligation.owed' as const, eventId, to: { organisationIds: [id] }, params: { title: id, tag }, link: null }))),
    ).toBe(2000);
    const [{ users, rows, wrong }] = await t.dataSource.query(
      `SELECT count(DISTINCT n."userId")::int AS users, count(*)::int AS rows,
              count(*) FILTER (WHERE n.kind = 'obligation.owed' AND n.params->>'title' <> u."organisationId"::text)::int AS wrong
         FROM notification n JOIN app_user u ON u.id = n."userId" WHERE n.params->>'tag' = $1`,
      [tag],
    );
    expect({ users, rows, wrong }).toEqual({ users: 2000, rows: 4000, wrong: 0 });
  });

  it('notifies once per user and dedupe key, however often a sweep runs', async () => {
    const tag = randomUUID();
    const input: NotifyInput = {
      kind: 'obligation.reminder',
      eventId,
      to: { organisationIds: [c.organisationId] },
      params: { title: '季度报告', dueOn: '2026-12-31', tag },
      link: '/my/todo',
      dedupeKey: `reminder:${tag}`,
    };
    expect(await notify(input)).toBe(1);
    expect(await notify([input, input])).toBe(0);
    expect(await rowsOf(c.userId, tag)).toHaveLength(1);
    // Without a key, the same words again are a new notification.
    expect(await notify({ ...input, dedupeKey: undefined })).toBe(1);
    expect(await rowsOf(c.userId, tag)).toHaveLength(2);
  });

  it('writes nothing when the change rolls back', async () => {
    const tag = randomUUID();
    await expect(
      uow.run(async (tx) => {
        await service.notify(tx, { kind: 'agreement.signed', eventId, to: { userIds: [a.userId] }, params: { title: '回滚', tag }, link: null });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await rowsOf(a.userId, tag)).toEqual([]);
  });

  it("pushes each notification live to its recipients' sockets only, after commit", async () => {
    const connect = async (actor: Actor) => {
      const socket: Client = io(t.url!, { auth: { token: actor.token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const got: Notification[] = [];
      socket.on('notification:new', (n) => got.push(n));
      return got;
    };
    const [toA, toB, toC] = await Promise.all([connect(a), connect(b), connect(c)]);
    const tag = randomUUID();
    await notify([
      {
        kind: 'meeting.requested',
        eventId,
        to: { organisationIds: [a.organisationId] },
        params: { organisation: '某银行', title: '洽谈', tag },
        link: '/meetings',
      },
      { kind: 'agreement.signed', eventId: null, to: { userIds: [b.userId] }, params: { title: '合同', tag }, link: null },
    ]);
    await until(() => toA.length === 1 && toB.length === 1);
    expect(toA[0]).toMatchObject({ kind: 'meeting.requested', eventId, link: '/meetings', readAt: null, timeZone: 'Asia/Shanghai', params: { tag } });
    expect(toB[0]).toMatchObject({ kind: 'agreement.signed', eventId: null, timeZone: null });
    // c's socket stays silent (give a stray push time to arrive).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(toC).toEqual([]);
  });

  it("lists, counts and marks read the caller's own notifications; another user's is not found", async () => {
    const d = await t.organisation('enterprise');
    const tag = randomUUID();
    for (const title of ['一', '二', '三']) {
      await notify({ kind: 'problem.answered', eventId, to: { userIds: [d.userId] }, params: { title, tag }, link: '/problems' });
    }
    expect((await get(d, '/me/notifications/count').expect(200)).body).toEqual({ unread: 3 });
    const page = (await get(d, '/me/notifications?pageSize=2').expect(200)).body;
    expect(page.total).toBe(3);
    expect(page.items.map((n: Notification) => n.params.title)).toEqual(['三', '二']);
    const first = page.items[0] as Notification;
    // Another user cannot read it or mark it.
    await post(a, `/me/notifications/${first.id}/read`).expect(404);
    const read = (await post(d, `/me/notifications/${first.id}/read`).expect(200)).body;
    expect(read.readAt).not.toBeNull();
    // Again: no change.
    expect((await post(d, `/me/notifications/${first.id}/read`).expect(200)).body.readAt).toBe(read.readAt);
    expect((await get(d, '/me/notifications/count').expect(200)).body).toEqual({ unread: 2 });
    const unread = (await get(d, '/me/notifications?unread=true').expect(200)).body;
    expect(unread.items.map((n: Notification) => n.params.title)).toEqual(['二', '一']);
    expect((await post(d, '/me/notifications/read-all').expect(200)).body).toEqual({ unread: 0 });
    expect((await get(d, '/me/notifications?unread=true').expect(200)).body.total).toBe(0);
    expect((await get(d, '/me/notifications').expect(200)).body.total).toBe(3);
    await post(d, `/me/notifications/${randomUUID()}/read`).expect(404);
  });

  it('tells the organisers of an application and the organisation of its decision, the asked organisation of a meeting request and the asker of its answer', async () => {
    const session = await t.session(organiser, eventId, 'bank_enterprise', 'live');
    const [e, k] = await Promise.all([t.organisation('enterprise'), t.organisation('bank')]);
    await t.participate(e, organiser, session.id, 'borrower');
    await t.participate(k, organiser, session.id, 'lender');
    // This spec's event only (specs share the database).
    const kinds = async (actor: Actor) =>
      ((await get(actor, '/me/notifications?pageSize=100').expect(200)).body.items as Notification[]).filter(
        (n) => n.eventId === eventId && ['participation.applied', 'participation.decided', 'meeting.requested', 'meeting.answered'].includes(n.kind),
      );
    expect((await kinds(organiser)).filter((n) => n.kind === 'participation.applied')).toHaveLength(2);
    expect((await kinds(e)).map((n) => [n.kind, n.params.decision, n.params.title])).toEqual([['participation.decided', 'approved', session.title]]);
    const listing = (
      await t.http
        .post(`/api/sessions/${session.id}/listings`)
        .auth(k.token, { type: 'bearer' })
        .send({
          type: 'credit_offer',
          title: '抵押经营贷',
          credit: {
            amountMin: 1_000_000,
            amountMax: 50_000_000,
            totalLine: 2_000_000_000,
            termMinMonths: 6,
            termMaxMonths: 36,
            rateMinBp: 345,
            rateMaxBp: 480,
            targetIndustries: [],
            targetSizes: [],
            guaranteeRequirement: 'collateral',
          },
        })
        .expect(201)
    ).body;
    const request = (
      await t.http.post('/api/meeting-requests').auth(e.token, { type: 'bearer' }).send({ toListingId: listing.id, topic: '洽谈技改贷款' }).expect(201)
    ).body;
    const asked = (await kinds(k)).find((n) => n.kind === 'meeting.requested');
    expect(asked).toMatchObject({ eventId, link: '/my/requests', params: { title: '洽谈技改贷款' } });
    await t.http.post(`/api/meeting-requests/${request.id}/answer`).auth(k.token, { type: 'bearer' }).send({ accept: true }).expect(200);
    expect((await kinds(e)).find((n) => n.kind === 'meeting.answered')?.params).toMatchObject({ decision: 'accepted', title: '洽谈技改贷款' });
  });

  it('emails each notification once to the local SMTP server when SMTP_URL is set, and none when it is not', async () => {
    const tag = randomUUID();
    // Unset: no job, nothing sent.
    await notify({
      kind: 'obligation.returned',
      eventId,
      to: { userIds: [c.userId] },
      params: { title: '不发邮件', reason: '缺少附件', tag },
      link: '/my/todo',
    });
    config.smtpUrl = smtpUrl;
    await notify({
      kind: 'obligation.returned',
      eventId,
      to: { userIds: [c.userId] },
      params: { title: '季度报告', reason: '缺少附件', tag },
      link: '/my/todo',
    });
    await until(() => mails.some((m) => m.subject?.includes('季度报告')));
    const mail = mails.find((m) => m.subject?.includes('季度报告'))!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(c.email);
    expect(mail.subject).toBe('【对接平台】提交的材料被退回：季度报告');
    expect(mail.text).toContain('缺少附件');
    expect(mail.text).toContain(`${config.publicUrl}/my/todo`);
    const rows = await t.dataSource.query(
      `SELECT params->>'title' AS title, "emailedAt" FROM notification WHERE "userId" = $1 AND params->>'tag' = $2 ORDER BY "createdAt"`,
      [c.userId, tag],
    );
    await until(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM notification WHERE "userId" = $1 AND params->>'title' = '季度报告' AND "emailedAt" IS NOT NULL`, [c.userId]))
          .length === 1,
    );
    expect(rows.map((r: { title: string }) => r.title)).toEqual(['不发邮件', '季度报告']);
    expect(mails.filter((m) => m.subject?.includes('不发邮件'))).toEqual([]);
    expect(mails.filter((m) => m.subject?.includes('季度报告'))).toHaveLength(1);
  });
});
