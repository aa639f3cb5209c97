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

  it('recommends enterprise + bank + guarantor when the enterprise lacks the collateral the bank asks for', async () => {
    const need = await listing(borrower, bankSession, {
      type: 'financing_need',
      title: '技改贷款',
      financing: { amount: 30_000_000, termMonths: 36, purpose: 'technical_upgrade', guaranteeNeeded: true },
    });
    await listing(bank, bankSession, {
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
    const noGuarantor = await matches(borrower, need.id);
    expect(noGuarantor[0].guarantor).toBeNull();
    expect(noGuarantor[0].reasons.find((r) => r.factor === 'security')!.contribution).toBe(0);
    const offer = await listing(guarantor, bankSession, {
      type: 'guarantee_offer',
      title: '融资担保',
      guarantee: { capacity: 100_000_000, feeRateBp: 150, targetIndustries: [] },
    });
    const withGuarantor = await matches(borrower, need.id);
    const bankMatch = withGuarantor.find((m) => m.listing.type === 'credit_offer')!;
    expect(bankMatch.guarantor?.listing.id).toBe(offer.id);
    expect(bankMatch.reasons.find((r) => r.factor === 'security')!.text).toContain('三方组合');
    expect(bankMatch.score).toBeGreaterThan(noGuarantor[0].score);
    expect(withGuarantor.map((m) => m.listing.type)).toContain('guarantee_offer');
  });
});
