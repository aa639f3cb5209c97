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

  async function signedLoan(amount: number): Promise<Agreement> {
    const a = (
      await t.http
        .post(`/api/sessions/${sessionId}/agreements`)
        .auth(borrower.token, { type: 'bearer' })
        .send({ kind: 'loan', title: '流动资金贷款', amount, termMonths: 12, keyTerms: '按月付息', parties: [{ organisationId: borrower.organisationId, role: 'borrower' }, { organisationId: bank.organisationId, role: 'lender' }] })
        .expect(201)
    ).body as Agreement;
    for (const actor of [borrower, bank]) await t.http.post(`/api/agreements/${a.id}/sign`).auth(actor.token, { type: 'bearer' }).send({ contentHash: a.contentHash }).expect(200);
    return a;
  }
  const entry = (actor: Actor, id: string, body: Record<string, unknown>) => t.http.post(`/api/agreements/${id}/ledger`).auth(actor.token, { type: 'bearer' }).send(body);

  it('keeps signed, approved and disbursed apart, with partial disbursements up to the approval', async () => {
    const a = await signedLoan(50_000_000);
    await entry(bank, a.id, { kind: 'approved', amount: 40_000_000, occurredOn: '2026-12-20', evidence: '授信批复 QH-2026-118' }).expect(201);
    await entry(bank, a.id, { kind: 'disbursed', amount: 25_000_000, occurredOn: '2027-01-05', evidence: '借据 001' }).expect(201);
    const over = await entry(bank, a.id, { kind: 'disbursed', amount: 20_000_000, occurredOn: '2027-02-05' }).expect(400);
    expect(over.body.fields[0].field).toBe('amount');
    await entry(bank, a.id, { kind: 'disbursed', amount: 15_000_000, occurredOn: '2027-02-05', evidence: '借据 002' }).expect(201);
    const figures = (await t.http.get(`/api/events/${eventId}/agreement-figures`).auth(organiser.token, { type: 'bearer' }).expect(200)).body;
    expect(figures.agreements.find((f: { agreementId: string }) => f.agreementId === a.id)).toMatchObject({ signed: 50_000_000, approved: 40_000_000, disbursed: 40_000_000, delivered: 0, outcome: 'open' });
    const ledger = await t.http.get(`/api/agreements/${a.id}/ledger`).auth(borrower.token, { type: 'bearer' }).expect(200);
    expect(ledger.body.map((e: { kind: string }) => e.kind)).toEqual(['approved', 'disbursed', 'disbursed']);
  });

  it('lets only the lender record money, refuses steps before signing and after the outcome', async () => {
    const a = await signedLoan(10_000_000);
    await entry(borrower, a.id, { kind: 'disbursed', amount: 1_000_000, occurredOn: '2027-01-05' }).expect(403);
    await entry(bank, a.id, { kind: 'delivered', amount: 1_000_000, occurredOn: '2027-01-05' }).expect(400);
    await entry(bank, a.id, { kind: 'terminated', occurredOn: '2027-03-01' }).expect(400);
    await entry(bank, a.id, { kind: 'terminated', occurredOn: '2027-03-01', reason: '企业主动放弃' }).expect(201);
    const closed = await entry(bank, a.id, { kind: 'performed', occurredOn: '2027-04-01' }).expect(409);
    expect(closed.body.code).toBe('ledger_closed');
    const draft = (await t.http.post(`/api/sessions/${sessionId}/agreements`).auth(borrower.token, { type: 'bearer' }).send({ kind: 'loan', title: '未签', amount: 1, keyTerms: 'x', parties: [{ organisationId: borrower.organisationId, role: 'borrower' }, { organisationId: bank.organisationId, role: 'lender' }] }).expect(201)).body;
    await entry(bank, draft.id, { kind: 'approved', amount: 1, occurredOn: '2027-01-01' }).expect(409);
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
});
