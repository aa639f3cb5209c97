import { dayInZone, type Agreement, type EventFigures, type InstitutionRow } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { CeremonyService } from '../ceremony/ceremony.service';
import { refreshAgreementProgress } from '../agreements/agreement-figures';
import { Clock } from '../common/clock';
import { PASSWORD, supplyListing, TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords } from '../testing/xlsx-download';

/**
 * A small event whose every figure is computed by hand below:
 *   L1 loan 3,000万 enterprise A (county 630102) ← bank 1, signed 2 March; approved 3,000万, disbursed 2,000万
 *   L2 loan 8,000万 enterprise B (county 632322) ← bank 2, signed 3 March, confirmed; approved, disbursed 8,000万, performed
 *   L3 loan 500万 enterprise A ← bank 1, drafted only (under negotiation)
 *   G1 steel 5,000 吨 for 1,800万, supplier S (630121) → buyer U (makes construction), signed 2 March; delivered 600万
 *   I1 intent 200万 between S and U, signed 3 March
 */
describe('figures: an event’s results, every figure from the database (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let organiser: Actor;
  let enterpriseA: Actor;
  let enterpriseB: Actor;
  let bank1: Actor;
  let bank2: Actor;
  let supplier: Actor;
  let buyer: Actor;
  let eventId: string;
  let earlierEventId: string;
  let bankSession: string;
  let goodsSession: string;
  const a: Record<string, Agreement> = {};

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  const figures = async (query = '', event = eventId): Promise<EventFigures> => (await as(organiser).get(`/events/${event}/figures${query}`).expect(200)).body;

  async function draft(sessionId: string, terms: object, drafter: Actor): Promise<Agreement> {
    return (await as(drafter).post(`/sessions/${sessionId}/agreements`, terms).expect(201)).body;
  }
  async function signed(sessionId: string, terms: object, signers: Actor[], signedAt: string): Promise<Agreement> {
    const agreement = await draft(sessionId, terms, signers[0]);
    setNow(signedAt);
    for (const s of signers) await as(s).post(`/agreements/${agreement.id}/sign`, { contentHash: agreement.contentHash }).expect(200);
    jest.restoreAllMocks();
    return agreement;
  }
  const loanTerms = (borrower: Actor, lender: Actor, amount: number) => ({
    kind: 'loan',
    title: `流动资金贷款 ${randomUUID().slice(0, 6)}`,
    amount,
    termMonths: 12,
    keyTerms: '按月付息',
    parties: [
      { organisationId: borrower.organisationId, role: 'borrower' },
      { organisationId: lender.organisationId, role: 'lender' },
    ],
  });
  // Follow-up is recorded on or after the day an agreement was drafted (today, by the real clock).
  const today = dayInZone(new Date(), 'Asia/Shanghai');
  const ledger = (actor: Actor, agreement: Agreement, kind: string, amount: number | null, reason?: string) =>
    as(actor)
      .post(`/agreements/${agreement.id}/ledger`, { kind, ...(amount === null ? {} : { amount }), occurredOn: today, ...(reason ? { reason } : {}) })
      .expect(201);

  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
    clock = t.app.get(Clock);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    bankSession = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    goodsSession = (await t.session(organiser, eventId, 'upstream_downstream', 'live')).id;
    [enterpriseA, enterpriseB, bank1, bank2, supplier, buyer] = await Promise.all([
      t.organisation('enterprise', { region: '630102' }),
      t.organisation('enterprise', { region: '632322' }),
      t.organisation('bank', { region: '630103' }),
      t.organisation('bank', { region: '630103' }),
      t.organisation('enterprise', { region: '630121' }),
      t.organisation('enterprise', { region: '630104' }),
    ]);
    await t.participate(enterpriseA, organiser, bankSession, 'borrower');
    await t.participate(enterpriseB, organiser, bankSession, 'borrower');
    await t.participate(bank1, organiser, bankSession, 'lender');
    await t.participate(bank2, organiser, bankSession, 'lender');
    await t.participate(supplier, organiser, goodsSession, 'supplier');
    await t.participate(buyer, organiser, goodsSession, 'buyer');
    await t.participate(buyer, organiser, goodsSession, 'supplier');
    await as(organiser).post('/auth/step-up', { password: process.env.ADMIN_PASSWORD! }).expect(200);
    for (const x of [enterpriseA, enterpriseB, bank1, bank2, supplier, buyer]) await as(x).post('/auth/step-up', { password: PASSWORD }).expect(200);

    // Two listings: bank 1's credit product, and the buyer's own supply one step down the steel chain.
    await as(bank1)
      .post(`/sessions/${bankSession}/listings`, {
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
      .expect(201);
    await as(buyer)
      .post(
        `/sessions/${goodsSession}/listings`,
        supplyListing({ title: '装配式建筑施工', goods: { ...supplyListing().goods!, category: 'construction', unit: '平方米', quantity: 20000 } }),
      )
      .expect(201);

    a.L1 = await signed(bankSession, loanTerms(enterpriseA, bank1, 30_000_000), [enterpriseA, bank1], '2026-03-02T10:00:00+08:00');
    a.L2 = await signed(bankSession, loanTerms(enterpriseB, bank2, 80_000_000), [enterpriseB, bank2], '2026-03-03T23:30:00+08:00');
    a.L3 = await draft(bankSession, loanTerms(enterpriseA, bank1, 5_000_000), enterpriseA);
    a.G1 = await signed(
      goodsSession,
      {
        kind: 'supply_contract',
        title: `螺纹钢供货合同 ${randomUUID().slice(0, 6)}`,
        amount: 18_000_000,
        product: 'steel',
        quantity: 5000,
        unit: '吨',
        keyTerms: '分批交货',
        parties: [
          { organisationId: supplier.organisationId, role: 'supplier' },
          { organisationId: buyer.organisationId, role: 'buyer' },
        ],
      },
      [supplier, buyer],
      '2026-03-02T12:00:00+08:00',
    );
    a.I1 = await signed(
      goodsSession,
      {
        kind: 'intent',
        title: `合作意向 ${randomUUID().slice(0, 6)}`,
        amount: 2_000_000,
        keyTerms: '意向',
        parties: [
          { organisationId: supplier.organisationId, role: 'supplier' },
          { organisationId: buyer.organisationId, role: 'buyer' },
        ],
      },
      [supplier, buyer],
      '2026-03-03T09:00:00+08:00',
    );
    await as(organiser).post(`/agreements/${a.L2.id}/confirm`).expect(200);
    await ledger(bank1, a.L1, 'approved', 30_000_000);
    await ledger(bank1, a.L1, 'disbursed', 20_000_000);
    await ledger(bank2, a.L2, 'approved', 80_000_000);
    await ledger(bank2, a.L2, 'disbursed', 80_000_000);
    await ledger(bank2, a.L2, 'performed', null, '贷款已全部发放并按期使用');
    await ledger(supplier, a.G1, 'delivered', 6_000_000);

    // An earlier edition: one loan of 5,000万.
    earlierEventId = (await t.event(organiser)).id;
    const earlierSession = (await t.session(organiser, earlierEventId, 'bank_enterprise', 'live')).id;
    await t.participate(enterpriseA, organiser, earlierSession, 'borrower');
    await t.participate(bank1, organiser, earlierSession, 'lender');
    await signed(earlierSession, loanTerms(enterpriseA, bank1, 50_000_000), [enterpriseA, bank1], '2025-03-02T10:00:00+08:00');
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('splits deals into signed, intent and under negotiation, with what followed signing', async () => {
    const f = await figures();
    expect(f.headline).toEqual({
      signed: { count: 3, amount: 128_000_000 },
      intent: { count: 1, amount: 2_000_000 },
      negotiating: { count: 1, amount: 5_000_000 },
      approved: 110_000_000,
      disbursed: 100_000_000,
      delivered: 6_000_000,
      performed: 1,
      target: 30_000_000_000,
    });
  });

  it('counts the funnel from participants to performed deals, with the conversion from each step to the next', async () => {
    const f = await figures();
    expect(Object.fromEntries(f.funnel.map((s) => [s.key, s.count]))).toEqual({
      participants: 6,
      listings: 2,
      actedOn: 0,
      meetingRequests: 0,
      meetingsHeld: 0,
      drafted: 5,
      signed: 4,
      confirmed: 1,
      approved: 2,
      fulfilling: 3,
      performed: 1,
    });
    expect(f.funnel.find((s) => s.key === 'signed')!.conversion).toBeCloseTo(4 / 5);
    expect(f.funnel.find((s) => s.key === 'participants')!.conversion).toBeNull();
    expect(f.funnel.find((s) => s.key === 'meetingsHeld')!.conversion).toBeNull();
  });

  it('breaks deals down by session kind, chain, region (counties rolled up into prefectures), day, size, goods and chain flow', async () => {
    const f = await figures();
    const row = <T extends { key: string }>(rows: T[], key: string) => rows.find((r) => r.key === key);
    expect(row(f.bySessionKind, 'bank_enterprise')).toMatchObject({ signed: { count: 2, amount: 110_000_000 }, negotiating: { count: 1, amount: 5_000_000 } });
    expect(row(f.bySessionKind, 'upstream_downstream')).toMatchObject({
      signed: { count: 1, amount: 18_000_000 },
      intent: { count: 1, amount: 2_000_000 },
      delivered: 6_000_000,
    });
    expect(f.bySession.map((s) => s.title).sort()).toEqual(['bank_enterprise 专场', 'upstream_downstream 专场']);
    expect(row(f.byChain, 'iron_steel_construction')).toMatchObject({ signed: { count: 1, amount: 18_000_000 } });
    expect(row(f.byChain, 'other')).toMatchObject({ signed: { count: 2, amount: 110_000_000 }, intent: { count: 1 }, negotiating: { count: 1 } });

    const xining = row(f.byRegion, '630100')!;
    expect(xining).toMatchObject({ signed: { count: 2, amount: 48_000_000 }, intent: { count: 1 }, negotiating: { count: 1 } });
    expect(xining.counties.map((c) => [c.key, c.signed.amount, c.negotiating.amount, c.intent.amount]).sort()).toEqual([
      ['630102', 30_000_000, 5_000_000, 0],
      ['630121', 18_000_000, 0, 2_000_000],
    ]);
    expect(row(f.byRegion, '632300')).toMatchObject({ signed: { count: 1, amount: 80_000_000 }, performed: 1 });

    // Days in the event's zone: the loan signed at 23:30 in China on 3 March counts on the 3rd.
    expect(f.byDay).toEqual([
      { day: '2026-03-02', signed: { count: 2, amount: 48_000_000 }, cumulative: { count: 2, amount: 48_000_000 } },
      { day: '2026-03-03', signed: { count: 1, amount: 80_000_000 }, cumulative: { count: 3, amount: 128_000_000 } },
    ]);
    expect(f.bySize.map((b) => [b.key, b.signed.count, b.intent.count, b.negotiating.count])).toEqual([
      ['1000000', 0, 1, 1],
      ['10000000', 2, 0, 0],
      ['50000000', 1, 0, 0],
    ]);
    expect(f.goods).toEqual([{ product: 'steel', unit: '吨', quantity: 5000, count: 1, amount: 18_000_000 }]);
    expect(f.flows).toEqual([{ from: 'steel', to: 'construction', toIndustry: false, amount: 18_000_000 }]);
  });

  it('gives each institution its products, deals, approvals and disbursements', async () => {
    const f = await figures();
    expect(f.institutions.find((r) => r.organisationId === bank1.organisationId)).toMatchObject({
      productsPosted: 1,
      applicationsReceived: 0,
      medianAnswerHours: null,
      signed: { count: 1, amount: 30_000_000 },
      approved: 30_000_000,
      disbursed: 20_000_000,
    });
    expect(f.institutions[0]).toMatchObject({ organisationId: bank2.organisationId, signed: { count: 1, amount: 80_000_000 }, disbursed: 80_000_000 });
  });

  it('narrows every figure by session, chain, region, institution and days in the event’s zone', async () => {
    expect((await figures(`?sessionId=${goodsSession}`)).headline).toMatchObject({
      signed: { count: 1, amount: 18_000_000 },
      intent: { count: 1 },
      negotiating: { count: 0 },
    });
    const steel = await figures('?chain=iron_steel_construction');
    expect(steel.headline.signed).toEqual({ count: 1, amount: 18_000_000 });
    expect(steel.funnel.find((s) => s.key === 'listings')!.count).toBe(1);
    expect((await figures('?region=632300')).headline.signed).toEqual({ count: 1, amount: 80_000_000 });
    expect((await figures('?region=630102')).headline).toMatchObject({ signed: { count: 1, amount: 30_000_000 }, negotiating: { count: 1 } });
    expect((await figures(`?institutionId=${bank1.organisationId}`)).headline).toMatchObject({
      signed: { count: 1, amount: 30_000_000 },
      negotiating: { count: 1 },
    });
    const third = await figures('?from=2026-03-03&to=2026-03-03');
    expect(third.headline).toMatchObject({ signed: { count: 1, amount: 80_000_000 }, intent: { count: 1 }, negotiating: { count: 0 } });
  });

  it('agrees with plain SQL sums over the agreements and their ledger', async () => {
    const [sql] = await t.dataSource.query(
      `SELECT COUNT(*) FILTER (WHERE a.status IN ('signed','confirmed') AND a.kind <> 'intent')::int AS signed,
              COALESCE(SUM(a.amount) FILTER (WHERE a.status IN ('signed','confirmed') AND a.kind <> 'intent'), 0)::float8 AS amount,
              (SELECT COALESCE(SUM(e.amount), 0)::float8 FROM agreement_ledger_entry e JOIN agreement x ON x.id = e."agreementId"
                WHERE x."eventId" = $1 AND e.kind = 'disbursed' AND x.kind <> 'intent') AS disbursed
         FROM agreement a WHERE a."eventId" = $1`,
      [eventId],
    );
    const f = await figures();
    expect({ signed: f.headline.signed.count, amount: f.headline.signed.amount, disbursed: f.headline.disbursed }).toEqual(sql);
  });

  it('agrees with the big screen, whose signed totals are the deals signed and intended (both are signed on stage)', async () => {
    const screen = await t.app.get(CeremonyService).totals(eventId);
    const f = await figures();
    expect({ count: screen.signedCount, amount: screen.signedAmount }).toEqual({
      count: f.headline.signed.count + f.headline.intent.count,
      amount: f.headline.signed.amount + f.headline.intent.amount,
    });
    for (const row of f.bySessionKind) {
      expect(screen.bySessionKind.find((k) => k.kind === row.key)).toEqual({
        kind: row.key,
        count: row.signed.count + row.intent.count,
        amount: row.signed.amount + row.intent.amount,
      });
    }
    expect(screen.byChain.find((c) => c.chain === 'iron_steel_construction')).toEqual({ chain: 'iron_steel_construction', count: 1, amount: 18_000_000 });
  });

  it('agrees with plain SQL over the agreements, parties and ledger on a generated event of 5,000 agreements', async () => {
    // Written straight into the database, so neither signed nor audited: removed again at the end, as the
    // audit chain's check (later specs, same database) would rightly call them tampered.
    const generated = (await t.event(organiser)).id;
    try {
      const sessions = [
        (await t.session(organiser, generated, 'bank_enterprise', 'live')).id,
        (await t.session(organiser, generated, 'upstream_downstream', 'live')).id,
      ];
      const enterprises = [enterpriseA, enterpriseB, supplier, buyer].map((x) => x.organisationId);
      const banks = [bank1, bank2].map((x) => x.organisationId);
      // Loans to an enterprise from a bank, goods between two enterprises, intents; a tenth still drafted.
      await t.dataSource.query(
        `INSERT INTO agreement ("eventId", "sessionId", kind, title, amount, product, quantity, unit, "keyTerms", status, "contentHash",
                                "draftedByOrganisationId", "draftedByUserId", "signedAt")
         SELECT $1, CASE WHEN i % 3 = 0 THEN $2::uuid ELSE $3::uuid END,
                CASE WHEN i % 3 = 0 THEN 'loan' WHEN i % 7 = 1 THEN 'intent' ELSE 'supply_contract' END,
                '生成协议 ' || i, 100000 + (i * 7919) % 200000000,
                CASE WHEN i % 3 = 0 THEN NULL ELSE (ARRAY['steel','cement','iron_ore_concentrate','construction'])[1 + i % 4] END,
                CASE WHEN i % 3 = 0 THEN NULL ELSE 10 + i % 500 END, CASE WHEN i % 3 = 0 THEN NULL ELSE '吨' END,
                '条款', CASE WHEN i % 10 = 0 THEN 'drafting' WHEN i % 4 = 0 THEN 'confirmed' ELSE 'signed' END, repeat('0', 64),
                $4, $5, CASE WHEN i % 10 = 0 THEN NULL ELSE timestamptz '2026-03-01 00:00+08' + (i % 240) * interval '1 hour' END
           FROM generate_series(1, 5000) i`,
        [generated, sessions[0], sessions[1], enterprises[0], organiser.userId],
      );
      const ids: string[] = (await t.dataSource.query(`SELECT id FROM agreement WHERE "eventId" = $1 ORDER BY title`, [generated])).map(
        (r: { id: string }) => r.id,
      );
      await t.dataSource.query(
        `INSERT INTO agreement_party ("agreementId", "organisationId", role)
         SELECT a.id, ($2::uuid[])[1 + (row_number() OVER (ORDER BY a.id))::int % 4], CASE WHEN a.kind = 'loan' THEN 'borrower' ELSE 'supplier' END
           FROM agreement a WHERE a."eventId" = $1
         UNION ALL
         SELECT a.id, CASE WHEN a.kind = 'loan' THEN ($3::uuid[])[1 + (row_number() OVER (ORDER BY a.id))::int % 2] ELSE $4::uuid END,
                CASE WHEN a.kind = 'loan' THEN 'lender' ELSE 'buyer' END
           FROM agreement a WHERE a."eventId" = $1
         ON CONFLICT DO NOTHING`,
        [generated, enterprises, banks, bank2.organisationId],
      );
      // A few ledger entries per signed deal: approvals and disbursements of loans, deliveries, some performed.
      await t.dataSource.query(
        `INSERT INTO agreement_ledger_entry ("agreementId", kind, amount, "occurredOn", "recordedByUserId")
         SELECT a.id, k.kind, CASE WHEN k.kind = 'performed' THEN NULL ELSE a.amount / k.part END, date '2026-03-20', $2
           FROM agreement a
           CROSS JOIN (VALUES ('approved', 1), ('disbursed', 2), ('disbursed', 4), ('delivered', 3), ('performed', 1)) AS k(kind, part)
          WHERE a."eventId" = $1 AND a.status <> 'drafting'
            AND ((a.kind = 'loan' AND k.kind IN ('approved', 'disbursed')) OR (a.kind = 'supply_contract' AND k.kind = 'delivered')
                 OR (k.kind = 'performed' AND a.kind <> 'intent' AND length(a.title) % 5 = 0))`,
        [generated, organiser.userId],
      );
      await t.dataSource.transaction((manager) => refreshAgreementProgress(manager, ids));

      const f = await figures('', generated);
      const [sql] = await t.dataSource.query(
        `WITH d AS (
           SELECT a.*, CASE WHEN a.status = 'drafting' THEN 'negotiating' WHEN a.kind = 'intent' THEN 'intent' ELSE 'signed' END AS class,
                  (SELECT COALESCE(SUM(e.amount), 0) FROM agreement_ledger_entry e WHERE e."agreementId" = a.id AND e.kind = 'approved') AS approved,
                  (SELECT COALESCE(SUM(e.amount), 0) FROM agreement_ledger_entry e WHERE e."agreementId" = a.id AND e.kind = 'disbursed') AS disbursed,
                  (SELECT COALESCE(SUM(e.amount), 0) FROM agreement_ledger_entry e WHERE e."agreementId" = a.id AND e.kind = 'delivered') AS delivered,
                  EXISTS (SELECT 1 FROM agreement_ledger_entry e WHERE e."agreementId" = a.id AND e.kind = 'performed' AND e."reopenedAt" IS NULL) AS performed
             FROM agreement a WHERE a."eventId" = $1)
         SELECT (COUNT(*) FILTER (WHERE class = 'signed'))::int AS "signedCount", COALESCE(SUM(amount) FILTER (WHERE class = 'signed'), 0)::float8 AS "signedAmount",
                (COUNT(*) FILTER (WHERE class = 'intent'))::int AS "intentCount", (COUNT(*) FILTER (WHERE class = 'negotiating'))::int AS "negotiatingCount",
                COALESCE(SUM(approved) FILTER (WHERE class = 'signed'), 0)::float8 AS approved,
                COALESCE(SUM(disbursed) FILTER (WHERE class = 'signed'), 0)::float8 AS disbursed,
                COALESCE(SUM(delivered) FILTER (WHERE class = 'signed'), 0)::float8 AS delivered,
                (COUNT(*) FILTER (WHERE class = 'signed' AND performed))::int AS performed
           FROM d`,
        [generated],
      );
      expect({
        signedCount: f.headline.signed.count,
        signedAmount: f.headline.signed.amount,
        intentCount: f.headline.intent.count,
        negotiatingCount: f.headline.negotiating.count,
        approved: f.headline.approved,
        disbursed: f.headline.disbursed,
        delivered: f.headline.delivered,
        performed: f.headline.performed,
      }).toEqual(sql);
      expect(sql.signedCount).toBeGreaterThan(2_000);

      // The big screen and the workbook say the same.
      const screen = await t.app.get(CeremonyService).totals(generated);
      const [signedAll] = await t.dataSource.query(
        `SELECT COUNT(*)::int AS count, SUM(amount)::float8 AS amount FROM agreement WHERE "eventId" = $1 AND status <> 'drafting'`,
        [generated],
      );
      expect({ count: screen.signedCount, amount: screen.signedAmount }).toEqual(signedAll);
      const book = (await downloadXlsx(t, organiser, `/events/${generated}/figures/export.xlsx`)).workbook!;
      expect(sheetRecords(book, '概览')[0]).toMatchObject({ 指标: '签约', 数量: sql.signedCount, '金额（万元）': sql.signedAmount / 10_000 });

      // Per region of the enterprise side (the borrower or the supplier), per bank, per day.
      const byRegion: { region: string; amount: number }[] = await t.dataSource.query(
        `SELECT left(o.region, 4) || '00' AS region, SUM(a.amount)::float8 AS amount
           FROM agreement a JOIN agreement_party p ON p."agreementId" = a.id AND p.role IN ('borrower', 'supplier') JOIN organisation o ON o.id = p."organisationId"
          WHERE a."eventId" = $1 AND a.status <> 'drafting' AND a.kind <> 'intent' GROUP BY 1 ORDER BY 1`,
        [generated],
      );
      expect(f.byRegion.map((r) => ({ region: r.key, amount: r.signed.amount })).sort((a, b) => a.region.localeCompare(b.region))).toEqual(byRegion);
      const byBank: { id: string; amount: number }[] = await t.dataSource.query(
        `SELECT p."organisationId" AS id, SUM(a.amount)::float8 AS amount FROM agreement a JOIN agreement_party p ON p."agreementId" = a.id AND p.role = 'lender'
          WHERE a."eventId" = $1 AND a.status <> 'drafting' GROUP BY 1`,
        [generated],
      );
      for (const bank of byBank) expect(f.institutions.find((r) => r.organisationId === bank.id)?.signed.amount).toBe(bank.amount);
      const [days] = await t.dataSource.query(
        `SELECT COUNT(DISTINCT to_char(a."signedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'))::int AS n FROM agreement a
          WHERE a."eventId" = $1 AND a.status <> 'drafting' AND a.kind <> 'intent'`,
        [generated],
      );
      expect(f.byDay).toHaveLength(days.n);
      expect(f.byDay.at(-1)!.cumulative).toEqual(f.headline.signed);
      expect(f.bySize.reduce((n, b) => n + b.signed.count, 0)).toBe(f.headline.signed.count);
      const goods: { product: string; quantity: number; amount: number }[] = await t.dataSource.query(
        `SELECT product, SUM(quantity)::float8 AS quantity, SUM(amount)::float8 AS amount FROM agreement
          WHERE "eventId" = $1 AND status <> 'drafting' AND kind <> 'intent' AND product IS NOT NULL GROUP BY 1 ORDER BY 1`,
        [generated],
      );
      expect(f.goods.map((g) => ({ product: g.product, quantity: g.quantity, amount: g.amount })).sort((x, y) => x.product.localeCompare(y.product))).toEqual(
        goods,
      );
    } finally {
      await t.dataSource.query(`DELETE FROM agreement_ledger_entry WHERE "agreementId" IN (SELECT id FROM agreement WHERE "eventId" = $1)`, [generated]);
      await t.dataSource.query(`DELETE FROM agreement WHERE "eventId" = $1`, [generated]);
    }
  });

  it('compares with an earlier event chosen by the organiser (较上届)', async () => {
    const f = await figures(`?compareTo=${earlierEventId}`);
    expect(f.comparison).toMatchObject({ eventId: earlierEventId, headline: { signed: { count: 1, amount: 50_000_000 } } });
    expect(f.comparison!.funnel.find((s) => s.key === 'participants')!.count).toBe(2);
    expect((await figures()).comparison).toBeNull();
  });

  it('downloads every breakdown as a workbook under the same filters, equal to the answer', async () => {
    const steel = await downloadXlsx(t, organiser, `/events/${eventId}/figures/export.xlsx?chain=iron_steel_construction`);
    expect(steel.status).toBe(200);
    expect(steel.headers['x-export-rows']).toBeDefined();
    const book = steel.workbook!;
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '概览',
      '对接漏斗',
      '按专场类型',
      '按专场',
      '按产业链',
      '按地区',
      '按日签约',
      '按规模',
      '货物签约',
      '产业链流向',
      '金融机构',
    ]);
    expect(sheetRecords(book, '概览')[0]).toMatchObject({ 指标: '签约', 数量: 1, '金额（万元）': 1800 });
    expect(book.getWorksheet('概览')!.getCell('C2').numFmt).toBe('#,##0.00');
    expect(sheetRecords(book, '按产业链')).toEqual([
      expect.objectContaining({ 产业链: '铁精粉—钢材—建筑业产业链', 签约数: 1, '签约金额（万元）': 1800, '交付金额（万元）': 600 }),
    ]);
    const all = await downloadXlsx(t, organiser, `/events/${eventId}/figures/export.xlsx`);
    const regions = sheetRecords(all.workbook!, '按地区').map((r) => [r['地区'], r['签约金额（万元）']]);
    expect(regions).toEqual(
      expect.arrayContaining([
        [expect.stringContaining('西宁市'), 4800],
        [expect.stringContaining('城东区'), 3000],
      ]),
    );
    expect((await downloadXlsx(t, bank1, `/events/${eventId}/figures/export.xlsx`)).status).toBe(403);
  });

  it('holds figures only: no listing’s confidential parts, contacts or agreement terms', async () => {
    const text = JSON.stringify(await figures(`?compareTo=${earlierEventId}`));
    for (const secret of ['keyTerms', '按月付息', '分批交货', 'contactPhone', '0971-1234567', 'confidential', '张三']) expect(text).not.toContain(secret);
  });

  it('shows an institution its own row only, and the whole answer to organisers only', async () => {
    await as(bank1).get(`/events/${eventId}/figures`).expect(403);
    const mine: InstitutionRow = (await as(bank1).get(`/events/${eventId}/figures/institution`).expect(200)).body;
    expect(mine).toMatchObject({ organisationId: bank1.organisationId, signed: { count: 1, amount: 30_000_000 } });
    await as(enterpriseA).get(`/events/${eventId}/figures/institution`).expect(404);
    await as(organiser).get(`/events/${eventId}/figures?region=999999`).expect(400);
    await as(organiser).get(`/events/${eventId}/figures?from=2026-02-30`).expect(400);
    await as(organiser).get(`/events/${randomUUID()}/figures`).expect(404);
  });

  it('tells organisers’ dashboards live that an event’s figures changed, once for a burst of changes', async () => {
    const socket: Socket = io(t.url!, { auth: { token: organiser.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      await new Promise((r) => setTimeout(r, 2_100)); // pushes still due from the set-up have gone
      const heard: string[] = [];
      socket.on('figures:changed', ({ eventId: changed }: { eventId: string }) => heard.push(changed));
      const before = (await figures()).headline.delivered;
      await ledger(supplier, a.G1, 'delivered', 1_000_000);
      await ledger(supplier, a.G1, 'delivered', 1_000_000);
      const deadline = Date.now() + 5_000;
      while (!heard.includes(eventId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(heard.filter((id) => id === eventId)).toHaveLength(1);
      expect((await figures()).headline.delivered).toBe(before + 2_000_000);
      await new Promise((r) => setTimeout(r, 2_100)); // the trailing push of the burst
      expect(heard.filter((id) => id === eventId).length).toBeLessThanOrEqual(2);
    } finally {
      socket.disconnect();
    }
  });
});
