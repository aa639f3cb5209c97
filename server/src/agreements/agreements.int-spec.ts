import type { Agreement, AgreementInput } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { idempotencyHashKey, requestHashOf } from '../common/idempotency.interceptor';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PASSWORD, supplyListing, TestApp, type Actor } from '../testing/test-app';

describe('agreements (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let sessionId: string;
  let borrower: Actor;
  let bank: Actor;
  let otherBank: Actor;
  let guarantor: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    const event = await t.event(organiser);
    sessionId = (await t.session(organiser, event.id, 'bank_enterprise', 'live')).id;
    borrower = await t.organisation('enterprise');
    bank = await t.organisation('bank');
    otherBank = await t.organisation('bank');
    guarantor = await t.organisation('guarantor');
    outsider = await t.organisation('enterprise');
    await t.participate(borrower, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    await t.participate(otherBank, organiser, sessionId, 'lender');
    await t.participate(guarantor, organiser, sessionId, 'guarantor');
    for (const actor of [borrower, bank, otherBank, guarantor, outsider]) await stepUp(actor);
  });
  afterAll(() => t.close());

  const stepUp = (actor: Actor) => t.http.post('/api/auth/step-up').auth(actor.token, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);
  const loan = (overrides: Partial<AgreementInput> = {}): AgreementInput => ({
    kind: 'loan',
    title: '技改项目贷款合同',
    amount: 80_000_000,
    termMonths: 36,
    keyTerms: '年利率3.85%，按季付息，到期还本；以厂房设备抵押。',
    parties: [
      { organisationId: borrower.organisationId, role: 'borrower' },
      { organisationId: bank.organisationId, role: 'lender' },
    ],
    ...overrides,
  });
  const draft = async (actor: Actor, body: AgreementInput): Promise<Agreement> =>
    (await t.http.post(`/api/sessions/${sessionId}/agreements`).auth(actor.token, { type: 'bearer' }).send(body).expect(201)).body;
  const sign = (actor: Actor, a: Agreement, key?: string) => {
    const req = t.http.post(`/api/agreements/${a.id}/sign`).auth(actor.token, { type: 'bearer' }).send({ contentHash: a.contentHash });
    return key ? req.set('Idempotency-Key', key) : req;
  };

  it('is drafted by one party and becomes signed when every party has signed', async () => {
    const a = await draft(borrower, loan());
    expect(a).toMatchObject({ status: 'drafting', version: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const half = (await sign(borrower, a).expect(200)).body as Agreement;
    expect(half.status).toBe('drafting');
    expect(half.parties.find((p) => p.organisationId === borrower.organisationId)!.signature).toMatchObject({
      contentHash: a.contentHash,
      userName: expect.any(String),
    });
    const full = (await sign(bank, a).expect(200)).body as Agreement;
    expect(full.status).toBe('signed');
    expect(full.signedAt).toEqual(expect.any(String));
    const confirmed = await t.http.post(`/api/agreements/${a.id}/confirm`).auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(confirmed.body.status).toBe('confirmed');
    await t.http.post(`/api/agreements/${a.id}/confirm`).auth(bank.token, { type: 'bearer' }).expect(403);
  });

  it('takes three parties for a guarantee and checks the roles against the session', async () => {
    const bad = await t.http
      .post(`/api/sessions/${sessionId}/agreements`)
      .auth(borrower.token, { type: 'bearer' })
      .send(loan({ kind: 'guarantee' }))
      .expect(400);
    expect(bad.body.fields[0].field).toBe('parties');
    const notParticipant = await t.http
      .post(`/api/sessions/${sessionId}/agreements`)
      .auth(outsider.token, { type: 'bearer' })
      .send(
        loan({
          parties: [
            { organisationId: outsider.organisationId, role: 'borrower' },
            { organisationId: bank.organisationId, role: 'lender' },
          ],
        }),
      )
      .expect(400);
    expect(notParticipant.body.fields[0].field).toBe('parties.0.role');
    const g = await draft(borrower, loan({ kind: 'guarantee', parties: [...loan().parties, { organisationId: guarantor.organisationId, role: 'guarantor' }] }));
    expect(g.parties).toHaveLength(3);
  });

  it('voids the signatures collected so far when the terms are edited, and a stale hash cannot be signed', async () => {
    const a = await draft(borrower, loan());
    await sign(bank, a).expect(200);
    const edited = (await t.http.patch(`/api/agreements/${a.id}`).auth(borrower.token, { type: 'bearer' }).send({ version: 1, amount: 90_000_000 }).expect(200))
      .body as Agreement;
    expect(edited.contentHash).not.toBe(a.contentHash);
    expect(edited.voidedSignatures).toBe(1);
    expect(edited.parties.every((p) => p.signature === null)).toBe(true);
    const stale = await sign(borrower, a).expect(409);
    expect(stale.body.code).toBe('terms_changed');
    await sign(borrower, edited).expect(200);
    const done = (await sign(bank, edited).expect(200)).body as Agreement;
    expect(done.status).toBe('signed');
    await t.http.patch(`/api/agreements/${a.id}`).auth(borrower.token, { type: 'bearer' }).send({ version: done.version, amount: 1 }).expect(409);
    await t.http.patch(`/api/agreements/${a.id}`).auth(bank.token, { type: 'bearer' }).send({ version: done.version, amount: 1 }).expect(403);
  });

  it('allows one signature per party, enforced by the database', async () => {
    const a = await draft(borrower, loan());
    await sign(borrower, a).expect(200);
    const again = await sign(borrower, a).expect(409);
    expect(again.body.code).toBe('already_signed');
    const [party] = await t.dataSource.query(`SELECT id FROM agreement_party WHERE "agreementId" = $1 AND "organisationId" = $2`, [
      a.id,
      borrower.organisationId,
    ]);
    await expect(
      t.dataSource.query(`INSERT INTO agreement_signature ("agreementId", "partyId", "userId", "contentHash") VALUES ($1, $2, $3, $4)`, [
        a.id,
        party.id,
        borrower.userId,
        a.contentHash,
      ]),
    ).rejects.toThrow(/duplicate key/);
  });

  it('makes sign idempotent: a retry gets the first answer, another body 422, a retry in flight 409', async () => {
    const a = await draft(borrower, loan());
    const key = randomUUID();
    const first = await sign(borrower, a, key).expect(200);
    const retry = await sign(borrower, a, key).expect(200);
    expect(retry.body).toEqual(first.body);
    const other = await t.http
      .post(`/api/agreements/${a.id}/sign`)
      .auth(borrower.token, { type: 'bearer' })
      .set('Idempotency-Key', key)
      .send({ contentHash: 'f'.repeat(64) })
      .expect(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    // A first request still running: its key is claimed but not answered yet.
    const running = randomUUID();
    const requestHash = requestHashOf(idempotencyHashKey(t.app.get<AppConfig>(APP_CONFIG)), `POST /api/agreements/${a.id}/sign`, {
      contentHash: a.contentHash,
    });
    await t.dataSource.query(`INSERT INTO idempotency_key ("userId", key, route, "requestHash", state) VALUES ($1, $2, $3, $4, 'in_flight')`, [
      bank.userId,
      running,
      `POST /api/agreements/${a.id}/sign`,
      requestHash,
    ]);
    const inFlight = await sign(bank, a, running).expect(409);
    expect(inFlight.body.code).toBe('request_in_progress');
  });

  it('needs a fresh password confirmation before signing', async () => {
    const a = await draft(borrower, loan());
    await t.dataSource.query(`UPDATE auth_session SET "signingGrantUntil" = now() - interval '1 minute' WHERE "userId" = $1`, [bank.userId]);
    const refused = await sign(bank, a).expect(403);
    expect(refused.body.code).toBe('step_up_required');
    await t.http.post('/api/auth/step-up').auth(bank.token, { type: 'bearer' }).send({ password: 'wrong-password-1' }).expect(401);
    await stepUp(bank);
    await sign(bank, a).expect(200);
  });

  it('does not let a user sign for another organisation or read agreements it is not party to', async () => {
    const a = await draft(borrower, loan());
    const refused = await sign(otherBank, a).expect(403);
    expect(refused.body.message).toContain('not a party');
    await t.http.get(`/api/agreements/${a.id}`).auth(otherBank.token, { type: 'bearer' }).expect(404);
    await t.http.get(`/api/agreements/${a.id}`).auth(bank.token, { type: 'bearer' }).expect(200);
    await t.http.get(`/api/agreements/${a.id}`).auth(organiser.token, { type: 'bearer' }).expect(200);
    const mine = await t.http.get('/api/me/agreements').auth(otherBank.token, { type: 'bearer' }).expect(200);
    expect(mine.body.map((x: Agreement) => x.id)).not.toContain(a.id);
  });

  it('requires goods terms for supply agreements and links only this session’s listings', async () => {
    const event = await t.event(organiser);
    const goodsSession = (await t.session(organiser, event.id, 'upstream_downstream', 'live')).id;
    const supplier = await t.organisation('enterprise');
    const buyer = await t.organisation('enterprise');
    await t.participate(supplier, organiser, goodsSession, 'supplier');
    await t.participate(buyer, organiser, goodsSession, 'buyer');
    const listing = await t.http.post(`/api/sessions/${goodsSession}/listings`).auth(supplier.token, { type: 'bearer' }).send(supplyListing()).expect(201);
    const parties = [
      { organisationId: supplier.organisationId, role: 'supplier' as const },
      { organisationId: buyer.organisationId, role: 'buyer' as const },
    ];
    const missing = await t.http
      .post(`/api/sessions/${goodsSession}/agreements`)
      .auth(supplier.token, { type: 'bearer' })
      .send({ kind: 'supply_contract', title: '钢材供货合同', amount: 18_500_000, keyTerms: '分批交货', parties })
      .expect(400);
    expect(missing.body.fields[0].field).toBe('product');
    const ok = await t.http
      .post(`/api/sessions/${goodsSession}/agreements`)
      .auth(supplier.token, { type: 'bearer' })
      .send({
        kind: 'supply_contract',
        title: '钢材供货合同',
        amount: 18_500_000,
        product: 'steel',
        quantity: 5000,
        unit: '吨',
        keyTerms: '分批交货',
        parties,
        listingIds: [listing.body.id],
      })
      .expect(201);
    expect(ok.body.listingIds).toEqual([listing.body.id]);
    const foreign = await t.http
      .post(`/api/sessions/${sessionId}/agreements`)
      .auth(borrower.token, { type: 'bearer' })
      .send(loan({ listingIds: [listing.body.id] }))
      .expect(400);
    expect(foreign.body.fields[0].field).toBe('listingIds');
  });

  it('refuses to edit or sign a draft once its session has moved past signing (409 session_not_open)', async () => {
    const event = await t.event(organiser);
    const session = await t.session(organiser, event.id, 'bank_enterprise', 'live');
    await t.participate(borrower, organiser, session.id, 'borrower');
    await t.participate(bank, organiser, session.id, 'lender');
    const a: Agreement = (await t.http.post(`/api/sessions/${session.id}/agreements`).auth(borrower.token, { type: 'bearer' }).send(loan()).expect(201)).body;
    let version = session.version;
    for (const to of ['signing', 'follow_up']) {
      version = (await t.http.post(`/api/sessions/${session.id}/transition`).auth(organiser.token, { type: 'bearer' }).send({ to, version }).expect(200)).body
        .version;
    }
    const edit = await t.http.patch(`/api/agreements/${a.id}`).auth(borrower.token, { type: 'bearer' }).send({ version: a.version, amount: 1 }).expect(409);
    expect(edit.body.code).toBe('session_not_open');
    await stepUp(bank);
    const signed = await sign(bank, a).expect(409);
    expect(signed.body.code).toBe('session_not_open');
    expect((await t.http.get(`/api/agreements/${a.id}`).auth(bank.token, { type: 'bearer' }).expect(200)).body).toMatchObject({
      status: 'drafting',
      version: a.version,
    });
  });

  it('records every state change in the audit chain, which still verifies', async () => {
    const a = await draft(borrower, loan());
    await sign(borrower, a).expect(200);
    await sign(bank, a).expect(200);
    const audit = await t.http.get(`/api/audit?entityType=agreement&entityId=${a.id}`).auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(audit.body.items.map((r: { action: string }) => r.action).reverse()).toEqual([
      'agreement.drafted',
      'agreement.signed',
      'agreement.signed',
      'agreement.fully_signed',
      // The report schedule is made in the signing transaction (follow-up, decision 0012).
      'agreement.follow_up_scheduled',
    ]);
    const verify = await t.http.get('/api/audit/verify').auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(verify.body.ok).toBe(true);
  });
});
