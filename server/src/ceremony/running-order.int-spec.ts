import type { Agreement, RunningOrder } from '@duijie/shared';
import { CeremonyService } from './ceremony.service';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';

describe('ceremony running order (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let eventId: string;
  let bankSession: string;
  let goodsSession: string;
  let borrower: Actor;
  let bank: Actor;
  let supplier: Actor;
  let buyer: Actor;
  const loans: Agreement[] = [];
  let steel: Agreement;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body?: object) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => t.http.put(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => t.http.patch(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    delete: (path: string) => t.http.delete(`/api${path}`).auth(actor.token, { type: 'bearer' }),
  });

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    bankSession = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    goodsSession = (await t.session(organiser, eventId, 'upstream_downstream', 'live')).id;
    [borrower, bank, supplier, buyer] = await Promise.all([
      t.organisation('enterprise'),
      t.organisation('bank'),
      t.organisation('enterprise'),
      t.organisation('enterprise'),
    ]);
    await t.participate(borrower, organiser, bankSession, 'borrower');
    await t.participate(bank, organiser, bankSession, 'lender');
    await t.participate(supplier, organiser, goodsSession, 'supplier');
    await t.participate(buyer, organiser, goodsSession, 'buyer');
    for (const amount of [50_000_000, 30_000_000]) {
      const parties = [
        { organisationId: borrower.organisationId, role: 'borrower' },
        { organisationId: bank.organisationId, role: 'lender' },
      ];
      loans.push(
        (
          await as(borrower)
            .post(`/sessions/${bankSession}/agreements`, {
              kind: 'loan',
              title: `流动资金贷款${amount}`,
              amount,
              termMonths: 12,
              keyTerms: '按月付息',
              parties,
            })
            .expect(201)
        ).body,
      );
    }
    const parties = [
      { organisationId: supplier.organisationId, role: 'supplier' },
      { organisationId: buyer.organisationId, role: 'buyer' },
    ];
    steel = (
      await as(supplier)
        .post(`/sessions/${goodsSession}/agreements`, {
          kind: 'supply_contract',
          title: '螺纹钢供货合同',
          amount: 18_000_000,
          product: 'steel',
          quantity: 5000,
          unit: '吨',
          keyTerms: '分批交货',
          parties,
        })
        .expect(201)
    ).body;
  });
  afterAll(() => t.close());

  it('builds one batch per session from the agreements in no batch, in the order the sessions run', async () => {
    const empty: RunningOrder = (await as(organiser).get(`/events/${eventId}/running-order`).expect(200)).body;
    expect(empty.batches).toEqual([]);
    expect(empty.unbatched).toHaveLength(3);
    const order: RunningOrder = (await as(organiser).post(`/events/${eventId}/running-order/generate`, { by: 'session' }).expect(201)).body;
    expect(order.batches.map((b) => [b.position, b.sessionId, b.agreements.length])).toEqual([
      [1, bankSession, 2],
      [2, goodsSession, 1],
    ]);
    expect(order.batches[0].agreements[0]).toMatchObject({
      agreementId: loans[0].id,
      amount: 50_000_000,
      status: 'drafting',
      parties: expect.arrayContaining([expect.any(String)]),
    });
    expect(order.unbatched).toEqual([]);
    const again = await as(organiser).post(`/events/${eventId}/running-order/generate`, { by: 'chain' }).expect(409);
    expect(again.body.code).toBe('nothing_to_batch');
  });

  it('keeps an agreement in one batch only, checks the session and the version, and names bad fields', async () => {
    const order: RunningOrder = (await as(organiser).get(`/events/${eventId}/running-order`).expect(200)).body;
    const taken = await as(organiser)
      .post(`/events/${eventId}/running-order/batches`, { title: '重复', agreementIds: [steel.id] })
      .expect(409);
    expect(taken.body).toMatchObject({ code: 'already_in_batch', fields: [{ field: 'agreementIds' }] });
    const wrongSession = await as(organiser)
      .patch(`/ceremony-batches/${order.batches[0].id}`, { version: 1, agreementIds: [loans[0].id, steel.id] })
      .expect(400);
    expect(wrongSession.body.message).toContain("batch's session");
    const bad = await as(organiser)
      .post(`/events/${eventId}/running-order/batches`, { title: '', agreementIds: ['not-a-uuid'] })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['agreementIds', 'title']);
    // Move the second loan into a batch of its own, ahead of the others.
    const moved: RunningOrder = (
      await as(organiser)
        .patch(`/ceremony-batches/${order.batches[0].id}`, { version: 1, title: '银企对接签约', agreementIds: [loans[0].id] })
        .expect(200)
    ).body;
    expect(moved.batches[0]).toMatchObject({ title: '银企对接签约', version: 2 });
    await as(organiser).patch(`/ceremony-batches/${order.batches[0].id}`, { version: 1, title: '旧版本' }).expect(409);
    const added: RunningOrder = (
      await as(organiser)
        .post(`/events/${eventId}/running-order/batches`, { title: '重点项目', sessionId: bankSession, agreementIds: [loans[1].id] })
        .expect(201)
    ).body;
    expect(added.batches.map((b) => b.position)).toEqual([1, 2, 3]);
    const ids = added.batches.map((b) => b.id);
    const resequenced: RunningOrder = (
      await as(organiser)
        .put(`/events/${eventId}/running-order/sequence`, { batchIds: [ids[2], ids[0], ids[1]] })
        .expect(200)
    ).body;
    expect(resequenced.batches.map((b) => b.title)).toEqual(['重点项目', '银企对接签约', added.batches[1].title]);
    const partial = await as(organiser)
      .put(`/events/${eventId}/running-order/sequence`, { batchIds: [ids[0]] })
      .expect(400);
    expect(partial.body.fields[0].field).toBe('batchIds');
  });

  it('puts one batch on stage and the ceremony figures show it with what is signed so far', async () => {
    const order: RunningOrder = (await as(organiser).get(`/events/${eventId}/running-order`).expect(200)).body;
    const first = order.batches[0];
    const staged: RunningOrder = (await as(organiser).put(`/events/${eventId}/running-order/stage`, { batchId: first.id }).expect(200)).body;
    expect(staged.onStageBatchId).toBe(first.id);
    const ceremony = t.app.get(CeremonyService);
    let totals = await ceremony.totals(eventId);
    expect(totals.onStage).toEqual({
      batchId: first.id,
      title: '重点项目',
      position: 1,
      batchCount: 3,
      agreements: [expect.objectContaining({ agreementId: loans[1].id, signed: false })],
    });
    for (const actor of [borrower, bank]) {
      await as(actor).post('/auth/step-up', { password: PASSWORD }).expect(200);
      await as(actor).post(`/agreements/${loans[1].id}/sign`, { contentHash: loans[1].contentHash }).expect(200);
    }
    totals = await ceremony.totals(eventId);
    expect(totals.onStage?.agreements[0].signed).toBe(true);
    // The next batch replaces it: one batch on stage at a time.
    const next: RunningOrder = (await as(organiser).put(`/events/${eventId}/running-order/stage`, { batchId: order.batches[1].id }).expect(200)).body;
    expect(next.batches.filter((b) => b.onStage).map((b) => b.id)).toEqual([order.batches[1].id]);
    await as(organiser).put(`/events/${eventId}/running-order/stage`, { batchId: null }).expect(200);
    expect((await ceremony.totals(eventId)).onStage).toBeNull();
    const missing = await as(organiser).put(`/events/${eventId}/running-order/stage`, {}).expect(400);
    expect(missing.body.fields[0].field).toBe('batchId');
  });

  it('removes a batch, closing the gap in the order, and audits every change', async () => {
    const order: RunningOrder = (await as(organiser).get(`/events/${eventId}/running-order`).expect(200)).body;
    const after: RunningOrder = (await as(organiser).delete(`/ceremony-batches/${order.batches[0].id}`).expect(200)).body;
    expect(after.batches.map((b) => b.position)).toEqual([1, 2]);
    expect(after.unbatched.map((a) => a.agreementId)).toEqual([loans[1].id]);
    const audit = await as(organiser).get(`/audit?entityType=ceremony_batch&entityId=${order.batches[0].id}`).expect(200);
    expect(audit.body.items.map((r: { action: string }) => r.action).reverse()).toEqual(['ceremony.batch_created', 'ceremony.batch_removed']);
    expect((await as(organiser).get('/audit/verify').expect(200)).body.ok).toBe(true);
  });

  it('is for organisers only', async () => {
    await as(bank).get(`/events/${eventId}/running-order`).expect(403);
    await as(bank).put(`/events/${eventId}/running-order/stage`, { batchId: null }).expect(403);
  });
});
