import { randomUUID } from 'node:crypto';
import type { ListingInput } from '@duijie/shared';
import { supplyListing, TestApp, type Actor } from '../testing/test-app';

describe('listings (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let supplier: Actor;
  let buyer: Actor;
  let outsider: Actor;
  let sessionId: string;
  let bankSessionId: string;
  let borrower: Actor;
  let bank: Actor;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    const event = await t.event(organiser);
    sessionId = (await t.session(organiser, event.id, 'upstream_downstream', 'live')).id;
    bankSessionId = (await t.session(organiser, event.id, 'bank_enterprise', 'live')).id;
    supplier = await t.organisation('enterprise');
    buyer = await t.organisation('enterprise');
    outsider = await t.organisation('enterprise');
    borrower = await t.organisation('enterprise', { size: 'small' });
    bank = await t.organisation('bank');
    await t.participate(supplier, organiser, sessionId, 'supplier');
    await t.participate(buyer, organiser, sessionId, 'buyer');
    await t.participate(borrower, organiser, bankSessionId, 'borrower');
    await t.participate(bank, organiser, bankSessionId, 'lender');
  });
  afterAll(() => t.close());

  const post = (actor: Actor, body: ListingInput, session = sessionId) =>
    t.http.post(`/api/sessions/${session}/listings`).auth(actor.token, { type: 'bearer' }).send(body);

  it('creates a goods listing visible on the board with the owner’s name', async () => {
    const res = await post(supplier, supplyListing()).expect(201);
    expect(res.body).toMatchObject({ type: 'supply', status: 'open', version: 1, goods: { category: 'steel', quantity: 5000 } });
    const board = await t.http.get(`/api/sessions/${sessionId}/listings?type=supply`).auth(buyer.token, { type: 'bearer' }).expect(200);
    expect(board.body.items.map((l: { id: string }) => l.id)).toContain(res.body.id);
    expect(board.body.items[0].organisationName).toEqual(expect.any(String));
  });

  it('refuses a listing type the role does not allow (403)', async () => {
    await post(buyer, supplyListing()).expect(403);
    const demand = { ...supplyListing(), type: 'demand' as const, title: '采购钢材' };
    await post(buyer, demand).expect(201);
  });

  it('names missing, stray and nested bad fields in a 400', async () => {
    const missing = await post(supplier, { type: 'supply', title: '无商品信息' }).expect(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field)).toContain('goods');
    const nested = await post(supplier, supplyListing({ goods: { ...supplyListing().goods!, quantity: -1, category: 'unobtainium' } })).expect(400);
    expect(nested.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['goods.quantity', 'goods.category']));
    const stray = await post(supplier, { ...supplyListing(), financing: { amount: 1, termMonths: 12, purpose: 'project', guaranteeNeeded: false } }).expect(
      400,
    );
    expect(stray.body.fields[0].field).toBe('financing');
    const range = await post(supplier, supplyListing({ goods: { ...supplyListing().goods!, priceMin: 4000, priceMax: 3000 } })).expect(400);
    expect(range.body.fields[0].field).toBe('goods.priceMax');
  });

  it('keeps a guarantee product’s sizes served (面向企业规模): validated, stored, edited, and absent meaning every size', async () => {
    const guarantor = await t.organisation('guarantor');
    await t.participate(guarantor, organiser, bankSessionId, 'guarantor');
    // Bodies a client may send, valid or not: plain objects, posted as they are.
    const guarantee = (targetSizes?: unknown) => ({
      type: 'guarantee_offer',
      title: '小微企业融资担保',
      guarantee: { capacity: 200_000_000, feeRateBp: 150, targetIndustries: [], ...(targetSizes === undefined ? {} : { targetSizes }) },
    });
    const postRaw = (body: object) => t.http.post(`/api/sessions/${bankSessionId}/listings`).auth(guarantor.token, { type: 'bearer' }).send(body);
    const badSize = await postRaw(guarantee(['small', 'huge'])).expect(400);
    expect(badSize.body.fields.map((f: { field: string }) => f.field)).toEqual(['guarantee.targetSizes']);
    expect(badSize.body.fields[0].messages.join(' ')).toMatch(/large, medium, small, micro/);
    const repeated = await postRaw(guarantee(['small', 'small'])).expect(400);
    expect(repeated.body.fields).toEqual([{ field: 'guarantee.targetSizes', messages: ['targetSizes must not repeat a size'] }]);
    const notAList = await postRaw(guarantee('small')).expect(400);
    expect(notAList.body.fields[0].field).toBe('guarantee.targetSizes');

    const created = await postRaw(guarantee(['small', 'micro'])).expect(201);
    expect(created.body.guarantee).toEqual({ capacity: 200_000_000, feeRateBp: 150, targetIndustries: [], targetSizes: ['small', 'micro'] });
    const read = await t.http.get(`/api/listings/${created.body.id}`).auth(borrower.token, { type: 'bearer' }).expect(200);
    expect(read.body.guarantee.targetSizes).toEqual(['small', 'micro']);
    const edited = await t.http
      .patch(`/api/listings/${created.body.id}`)
      .auth(guarantor.token, { type: 'bearer' })
      .send({ version: 1, guarantee: { capacity: 200_000_000, feeRateBp: 150, targetIndustries: [], targetSizes: ['medium'] } })
      .expect(200);
    expect(edited.body.guarantee.targetSizes).toEqual(['medium']);
    const everySize = await postRaw({ ...guarantee(), title: '不限规模的担保' }).expect(201);
    expect(everySize.body.guarantee.targetSizes).toBeUndefined();
  });

  it('does not let another enterprise edit or withdraw a listing (403)', async () => {
    const res = await post(supplier, supplyListing()).expect(201);
    await t.http.patch(`/api/listings/${res.body.id}`).auth(outsider.token, { type: 'bearer' }).send({ version: 1, title: '改掉' }).expect(403);
    await t.http.post(`/api/listings/${res.body.id}/withdraw`).auth(buyer.token, { type: 'bearer' }).send({ version: 1 }).expect(403);
  });

  it('refuses a stale edit with 409 and records who changed what', async () => {
    const created = await post(supplier, supplyListing()).expect(201);
    const edited = await t.http
      .patch(`/api/listings/${created.body.id}`)
      .auth(supplier.token, { type: 'bearer' })
      .send({ version: 1, title: '螺纹钢 HRB400E 供应' })
      .expect(200);
    expect(edited.body.version).toBe(2);
    const stale = await t.http
      .patch(`/api/listings/${created.body.id}`)
      .auth(supplier.token, { type: 'bearer' })
      .send({ version: 1, title: '旧版本的修改' })
      .expect(409);
    expect(stale.body.code).toBe('stale_version');
    const history = await t.http.get(`/api/listings/${created.body.id}/history`).auth(supplier.token, { type: 'bearer' }).expect(200);
    expect(history.body.map((h: { action: string }) => h.action)).toEqual(['listing.created', 'listing.updated']);
    expect(history.body[1]).toMatchObject({
      version: 2,
      actorName: expect.any(String),
      changes: { changes: { title: { from: '螺纹钢 HRB400 供应', to: '螺纹钢 HRB400E 供应' } } },
    });
    await t.http.get(`/api/listings/${created.body.id}/history`).auth(outsider.token, { type: 'bearer' }).expect(403);
  });

  it('withdraws instead of deleting; a withdrawn listing leaves the board and cannot be edited', async () => {
    const created = await post(supplier, supplyListing()).expect(201);
    const withdrawn = await t.http
      .post(`/api/listings/${created.body.id}/withdraw`)
      .auth(supplier.token, { type: 'bearer' })
      .send({ version: 1, reason: '已售出' })
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    await t.http.patch(`/api/listings/${created.body.id}`).auth(supplier.token, { type: 'bearer' }).send({ version: 2, title: 'x' }).expect(409);
    const open = await t.http.get(`/api/sessions/${sessionId}/listings?pageSize=200`).auth(buyer.token, { type: 'bearer' }).expect(200);
    expect(open.body.items.map((l: { id: string }) => l.id)).not.toContain(created.body.id);
    const all = await t.http.get(`/api/sessions/${sessionId}/listings?status=withdrawn`).auth(buyer.token, { type: 'bearer' }).expect(200);
    expect(all.body.items.map((l: { id: string }) => l.id)).toContain(created.body.id);
    await t.http.get(`/api/listings/${created.body.id}`).auth(supplier.token, { type: 'bearer' }).expect(200);
  });

  it('shows confidential fields only to the owner and organisers', async () => {
    const need: ListingInput = {
      type: 'financing_need',
      title: '技改项目贷款需求',
      financing: { amount: 50_000_000, termMonths: 36, purpose: 'technical_upgrade', collateral: '厂房抵押', guaranteeNeeded: true },
      confidential: { annualRevenue: 320_000_000, debtRatioPercent: 58.5, notes: '上年亏损，今年扭亏' },
    };
    const created = await post(borrower, need, bankSessionId).expect(201);
    const asOwner = await t.http.get(`/api/listings/${created.body.id}`).auth(borrower.token, { type: 'bearer' }).expect(200);
    expect(asOwner.body.confidential).toMatchObject({ annualRevenue: 320_000_000 });
    const asOrganiser = await t.http.get(`/api/listings/${created.body.id}`).auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(asOrganiser.body.confidential.notes).toBe('上年亏损，今年扭亏');
    const asBank = await t.http.get(`/api/listings/${created.body.id}`).auth(bank.token, { type: 'bearer' }).expect(200);
    expect(asBank.body.confidential).toBeUndefined();
    expect(JSON.stringify(asBank.body)).not.toContain('上年亏损');
    const board = await t.http.get(`/api/sessions/${bankSessionId}/listings`).auth(bank.token, { type: 'bearer' }).expect(200);
    expect(JSON.stringify(board.body)).not.toContain('320000000');
  });

  it('sums the board totals in the database', async () => {
    const event = await t.event(organiser);
    const session = (await t.session(organiser, event.id, 'bank_enterprise', 'live')).id;
    await t.participate(borrower, organiser, session, 'borrower');
    await t.participate(bank, organiser, session, 'lender');
    const financing = (amount: number): ListingInput => ({
      type: 'financing_need',
      title: '流动资金',
      financing: { amount, termMonths: 12, purpose: 'working_capital', guaranteeNeeded: false },
    });
    await post(borrower, financing(10_000_000), session).expect(201);
    const second = await post(borrower, financing(25_000_000), session).expect(201);
    await post(
      bank,
      {
        type: 'credit_offer',
        title: '科技贷',
        credit: {
          amountMin: 1_000_000,
          amountMax: 50_000_000,
          totalLine: 2_000_000_000,
          termMinMonths: 6,
          termMaxMonths: 36,
          rateMinBp: 345,
          rateMaxBp: 480,
          targetIndustries: ['C31', 'C32'],
          targetSizes: ['small', 'micro'],
          guaranteeRequirement: 'collateral_or_guarantee',
        },
      },
      session,
    ).expect(201);
    await t.http.post(`/api/listings/${second.body.id}/withdraw`).auth(borrower.token, { type: 'bearer' }).send({ version: 1 }).expect(200);
    const totals = await t.http.get(`/api/sessions/${session}/board`).auth(bank.token, { type: 'bearer' }).expect(200);
    expect(totals.body).toMatchObject({
      participantsApproved: 2,
      listingsOpen: 2,
      financingNeeded: 10_000_000,
      creditOffered: 2_000_000_000,
      byType: { financing_need: 1, credit_offer: 1, supply: 0 },
    });
  });

  it('sums goods quantities per category and unit', async () => {
    const event = await t.event(organiser);
    const session = (await t.session(organiser, event.id, 'upstream_downstream', 'live')).id;
    await t.participate(supplier, organiser, session, 'supplier');
    await t.participate(buyer, organiser, session, 'buyer');
    await post(supplier, supplyListing(), session).expect(201);
    await post(supplier, supplyListing({ goods: { ...supplyListing().goods!, quantity: 1500.5 } }), session).expect(201);
    await post(buyer, { ...supplyListing(), type: 'demand', goods: { ...supplyListing().goods!, quantity: 800 } }, session).expect(201);
    const totals = await t.http.get(`/api/sessions/${session}/board`).auth(buyer.token, { type: 'bearer' }).expect(200);
    expect(totals.body.goods).toEqual([{ category: 'steel', unit: '吨', supplyQuantity: 6500.5, demandQuantity: 800 }]);
  });

  it('filters by type, category and search, and pages', async () => {
    const event = await t.event(organiser);
    const session = (await t.session(organiser, event.id, 'upstream_downstream', 'live')).id;
    await t.participate(supplier, organiser, session, 'supplier');
    for (let i = 0; i < 5; i++) await post(supplier, supplyListing({ title: `钢材批次${i}` }), session).expect(201);
    await post(supplier, supplyListing({ title: '铝锭', goods: { ...supplyListing().goods!, category: 'aluminium_ingot' } }), session).expect(201);
    const page = await t.http.get(`/api/sessions/${session}/listings?category=steel&pageSize=2&page=2`).auth(buyer.token, { type: 'bearer' }).expect(200);
    expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    const search = await t.http
      .get(`/api/sessions/${session}/listings?q=${encodeURIComponent('铝锭')}`)
      .auth(buyer.token, { type: 'bearer' })
      .expect(200);
    expect(search.body.items.map((l: { title: string }) => l.title)).toEqual(['铝锭']);
    await t.http.get(`/api/sessions/${session}/listings?type=barter`).auth(buyer.token, { type: 'bearer' }).expect(400);
  });

  it('makes a retried create with the same Idempotency-Key return the first listing', async () => {
    const key = randomUUID();
    const first = await post(supplier, supplyListing({ title: '幂等测试' }))
      .set('Idempotency-Key', key)
      .expect(201);
    const retry = await post(supplier, supplyListing({ title: '幂等测试' }))
      .set('Idempotency-Key', key)
      .expect(201);
    expect(retry.body.id).toBe(first.body.id);
    const different = await post(supplier, supplyListing({ title: '另一个请求' }))
      .set('Idempotency-Key', key)
      .expect(422);
    expect(different.body.code).toBe('idempotency_key_reused');
    const count = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM listing WHERE title = '幂等测试'`);
    expect(count[0].n).toBe(1);
  });

  it('lists my organisation’s listings including withdrawn ones', async () => {
    const mine = await t.http.get('/api/me/listings').auth(supplier.token, { type: 'bearer' }).expect(200);
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.every((l: { organisationId: string }) => l.organisationId === supplier.organisationId)).toBe(true);
    expect(mine.body.some((l: { status: string }) => l.status === 'withdrawn')).toBe(true);
  });
});
