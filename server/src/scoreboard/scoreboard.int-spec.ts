import type { Agreement, ClientToServerEvents, Scoreboard, ServerToClientEvents } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('public scoreboard (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let borrower: Actor;
  let banks: Actor[];
  let bankNames: string[];
  let eventId: string;
  let sessionId: string;
  const sockets: Client[] = [];

  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    borrower = await t.organisation('enterprise');
    bankNames = ['甲银行', '乙银行', '丙银行'].map((n) => `${n}${randomUUID().slice(0, 6)}`);
    banks = [];
    for (const name of bankNames) banks.push(await t.organisation('bank', { name }));
    await t.participate(borrower, organiser, sessionId, 'borrower');
    for (const bank of banks) await t.participate(bank, organiser, sessionId, 'lender');
    for (const a of [borrower, ...banks]) await t.http.post('/api/auth/step-up').auth(a.token, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(() => t.close());

  async function signedLoan(bank: Actor, amount: number): Promise<Agreement> {
    const a = (
      await t.http
        .post(`/api/sessions/${sessionId}/agreements`)
        .auth(borrower.token, { type: 'bearer' })
        .send({
          kind: 'loan',
          title: '流动资金贷款',
          amount,
          termMonths: 12,
          keyTerms: '按月付息',
          parties: [
            { organisationId: borrower.organisationId, role: 'borrower' },
            { organisationId: bank.organisationId, role: 'lender' },
          ],
        })
        .expect(201)
    ).body as Agreement;
    for (const actor of [borrower, bank])
      await t.http.post(`/api/agreements/${a.id}/sign`).auth(actor.token, { type: 'bearer' }).send({ contentHash: a.contentHash }).expect(200);
    return a;
  }
  const ledger = (bank: Actor, id: string, body: Record<string, unknown>) =>
    t.http.post(`/api/agreements/${id}/ledger`).auth(bank.token, { type: 'bearer' }).send(body).expect(201);
  const board = async (id = eventId): Promise<Scoreboard> => (await t.http.get(`/api/events/${id}/scoreboard`).expect(200)).body;
  const setFigure = (actor: Actor, figure: string, id = eventId) =>
    t.http.put(`/api/events/${id}/scoreboard`).auth(actor.token, { type: 'bearer' }).send({ figure });

  let loans: Agreement[] = [];

  it('ranks the participating banks by signed loans without a login, tied banks sharing a rank', async () => {
    const [a, b, c] = banks;
    loans = [await signedLoan(a, 20_000_000), await signedLoan(b, 50_000_000), await signedLoan(c, 50_000_000)];
    const scoreboard = await board();
    expect(scoreboard.eventId).toBe(eventId);
    expect(scoreboard.figure).toBe('platform.signedLoans');
    // Only the event's lenders: the borrower is not ranked.
    expect(scoreboard.rows.map((r) => r.organisationId)).not.toContain(borrower.organisationId);
    const byOrg = new Map(scoreboard.rows.map((r) => [r.organisationId, r]));
    expect(byOrg.get(b.organisationId)).toMatchObject({ rank: 1, tied: 2, value: 50_000_000, name: bankNames[1] });
    expect(byOrg.get(c.organisationId)).toMatchObject({ rank: 1, tied: 2, value: 50_000_000 });
    expect(byOrg.get(a.organisationId)).toMatchObject({ rank: 3, tied: 1, value: 20_000_000 });
    expect(scoreboard.rows.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('ranks by the figure an organiser chooses, and audits the choice', async () => {
    const [a, b] = banks;
    await ledger(a, loans[0].id, { kind: 'approved', amount: 20_000_000, occurredOn: '2026-12-20', evidence: '授信批复 1' });
    await ledger(a, loans[0].id, { kind: 'disbursed', amount: 15_000_000, occurredOn: '2027-01-05', evidence: '借据 1' });
    await ledger(b, loans[1].id, { kind: 'approved', amount: 50_000_000, occurredOn: '2026-12-20', evidence: '授信批复 2' });
    await ledger(b, loans[1].id, { kind: 'disbursed', amount: 5_000_000, occurredOn: '2027-01-05', evidence: '借据 2' });

    const answer = (await setFigure(organiser, 'platform.disbursed').expect(200)).body as Scoreboard;
    expect(answer.figure).toBe('platform.disbursed');
    const scoreboard = await board();
    expect(scoreboard.figure).toBe('platform.disbursed');
    expect(scoreboard.rows.map((r) => [r.organisationId, r.rank, r.value])).toEqual([
      [a.organisationId, 1, 15_000_000],
      [b.organisationId, 2, 5_000_000],
      [banks[2].organisationId, 3, 0],
    ]);
    const audit = await t.dataSource.query(`SELECT "actorUserId", data FROM audit_record WHERE action = 'event.scoreboard_set' AND "entityId" = $1`, [eventId]);
    expect(audit).toEqual([{ actorUserId: organiser.userId, data: { figure: 'platform.disbursed', before: null } }]);
  });

  it('refuses the choice to anyone but organisers, and a figure it does not know', async () => {
    await setFigure(banks[0], 'platform.signedLoans').expect(403);
    await t.http.put(`/api/events/${eventId}/scoreboard`).send({ figure: 'platform.signedLoans' }).expect(401);
    const bad = await setFigure(organiser, 'platform.delivered').expect(400);
    expect(bad.body.fields[0].field).toBe('figure');
    expect((await board()).figure).toBe('platform.disbursed');
  });

  it('answers 404 for an unknown event and for one that is not public yet (all its sessions are drafts)', async () => {
    await t.http.get(`/api/events/${randomUUID()}/scoreboard`).expect(404);
    const hidden = (await t.event(organiser)).id;
    await t.session(organiser, hidden, 'bank_enterprise', 'draft');
    await t.http.get(`/api/events/${hidden}/scoreboard`).expect(404);
    // Organisers may still choose its figure before it opens.
    await setFigure(organiser, 'platform.ratingAverage', hidden).expect(200);
    await t.http.get(`/api/events/${hidden}/scoreboard`).expect(404);
    await t.http.get(`/api/events/not-an-id/scoreboard`).expect(400);
  });

  it("pushes scoreboard:changed to the event's room after a disbursement is recorded", async () => {
    const socket: Client = await new Promise((resolve, reject) => {
      const s: Client = io(t.url!, { auth: { token: banks[2].token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(s);
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });
    const changes: { eventId: string }[] = [];
    socket.on('scoreboard:changed', (c) => void changes.push(c));
    const joined = await socket.timeout(10_000).emitWithAck('ceremony:join', { eventId });
    expect(joined.ok).toBe(true);
    // Earlier changes were announced already; wait out the coalescing interval so only this one counts.
    await new Promise((r) => setTimeout(r, 2_100));
    changes.length = 0;

    await ledger(banks[2], loans[2].id, { kind: 'approved', amount: 50_000_000, occurredOn: '2026-12-20', evidence: '授信批复 3' });
    await ledger(banks[2], loans[2].id, { kind: 'disbursed', amount: 30_000_000, occurredOn: '2027-01-06', evidence: '借据 3' });
    await until(() => changes.length > 0, 'scoreboard:changed');
    expect(changes[0]).toEqual({ eventId });
    // The viewer reads it again: the bank now leads.
    expect((await board()).rows[0]).toMatchObject({ organisationId: banks[2].organisationId, rank: 1, value: 30_000_000 });
    // Two ledger entries within the interval make at most two pushes (leading and trailing edge).
    await new Promise((r) => setTimeout(r, 2_300));
    expect(changes.length).toBeLessThanOrEqual(2);
  });
});
