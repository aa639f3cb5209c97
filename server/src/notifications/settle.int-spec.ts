// Settling: a notice that asks someone to act stops counting as unread for everyone it went to
// once anyone has acted (decided, answered, signed, filed), in the acting change's transaction,
// and the open bells of those users drop it live.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Agreement, AgreementFollowUp, ClientToServerEvents, NotificationsSettled, Obligation, ServerToClientEvents } from '@duijie/shared';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { LadderService } from '../supervision/ladder.service';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { NotificationsService } from './notifications.service';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Row = { id: string; userId: string; readAt: Date | null; settledAt: Date | null };

describe('settling the notices that ask someone to act (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let ladder: LadderService;
  let service: NotificationsService;
  let uow: UnitOfWork;
  let organiser: Actor;
  let secondOrganiser: string;
  let enterprise: Actor;
  let bank: Actor;
  let eventId: string;
  let sessionId: string;
  const sockets: Client[] = [];

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const rows = (dedupeKey: string): Promise<Row[]> =>
    t.dataSource.query(`SELECT id, "userId", "readAt", "settledAt" FROM notification WHERE "dedupeKey" = $1 ORDER BY id`, [dedupeKey]);
  const usersOf = async (organisationId: string): Promise<string[]> =>
    (await t.dataSource.query(`SELECT id FROM app_user WHERE "organisationId" = $1 AND active ORDER BY id`, [organisationId])).map((r: { id: string }) => r.id);
  const unread = async (actor: Actor): Promise<number> => (await as(actor).get('/me/notifications/count').expect(200)).body.unread;
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  const until = async (check: () => boolean, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** The `notification:settled` pushes the actor's socket receives from now on. */
  const listen = async (actor: Actor): Promise<NotificationsSettled[]> => {
    const socket: Client = io(t.url!, { auth: { token: actor.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const got: NotificationsSettled[] = [];
    socket.on('notification:settled', (settled) => got.push(settled));
    return got;
  };

  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
    clock = t.app.get(Clock);
    ladder = t.app.get(LadderService);
    service = t.app.get(NotificationsService);
    uow = t.app.get(UnitOfWork);
    organiser = await t.organiser();
    // A second organiser of the platform: told of every application, as the first is.
    [{ id: secondOrganiser }] = await t.dataSource.query(
      `INSERT INTO app_user ("organisationId", email, "displayName", "passwordHash", role, active) VALUES ($1, $2, '第二组织者', 'x', 'organiser', true) RETURNING id`,
      [organiser.organisationId, `organiser-${randomUUID()}@test.duijie.cn`],
    );
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    [enterprise, bank] = await Promise.all([t.organisation('enterprise'), t.organisation('bank')]);
    await t.participate(enterprise, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    for (const a of [enterprise, bank]) await as(a).post('/auth/step-up', { password: PASSWORD }).expect(200);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(() => t.close());

  it('settles the organisers’ notice of an application for every organiser once one of them approves it, and drops it from their open bells', async () => {
    const pushes = await listen(organiser);
    const newcomer = await t.organisation('enterprise');
    const applied = (await as(newcomer).post(`/sessions/${sessionId}/participants`, { role: 'borrower' }).expect(201)).body;
    const key = `participation:${applied.id}:applied`;
    const told = await rows(key);
    expect(told.map((r) => r.userId)).toEqual(expect.arrayContaining([organiser.userId, secondOrganiser]));
    expect(told.every((r) => r.readAt === null && r.settledAt === null)).toBe(true);
    const mine = told.find((r) => r.userId === organiser.userId)!;
    // Other specs tell organisers too (one database): look for this notice, not at the figure.
    const unreadIds = async () =>
      ((await as(organiser).get('/me/notifications?unread=true&pageSize=100').expect(200)).body.items as { id: string }[]).map((n) => n.id);
    expect(await unreadIds()).toContain(mine.id);

    await as(organiser).post(`/participants/${applied.id}/approve`).expect(200);

    const after = await rows(key);
    expect(after).toHaveLength(told.length);
    expect(after.every((r) => r.readAt !== null && r.settledAt !== null)).toBe(true);
    expect(await unreadIds()).not.toContain(mine.id);
    await until(() => pushes.some((p) => p.ids.includes(mine.id)));
    expect(pushes.find((p) => p.ids.includes(mine.id))).toEqual({ ids: [mine.id], unread: 1 });
    // Seen settled in the list too.
    const listed = (await as(organiser).get('/me/notifications?pageSize=100').expect(200)).body.items.find((n: { id: string }) => n.id === mine.id);
    expect(listed.settledAt).not.toBeNull();
  });

  /** A loan drafted by the enterprise: the bank will owe a financing report every 2 weeks from signing. */
  const draftLoan = async (): Promise<Agreement> =>
    (
      await as(enterprise)
        .post(`/sessions/${sessionId}/agreements`, {
          kind: 'loan',
          title: `流动资金贷款 ${randomUUID().slice(0, 6)}`,
          amount: 20_000_000,
          termMonths: 12,
          keyTerms: '按月付息',
          parties: [
            { organisationId: enterprise.organisationId, role: 'borrower' },
            { organisationId: bank.organisationId, role: 'lender' },
          ],
        })
        .expect(201)
    ).body;
  const credit = (title: string) => ({
    type: 'credit_offer',
    title,
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
  });

  it('settles a party’s notice to sign when it signs, and the bank’s reminder and overdue notices when it files the report', async () => {
    const draft = await draftLoan();
    setNow('2026-03-02T10:00:00+08:00');
    await as(enterprise).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);
    const signKey = `agreement:${draft.id}:sign:${bank.organisationId}:${draft.contentHash}`;
    const bankUsers = await usersOf(bank.organisationId);
    expect((await rows(signKey)).map((r) => [r.userId, r.settledAt])).toEqual(bankUsers.map((id) => [id, null]));
    // The party that signed was not asked.
    expect(await rows(`agreement:${draft.id}:sign:${enterprise.organisationId}:${draft.contentHash}`)).toEqual([]);
    await as(bank).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);
    expect((await rows(signKey)).every((r) => r.readAt !== null && r.settledAt !== null)).toBe(true);

    const plan: AgreementFollowUp = (await as(organiser).get(`/agreements/${draft.id}/follow-up`).expect(200)).body;
    const first = plan.obligations[0];
    expect(first.dueOn).toBe('2026-03-16');
    setNow('2026-03-11T09:00:00+08:00');
    await ladder.sweep(new Date('2026-03-11T09:00:00+08:00'));
    setNow('2026-03-17T00:30:00+08:00');
    await ladder.sweep(new Date('2026-03-17T00:30:00+08:00'));
    const reminder = `obligation:${first.id}:reminder:2026-03-16`;
    const overdue = `obligation:${first.id}:overdue:2026-03-16`;
    expect((await rows(reminder)).map((r) => r.settledAt)).toEqual(bankUsers.map(() => null));
    expect((await rows(overdue)).map((r) => r.settledAt)).toEqual(bankUsers.map(() => null));
    const before = await unread(bank);
    const pushes = await listen(bank);

    const owed = ((await as(bank).get('/me/obligations').expect(200)).body as Obligation[]).find((o) => o.id === first.id)!;
    await as(bank).post(`/obligations/${first.id}/report`, { version: owed.version, narrative: '已放款，按期报送', lines: [] }).expect(201);

    for (const key of [reminder, overdue]) expect((await rows(key)).every((r) => r.readAt !== null && r.settledAt !== null)).toBe(true);
    expect(await unread(bank)).toBe(before - 2);
    await until(() => pushes.length > 0);
    expect(pushes[0].unread).toBe(2);
    expect(pushes[0].ids).toHaveLength(2);
  });

  it('settles the asked organisation’s meeting request once it answers', async () => {
    const listing = (await as(bank).post(`/sessions/${sessionId}/listings`, credit('抵押经营贷')).expect(201)).body;
    const request = (await as(enterprise).post('/meeting-requests', { toListingId: listing.id, topic: '洽谈技改贷款' }).expect(201)).body;
    const key = `meeting-request:${request.id}:requested`;
    expect((await rows(key)).map((r) => r.settledAt)).toEqual((await usersOf(bank.organisationId)).map(() => null));
    await as(bank).post(`/meeting-requests/${request.id}/answer`, { accept: false, reason: '额度已满' }).expect(200);
    expect((await rows(key)).every((r) => r.readAt !== null && r.settledAt !== null)).toBe(true);
  });

  it('settles the offering bank’s notice of a financing application once it answers', async () => {
    const need = (
      await as(enterprise)
        .post(`/sessions/${sessionId}/listings`, {
          type: 'financing_need',
          title: '技改贷款',
          financing: { amount: 30_000_000, termMonths: 24, purpose: 'technical_upgrade', collateral: '设备', guaranteeNeeded: false },
        })
        .expect(201)
    ).body;
    const offer = (await as(bank).post(`/sessions/${sessionId}/listings`, credit('流动资金贷')).expect(201)).body;
    const application = (await as(enterprise).post(`/listings/${offer.id}/applications`, { needListingId: need.id }).expect(201)).body;
    const key = `application:${application.id}:submitted`;
    expect((await rows(key)).map((r) => r.settledAt)).toEqual((await usersOf(bank.organisationId)).map(() => null));
    await as(bank).post(`/applications/${application.id}/answer`, { accept: true }).expect(200);
    expect((await rows(key)).every((r) => r.readAt !== null && r.settledAt !== null)).toBe(true);
  });

  it('settles the 督办 notice once the owing organisation acknowledges it', async () => {
    const draft = await draftLoan();
    setNow('2026-04-01T10:00:00+08:00');
    for (const s of [enterprise, bank]) await as(s).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);
    const plan: AgreementFollowUp = (await as(organiser).get(`/agreements/${draft.id}/follow-up`).expect(200)).body;
    setNow('2026-04-30T10:00:00+08:00');
    const issued = (
      await as(organiser)
        .post(`/events/${eventId}/supervision-notices`, { obligationIds: [plan.obligations[0].id], workingDays: 5 })
        .expect(201)
    ).body;
    const [notice] = issued.issued;
    const key = `supervision:${notice.id}:issued`;
    expect((await rows(key)).map((r) => r.settledAt)).toEqual((await usersOf(bank.organisationId)).map(() => null));
    await as(bank).post(`/supervision-notices/${notice.id}/acknowledge`, { version: notice.version }).expect(200);
    expect((await rows(key)).every((r) => r.readAt !== null && r.settledAt !== null)).toBe(true);
  });

  it('settles a key shared by many recipients only for the organisations named', async () => {
    const key = `survey.sent:${randomUUID()}`;
    await uow.run((tx) =>
      service.notify(tx, {
        kind: 'survey.sent',
        eventId,
        to: { organisationIds: [enterprise.organisationId, bank.organisationId] },
        params: { title: '融资需求调查' },
        link: '/my/surveys',
        dedupeKey: key,
      }),
    );
    expect(await uow.run((tx) => service.settle(tx, [key], { organisationIds: [enterprise.organisationId] }))).toBe(1);
    const byUser = new Map((await rows(key)).map((r) => [r.userId, r.settledAt]));
    expect(byUser.get(enterprise.userId)).not.toBeNull();
    expect(byUser.get(bank.userId)).toBeNull();
  });

  it('changes nothing and pushes nothing when there is nothing to settle, or it was settled already', async () => {
    const pushes = await listen(enterprise);
    const key = `liaison.urgent:${randomUUID()}`;
    await uow.run((tx) =>
      service.notify(tx, { kind: 'liaison.urgent', eventId, to: { userIds: [enterprise.userId] }, params: { title: '停产' }, link: null, dedupeKey: key }),
    );
    expect(await uow.run((tx) => service.settle(tx, []))).toBe(0);
    expect(await uow.run((tx) => service.settle(tx, [`unknown:${randomUUID()}`]))).toBe(0);
    expect((await rows(key)).map((r) => r.settledAt)).toEqual([null]);
    expect(await uow.run((tx) => service.settle(tx, [key, key]))).toBe(1);
    const [settled] = await rows(key);
    expect(await uow.run((tx) => service.settle(tx, [key]))).toBe(0);
    expect((await rows(key))[0].settledAt).toEqual(settled.settledAt);
    // A settle that rolls back settles nothing and tells nobody.
    const other = `liaison.urgent:${randomUUID()}`;
    await uow.run((tx) =>
      service.notify(tx, { kind: 'liaison.urgent', eventId, to: { userIds: [enterprise.userId] }, params: { title: '断电' }, link: null, dedupeKey: other }),
    );
    await expect(
      uow.run(async (tx) => {
        await service.settle(tx, [other]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await rows(other)).map((r) => r.settledAt)).toEqual([null]);
    // Only the one real settle was pushed.
    await until(() => pushes.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pushes).toEqual([{ ids: [settled.id], unread: 1 }]);
  });
});
