import type { Agreement } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';

describe('follow-up ledger after signing (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let borrower: Actor;
  let bank: Actor;
  let eventId: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    borrower = await t.organisation('enterprise');
    bank = await t.organisation('bank');
    await t.participate(borrower, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    for (const a of [borrower, bank]) await t.http.post('/api/auth/step-up').auth(a.token, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);
  });
  afterAll(() => t.close());

  async function signedLoan(amount: number, inSession = sessionId): Promise<Agreement> {
    const a = (
      await t.http
        .post(`/api/sessions/${inSession}/agreements`)
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
  const entry = (actor: Actor, id: string, body: Record<string, unknown>) =>
    t.http.post(`/api/agreements/${id}/ledger`).auth(actor.token, { type: 'bearer' }).send(body);

  it('keeps signed, approved and disbursed apart, with partial disbursements up to the approval', async () => {
    const a = await signedLoan(50_000_000);
    await entry(bank, a.id, { kind: 'approved', amount: 40_000_000, occurredOn: '2026-12-20', evidence: '授信批复 QH-2026-118' }).expect(201);
    await entry(bank, a.id, { kind: 'disbursed', amount: 25_000_000, occurredOn: '2027-01-05', evidence: '借据 001' }).expect(201);
    const over = await entry(bank, a.id, { kind: 'disbursed', amount: 20_000_000, occurredOn: '2027-02-05' }).expect(400);
    expect(over.body.fields[0].field).toBe('amount');
    await entry(bank, a.id, { kind: 'disbursed', amount: 15_000_000, occurredOn: '2027-02-05', evidence: '借据 002' }).expect(201);
    const figures = (await t.http.get(`/api/events/${eventId}/agreement-figures`).auth(organiser.token, { type: 'bearer' }).expect(200)).body;
    expect(figures.agreements.find((f: { agreementId: string }) => f.agreementId === a.id)).toMatchObject({
      signed: 50_000_000,
      approved: 40_000_000,
      disbursed: 40_000_000,
      delivered: 0,
      outcome: 'open',
    });
    const ledger = await t.http.get(`/api/agreements/${a.id}/ledger`).auth(borrower.token, { type: 'bearer' }).expect(200);
    expect(ledger.body.map((e: { kind: string }) => e.kind)).toEqual(['approved', 'disbursed', 'disbursed']);
  });

  it('lets only the lender record money, refuses steps before signing and after the outcome', async () => {
    const a = await signedLoan(10_000_000);
    await entry(borrower, a.id, { kind: 'disbursed', amount: 1_000_000, occurredOn: '2027-01-05' }).expect(403);
    await entry(bank, a.id, { kind: 'delivered', amount: 1_000_000, occurredOn: '2027-01-05' }).expect(400);
    await entry(bank, a.id, { kind: 'terminated', occurredOn: '2027-03-01' }).expect(400);
    await entry(bank, a.id, { kind: 'terminated', occurredOn: '2027-03-01', reason: '企业主动放弃' }).expect(201);
    const closed = await entry(bank, a.id, { kind: 'performed', occurredOn: '2027-04-01', reason: '已还清' }).expect(409);
    expect(closed.body.code).toBe('ledger_closed');
    const draft = (
      await t.http
        .post(`/api/sessions/${sessionId}/agreements`)
        .auth(borrower.token, { type: 'bearer' })
        .send({
          kind: 'loan',
          title: '未签',
          amount: 1,
          keyTerms: 'x',
          parties: [
            { organisationId: borrower.organisationId, role: 'borrower' },
            { organisationId: bank.organisationId, role: 'lender' },
          ],
        })
        .expect(201)
    ).body;
    await entry(bank, draft.id, { kind: 'approved', amount: 1, occurredOn: '2027-01-01' }).expect(409);
  });

  /** A plain member of an organisation, invited by its admin. */
  async function member(admin: Actor): Promise<Actor> {
    const email = `member-${randomUUID()}@test.duijie.cn`;
    const inv = await t.http
      .post(`/api/organisations/${admin.organisationId}/invitations`)
      .auth(admin.token, { type: 'bearer' })
      .send({ email, role: 'org_member' })
      .expect(201);
    await t.http.post(`/api/invitations/${inv.body.token}/accept`).send({ displayName: '普通成员', password: PASSWORD }).expect(200);
    return t.login(email, PASSWORD);
  }
  const audited = async (id: string, action: string) =>
    (await t.dataSource.query(`SELECT data FROM audit_record WHERE "entityType" = 'agreement' AND "entityId" = $1 AND action = $2 ORDER BY id`, [
      id,
      action,
    ])) as { data: Record<string, unknown> }[];

  it('lets only a party admin or an organiser close the ledger, never a plain member', async () => {
    const a = await signedLoan(8_000_000);
    const clerk = await member(bank);
    // A member still records the lender's money steps, but may not close the ledger.
    await entry(clerk, a.id, { kind: 'approved', amount: 8_000_000, occurredOn: '2027-01-02' }).expect(201);
    for (const kind of ['performed', 'terminated']) {
      const refused = await entry(clerk, a.id, { kind, occurredOn: '2027-03-01', reason: '成员试图关闭' }).expect(403);
      expect(refused.body.code).toBe('forbidden');
    }
    await entry(bank, a.id, { kind: 'disbursed', amount: 1, occurredOn: '2027-03-02' }).expect(201);
    await entry(bank, a.id, { kind: 'performed', occurredOn: '2027-06-30', reason: '按期还本付息' }).expect(201);
    const b = await signedLoan(2_000_000);
    await entry(organiser, b.id, { kind: 'terminated', occurredOn: '2027-02-01', reason: '项目取消' }).expect(201);
  });

  it('requires a reason to close the ledger, and audits it', async () => {
    const a = await signedLoan(3_000_000);
    for (const body of [
      { kind: 'performed', occurredOn: '2027-05-01' },
      { kind: 'performed', occurredOn: '2027-05-01', reason: '   ' },
      { kind: 'terminated', occurredOn: '2027-05-01', reason: '' },
    ]) {
      const res = await entry(bank, a.id, body).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('reason');
    }
    await entry(bank, a.id, { kind: 'performed', occurredOn: '2027-05-01', reason: '合同履行完毕' }).expect(201);
    expect((await audited(a.id, 'agreement.performed'))[0].data).toMatchObject({ reason: '合同履行完毕', occurredOn: '2027-05-01' });
  });

  it('lets an organiser reopen a closed ledger with a reason, audited; nobody else', async () => {
    const a = await signedLoan(4_000_000);
    const reopen = (actor: Actor, body: Record<string, unknown>) =>
      t.http.post(`/api/agreements/${a.id}/ledger/reopen`).auth(actor.token, { type: 'bearer' }).send(body);
    expect((await reopen(organiser, { reason: '尚未关闭' }).expect(409)).body.code).toBe('ledger_open');
    const closing = (await entry(bank, a.id, { kind: 'terminated', occurredOn: '2027-02-01', reason: '误操作' }).expect(201)).body;
    await reopen(bank, { reason: '我方要重开' }).expect(403);
    expect((await reopen(organiser, {}).expect(400)).body.fields[0].field).toBe('reason');
    const reopened = (await reopen(organiser, { reason: '银行误录终止，经核实合同仍在履行' }).expect(200)).body;
    expect(reopened).toMatchObject({ id: closing.id, kind: 'terminated', reopened: { reason: '银行误录终止，经核实合同仍在履行', by: expect.any(String) } });
    expect((await audited(a.id, 'agreement.ledger_reopened'))[0].data).toMatchObject({
      entryId: closing.id,
      kind: 'terminated',
      reason: '银行误录终止，经核实合同仍在履行',
    });
    const figures = (await t.http.get(`/api/events/${eventId}/agreement-figures`).auth(organiser.token, { type: 'bearer' }).expect(200)).body;
    expect(figures.agreements.find((f: { agreementId: string }) => f.agreementId === a.id).outcome).toBe('open');
    // Open again: follow-up goes on and the ledger can be closed once more.
    await entry(bank, a.id, { kind: 'approved', amount: 4_000_000, occurredOn: '2027-02-10' }).expect(201);
    await entry(bank, a.id, { kind: 'performed', occurredOn: '2027-08-01', reason: '履行完毕' }).expect(201);
  });

  it('does not record a retried entry twice', async () => {
    const a = await signedLoan(5_000_000);
    const key = randomUUID();
    const first = await entry(bank, a.id, { kind: 'approved', amount: 5_000_000, occurredOn: '2026-12-21' }).set('Idempotency-Key', key).expect(201);
    const retry = await entry(bank, a.id, { kind: 'approved', amount: 5_000_000, occurredOn: '2026-12-21' }).set('Idempotency-Key', key).expect(201);
    expect(retry.body.id).toBe(first.body.id);
    const ledger = await t.http.get(`/api/agreements/${a.id}/ledger`).auth(bank.token, { type: 'bearer' }).expect(200);
    expect(ledger.body).toHaveLength(1);
  });

  it('follows an agreement signed ahead of its session from the day it was reached', async () => {
    // The session is a month away but already open for signing: its agreements were prepared early.
    const early = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    await t.dataSource.query(
      `UPDATE match_session SET "startsAt" = now() + interval '30 days', "endsAt" = now() + interval '30 days 8 hours', "ceremonyAt" = NULL WHERE id = $1`,
      [early],
    );
    await t.participate(borrower, organiser, early, 'borrower');
    await t.participate(bank, organiser, early, 'lender');
    const a = await signedLoan(3_000_000, early);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const refused = await entry(bank, a.id, { kind: 'approved', amount: 3_000_000, occurredOn: yesterday }).expect(400);
    expect(refused.body.fields[0].field).toBe('occurredOn');
    await entry(bank, a.id, { kind: 'approved', amount: 3_000_000, occurredOn: today }).expect(201);
  });
});
