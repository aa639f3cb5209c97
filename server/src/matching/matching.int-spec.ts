import type { ListingInput, Match } from '@duijie/shared';
import { supplyListing, TestApp, type Actor } from '../testing/test-app';

describe('matches endpoint (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let goodsSession: string;
  let bankSession: string;
  let mill: Actor;
  let localSupplier: Actor;
  let farSupplier: Actor;
  let builder: Actor;
  let borrower: Actor;
  let bank: Actor;
  let guarantor: Actor;
  let demandId: string;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    put: (path: string) => t.http.put(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    patch: (path: string, body: object) => t.http.patch(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const listing = async (actor: Actor, session: string, body: ListingInput): Promise<{ id: string; version: number }> =>
    (await as(actor).post(`/sessions/${session}/listings`, body).expect(201)).body;
  const matches = async (actor: Actor, id: string, query = ''): Promise<Match[]> => (await as(actor).get(`/listings/${id}/matches${query}`).expect(200)).body;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    const event = await t.event(organiser);
    goodsSession = (await t.session(organiser, event.id, 'building_materials', 'live')).id;
    bankSession = (await t.session(organiser, event.id, 'bank_enterprise', 'live')).id;
    [mill, localSupplier, farSupplier, builder, borrower, bank, guarantor] = await Promise.all([
      t.organisation('enterprise', { region: '630100' }),
      t.organisation('enterprise', { region: '630100' }),
      t.organisation('enterprise', { region: '440100' }),
      t.organisation('construction_unit'),
      t.organisation('enterprise', { size: 'small' }),
      t.organisation('bank'),
      t.organisation('guarantor'),
    ]);
    for (const supplier of [mill, localSupplier, farSupplier]) await t.participate(supplier, organiser, goodsSession, 'producer');
    await t.participate(builder, organiser, goodsSession, 'builder');
    await t.participate(borrower, organiser, bankSession, 'borrower');
    await t.participate(bank, organiser, bankSession, 'lender');
    await t.participate(guarantor, organiser, bankSession, 'guarantor');
    demandId = (
      await listing(builder, goodsSession, {
        type: 'demand',
        title: '保障房项目螺纹钢采购',
        goods: {
          category: 'steel',
          specification: 'HRB400',
          quantity: 5000,
          unit: '吨',
          priceMin: 3600,
          priceMax: 3900,
          deliveryFrom: '2027-01-01',
          deliveryTo: '2027-06-30',
          region: '630100',
        },
      })
    ).id;
  });
  afterAll(() => t.close());

  it('ranks counterparts best first with every factor explained in Chinese, public projection only', async () => {
    await listing(localSupplier, goodsSession, supplyListing({ confidential: { notes: '内部底价 3500' } }));
    await listing(farSupplier, goodsSession, supplyListing({ goods: { ...supplyListing().goods!, region: '440100', quantity: 1000 } }));
    await listing(mill, goodsSession, supplyListing({ title: '铝锭供应', goods: { ...supplyListing().goods!, category: 'aluminium_ingot' } }));
    const result = await matches(builder, demandId);
    expect(result).toHaveLength(2);
    expect(result[0].listing.organisationId).toBe(localSupplier.organisationId);
    expect(result[0].score).toBeGreaterThan(result[1].score);
    expect(result[0].score).toBe(100);
    expect(result[0].reasons.map((r) => r.factor)).toEqual(['product', 'quantity', 'price', 'delivery', 'distance', 'local']);
    expect(result[0].reasons.find((r) => r.factor === 'local')!.text).toContain('省内企业优先');
    // Contributions are shown to one decimal, so they add up to the score give or take rounding.
    expect(Math.abs(result[0].reasons.reduce((sum, r) => sum + r.contribution, 0) - result[0].score)).toBeLessThan(0.5);
    expect(result[1].reasons.find((r) => r.factor === 'distance')!.text).toMatch(/运距约 \d+ 公里/);
    expect(result[0].listing).not.toHaveProperty('confidential');
    expect(JSON.stringify(result)).not.toContain('内部底价');
    const english = await matches(builder, demandId, '?lang=en&limit=1');
    expect(english).toHaveLength(1);
    expect(english[0].reasons[0].text).toBe('Same product: Steel products');
  });

  it('follows listings as they are created, changed and withdrawn', async () => {
    const before = await matches(builder, demandId);
    const created = await listing(mill, goodsSession, supplyListing({ title: '新增螺纹钢' }));
    let after = await matches(builder, demandId);
    expect(after.map((m) => m.listing.id)).toContain(created.id);
    expect(after).toHaveLength(before.length + 1);
    await as(mill)
      .patch(`/listings/${created.id}`, { version: created.version, goods: { ...supplyListing().goods!, category: 'cement' } })
      .expect(200);
    after = await matches(builder, demandId);
    expect(after.map((m) => m.listing.id)).not.toContain(created.id);
    const far = before.find((m) => m.listing.organisationId === farSupplier.organisationId)!;
    await as(farSupplier).post(`/listings/${far.listing.id}/withdraw`, { version: far.listing.version }).expect(200);
    after = await matches(builder, demandId);
    expect(after.map((m) => m.listing.id)).not.toContain(far.listing.id);
  });

  it('drops a dismissed recommendation for good and keeps bookmarks, for the owner only', async () => {
    const [first] = await matches(builder, demandId);
    await as(builder).put(`/listings/${demandId}/matches/${first.listing.id}/bookmarked`).expect(204);
    expect((await matches(builder, demandId))[0].bookmarked).toBe(true);
    await as(builder).put(`/listings/${demandId}/matches/${first.listing.id}/dismissed`).expect(204);
    await as(builder).put(`/listings/${demandId}/matches/${first.listing.id}/dismissed`).expect(204);
    expect((await matches(builder, demandId)).map((m) => m.listing.id)).not.toContain(first.listing.id);
    await as(mill).put(`/listings/${demandId}/matches/${first.listing.id}/dismissed`).expect(404);
    await as(mill).get(`/listings/${demandId}/matches`).expect(404);
    expect((await as(organiser).get(`/listings/${demandId}/matches`).expect(200)).body).toBeInstanceOf(Array);
    const bad = await as(builder).get(`/listings/${demandId}/matches?limit=500`).expect(400);
    expect(bad.body.fields[0].field).toBe('limit');
  });

  it('labels chain suggestions and follows the chain’s direction', async () => {
    const event = await t.event(organiser);
    const chainSession = (await t.session(organiser, event.id, 'upstream_downstream', 'live')).id;
    const buildSession = (await t.session(organiser, event.id, 'building_materials', 'live')).id;
    const [mine, steelMill, machineMaker, rebarBuyer] = await Promise.all([
      t.organisation('enterprise'),
      t.organisation('enterprise'),
      t.organisation('enterprise'),
      t.organisation('construction_unit'),
    ]);
    await t.participate(mine, organiser, chainSession, 'supplier');
    await t.participate(steelMill, organiser, chainSession, 'supplier');
    await t.participate(machineMaker, organiser, chainSession, 'buyer');
    await t.participate(rebarBuyer, organiser, buildSession, 'builder');
    const goodsOf = (category: string) => ({ ...supplyListing().goods!, category });
    const ore = await listing(mine, chainSession, supplyListing({ title: '铁精粉供应', goods: { ...goodsOf('iron_ore_concentrate'), unit: '吨' } }));
    const steel = await listing(steelMill, chainSession, supplyListing({ title: '钢材供应', goods: goodsOf('steel') }));
    const plate = await listing(machineMaker, chainSession, { ...supplyListing({ goods: goodsOf('steel') }), type: 'demand', title: '钢板采购' });
    const rebar = await listing(rebarBuyer, buildSession, { ...supplyListing({ goods: goodsOf('rebar') }), type: 'demand', title: '螺纹钢采购' });
    const forOre = await matches(mine, ore.id);
    expect(forOre.find((m) => m.listing.id === steel.id)).toMatchObject({ relation: 'prospective_buyer' });
    expect(forOre.find((m) => m.listing.id === steel.id)!.reasons[0].text).toBe('潜在买方：以铁精粉为原料生产钢材');
    expect(forOre.find((m) => m.listing.id === plate.id)).toMatchObject({ relation: 'chain_cooperation' });
    // The steel plate buyer gets the steel first, the ore after it, labelled as chain cooperation.
    const forPlate = await matches(machineMaker, plate.id);
    expect(forPlate.map((m) => [m.listing.id, m.relation])).toEqual([
      [steel.id, 'direct'],
      [ore.id, 'chain_cooperation'],
    ]);
    expect(forPlate[1].reasons[0].text).toBe('产业链协作：铁精粉是钢材的上游原料');
    // The builder's rebar demand (another session's purpose) is not offered iron ore.
    expect((await matches(rebarBuyer, rebar.id)).map((m) => m.listing.id)).not.toContain(ore.id);
    const forSteel = await matches(steelMill, steel.id);
    expect(forSteel.find((m) => m.listing.id === ore.id)).toMatchObject({ relation: 'prospective_supplier' });
  });

  it('recommends enterprise + bank + guarantor when the enterprise lacks the collateral the bank asks for', async () => {
    const need = await listing(borrower, bankSession, {
      type: 'financing_need',
      title: '技改贷款',
      financing: { amount: 30_000_000, termMonths: 36, purpose: 'technical_upgrade', collateral: '无', guaranteeNeeded: true },
    });
    const product = await listing(bank, bankSession, {
      type: 'credit_offer',
      title: '抵押贷',
      credit: {
        amountMin: 1_000_000,
        amountMax: 50_000_000,
        totalLine: 2_000_000_000,
        termMinMonths: 6,
        termMaxMonths: 60,
        rateMinBp: 345,
        rateMaxBp: 480,
        targetIndustries: ['C31'],
        targetSizes: [],
        guaranteeRequirement: 'collateral',
      },
    });
    // 抵押物 无 is no collateral, and no guarantor fits yet: the bank cannot lend, so it is not recommended.
    expect((await matches(borrower, need.id)).map((m) => m.listing.id)).not.toContain(product.id);
    const nearMisses = await matches(organiser, need.id, '?includeIneligible=true');
    const refused = nearMisses.find((m) => m.listing.id === product.id)!;
    expect(refused).toMatchObject({ eligible: false, score: 0, guarantor: null });
    expect(refused.ineligible).toEqual(['银行要求抵押，企业未提供抵押物，需要担保，且活动中暂无合适的担保机构']);
    const offer = await listing(guarantor, bankSession, {
      type: 'guarantee_offer',
      title: '融资担保',
      guarantee: { capacity: 100_000_000, feeRateBp: 150, targetIndustries: [] },
    });
    const withGuarantor = await matches(borrower, need.id);
    const bankMatch = withGuarantor.find((m) => m.listing.type === 'credit_offer')!;
    expect(bankMatch).toMatchObject({ eligible: true, ineligible: [], relation: 'direct' });
    expect(bankMatch.guarantor?.listing.id).toBe(offer.id);
    expect(bankMatch.reasons.find((r) => r.factor === 'security')!.text).toBe('银行要求抵押，企业未提供抵押物，需要担保，由担保机构增信（三方组合）');
    expect(withGuarantor.map((m) => m.listing.type)).toContain('guarantee_offer');
    // Every match of the need, and the guarantor's own reasons, say the same about its collateral.
    const texts = withGuarantor.flatMap((m) => [...m.reasons, ...(m.guarantor?.reasons ?? [])].map((r) => r.text));
    expect(texts.filter((t) => /企业可提供抵押物/.test(t))).toEqual([]);
    expect(texts.filter((t) => /企业未提供抵押物/.test(t)).length).toBeGreaterThanOrEqual(2);
  });

  it('shows near misses after the recommendations to organisers only, each with why it is ineligible', async () => {
    const need = await listing(borrower, bankSession, {
      type: 'financing_need',
      title: '小额流动资金',
      financing: { amount: 500_000, termMonths: 3, purpose: 'working_capital', collateral: '存货质押', guaranteeNeeded: false },
    });
    const product = await listing(bank, bankSession, {
      type: 'credit_offer',
      title: '大中型企业技改贷',
      credit: {
        amountMin: 1_000_000,
        amountMax: 50_000_000,
        totalLine: 2_000_000_000,
        termMinMonths: 12,
        termMaxMonths: 60,
        rateMinBp: 345,
        rateMaxBp: 480,
        targetIndustries: [],
        targetSizes: ['large', 'medium'],
        guaranteeRequirement: 'none',
      },
    });
    const recommended = await matches(borrower, need.id);
    expect(recommended.map((m) => m.listing.id)).not.toContain(product.id);
    expect(recommended.every((m) => m.eligible && m.ineligible.length === 0)).toBe(true);
    await as(borrower).get(`/listings/${need.id}/matches?includeIneligible=true`).expect(403);
    expect(await matches(borrower, need.id, '?includeIneligible=false')).toEqual(recommended);
    const all = await matches(organiser, need.id, '?includeIneligible=true');
    const firstMiss = all.findIndex((m) => !m.eligible);
    expect(firstMiss).toBeGreaterThanOrEqual(0);
    expect(all.slice(firstMiss).every((m) => !m.eligible)).toBe(true);
    const miss = all.find((m) => m.listing.id === product.id)!;
    expect(miss.ineligible).toEqual([
      '融资额 50万元 低于单笔下限 100万元',
      '期限 3 个月短于最短期限 12 个月',
      '企业规模（小型）不在产品面向的规模（大型、中型）之内',
    ]);
    const english = await matches(organiser, need.id, '?includeIneligible=true&lang=en');
    expect(english.find((m) => m.listing.id === product.id)!.ineligible[0]).toBe('50万元 is below the per-loan minimum of 100万元');
    const bad = await as(organiser).get(`/listings/${need.id}/matches?includeIneligible=yes`).expect(400);
    expect(bad.body.fields[0].field).toBe('includeIneligible');
  });
});
