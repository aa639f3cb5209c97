import { addCalendarDays, dayInZone, type Agreement, type EventSummaryPublication, type EventSummaryStatus, type ListingView } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import type * as ExcelJS from 'exceljs';
import { Clock } from '../common/clock';
import { pdfText } from '../testing/pdf-text';
import { PASSWORD, TestApp, supplyListing, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords, sheetValues } from '../testing/xlsx-download';

/** Values that must never reach a participant: confidential parts, collateral, key terms, contacts. */
const SECRETS = {
  supplyNotes: '供方内部底价3350机密',
  revenue: 987_654_321,
  collateral: '厂房及设备抵押机密A7',
  needNotes: '资产负债率内部口径机密',
  bankNotes: '行内审批口径机密B9',
  floorBp: 3217,
  keyTerms: '付款方式为货到九十天机密条款',
  loanTerms: '按季付息机密贷款条款',
  contactPhone: '0971-1234567',
};

describe('the supply and demand summary table (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let organiser: Actor;
  let supplier: Actor;
  let buyer: Actor;
  let borrower: Actor;
  let bank: Actor;
  let stranger: Actor;
  let eventId: string;
  let goods: string;
  let finance: string;
  let supply: ListingView;
  let demand: ListingView;
  let need: ListingView;
  let offer: ListingView;
  let contract: Agreement;
  let loan: Agreement;
  const today = dayInZone(new Date(), 'Asia/Shanghai');

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => t.http.patch(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  /** The clock the publication reads, a whole day after the real one (the event's last day is over). */
  const afterTheEvent = () => jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 36 * 3_600_000));
  const pdfOf = async (actor: Actor, query = '') => {
    const res = await as(actor)
      .get(`/events/${eventId}/summary.pdf${query}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return { status: res.status, body: res.body as Buffer };
  };
  /** Every cell of every sheet as text. */
  const workbookText = (workbook: ExcelJS.Workbook) =>
    workbook.worksheets
      .map((s) =>
        sheetValues(workbook, s.name)
          .map((row) => row.map((v) => (v === null ? '' : String(v))).join('\t'))
          .join('\n'),
      )
      .join('\n');

  async function sign(draft: Agreement, signers: Actor[]): Promise<Agreement> {
    for (const s of signers) await as(s).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);
    return (await as(signers[0]).get(`/agreements/${draft.id}`).expect(200)).body;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    // The event ends today in its time zone: it is over tomorrow.
    await as(organiser)
      .patch(`/events/${eventId}`, { startDate: addCalendarDays(today, -2), endDate: today })
      .expect(200);
    goods = (await t.session(organiser, eventId, 'upstream_downstream', 'live', 'open', '钢材上下游专场')).id;
    finance = (await t.session(organiser, eventId, 'bank_enterprise', 'live', 'open', '银企对接专场')).id;
    [supplier, buyer, borrower, bank, stranger] = await Promise.all([
      t.organisation('enterprise', { name: `西宁特钢测试${randomUUID().slice(0, 4)}` }),
      t.organisation('enterprise'),
      t.organisation('enterprise'),
      t.organisation('bank'),
      t.organisation('enterprise'),
    ]);
    await t.participate(supplier, organiser, goods, 'supplier');
    await t.participate(buyer, organiser, goods, 'buyer');
    await t.participate(borrower, organiser, finance, 'borrower');
    await t.participate(bank, organiser, finance, 'lender');
    // The stranger takes part in another event only.
    const otherEvent = (await t.event(organiser)).id;
    await t.participate(stranger, organiser, (await t.session(organiser, otherEvent, 'upstream_downstream', 'live')).id, 'buyer');

    supply = (
      await as(supplier)
        .post(`/sessions/${goods}/listings`, supplyListing({ confidential: { notes: SECRETS.supplyNotes, annualRevenue: SECRETS.revenue } }))
        .expect(201)
    ).body;
    demand = (
      await as(buyer)
        .post(
          `/sessions/${goods}/listings`,
          supplyListing({ type: 'demand', title: '=求购螺纹钢 2000 吨', goods: { ...supplyListing().goods!, quantity: 2000 } }),
        )
        .expect(201)
    ).body;
    need = (
      await as(borrower)
        .post(`/sessions/${finance}/listings`, {
          type: 'financing_need',
          title: '技改项目贷款需求',
          financing: { amount: 30_000_000, termMonths: 36, purpose: 'technical_upgrade', collateral: SECRETS.collateral, guaranteeNeeded: false },
          confidential: { notes: SECRETS.needNotes },
        })
        .expect(201)
    ).body;
    offer = (
      await as(bank)
        .post(`/sessions/${finance}/listings`, {
          type: 'credit_offer',
          title: '科技型企业信用贷',
          credit: {
            amountMin: 1_000_000,
            amountMax: 50_000_000,
            totalLine: 2_000_000_000,
            termMinMonths: 12,
            termMaxMonths: 60,
            rateMinBp: 385,
            rateMaxBp: 435,
            targetIndustries: ['C31'],
            targetSizes: ['medium'],
            guaranteeRequirement: 'none',
          },
          confidential: { notes: SECRETS.bankNotes, internalRateFloorBp: SECRETS.floorBp },
        })
        .expect(201)
    ).body;

    // The buyer asks the supplier for a meeting on their listings; it is accepted and held.
    const request = (await as(buyer).post('/meeting-requests', { toListingId: supply.id, fromListingId: demand.id, topic: '螺纹钢年度供货' }).expect(201)).body;
    await as(supplier).post(`/meeting-requests/${request.id}/answer`, { accept: true }).expect(200);
    await t.dataSource.query(`UPDATE meeting SET status = 'held' WHERE "requestId" = $1`, [request.id]);
    // The borrower applies to the bank's product with its need.
    await as(borrower).post(`/listings/${offer.id}/applications`, { needListingId: need.id }).expect(201);

    await as(organiser).post('/auth/step-up', { password: process.env.ADMIN_PASSWORD! }).expect(200);
    for (const a of [supplier, buyer, borrower, bank]) await as(a).post('/auth/step-up', { password: PASSWORD }).expect(200);
    // A supply contract that cites both listings, and a loan that cites none.
    const draft: Agreement = (
      await as(supplier)
        .post(`/sessions/${goods}/agreements`, {
          kind: 'supply_contract',
          title: '螺纹钢供货合同',
          amount: 7_200_000,
          product: 'steel',
          quantity: 2000,
          unit: '吨',
          keyTerms: SECRETS.keyTerms,
          listingIds: [supply.id, demand.id],
          parties: [
            { organisationId: supplier.organisationId, role: 'supplier' },
            { organisationId: buyer.organisationId, role: 'buyer' },
          ],
        })
        .expect(201)
    ).body;
    contract = await sign(draft, [supplier, buyer]);
    const loanDraft: Agreement = (
      await as(borrower)
        .post(`/sessions/${finance}/agreements`, {
          kind: 'loan',
          title: '技改项目贷款合同',
          amount: 25_000_000,
          termMonths: 36,
          keyTerms: SECRETS.loanTerms,
          parties: [
            { organisationId: borrower.organisationId, role: 'borrower' },
            { organisationId: bank.organisationId, role: 'lender' },
          ],
        })
        .expect(201)
    ).body;
    loan = await sign(loanDraft, [borrower, bank]);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('gives organisers the live preview: every listing with what came of it, the agreements signed and the totals', async () => {
    const { status, headers, workbook } = await downloadXlsx(t, organiser, `/events/${eventId}/summary.xlsx`);
    expect(status).toBe(200);
    expect(headers['x-export-rows']).toBe('6');
    expect(decodeURIComponent(headers['content-disposition'])).toContain('预览');
    const rows = sheetRecords(workbook!, '供需信息');
    expect(rows).toHaveLength(4);
    const byTitle = new Map(rows.map((r) => [r['标题'], r]));
    expect(byTitle.get(supply.title)).toMatchObject({
      专场: '钢材上下游专场',
      单位名称: expect.stringContaining('西宁特钢测试'),
      信息类别: '供应',
      产品品类: expect.any(String),
      数量: 5000,
      计量单位: '吨',
      '洽谈请求（次）': 1,
      '已洽谈（场）': 1,
      签约认定: '协议关联本信息',
      '签约协议（份）': 1,
      '签约金额（万元）': 720,
    });
    // A title that begins with = is kept as text, not a formula.
    expect(byTitle.get(`'${demand.title}`)).toMatchObject({ 信息类别: '需求', '洽谈请求（次）': 1, '签约协议（份）': 1 });
    // The need and the product were matched by the application; the loan cites no listing: counted by the same-session rule.
    expect(byTitle.get(need.title)).toMatchObject({
      信息类别: '融资需求',
      '金额（万元）': 3000,
      '融资申请（件）': 1,
      签约认定: '同专场签约',
      '签约协议（份）': 1,
      '签约金额（万元）': 2500,
    });
    expect(byTitle.get(offer.title)).toMatchObject({ 信息类别: '信贷产品', '金额（万元）': 200000, '融资申请（件）': 1, 签约认定: '同专场签约' });
    // Amounts are 万元 numbers with their format.
    const sheet = workbook!.getWorksheet('供需信息')!;
    const amountColumn = sheetValues(workbook!, '供需信息')[0].indexOf('签约金额（万元）') + 1;
    expect(sheet.getRow(2).getCell(amountColumn).numFmt).toBe('#,##0.00');

    const agreements = sheetRecords(workbook!, '签约协议');
    expect(agreements.map((a) => a['协议名称']).sort()).toEqual([contract.title, loan.title].sort());
    expect(agreements.find((a) => a['协议名称'] === contract.title)).toMatchObject({
      协议类型: '供货合同',
      '协议金额（万元）': 720,
      数量: 2000,
      计量单位: '吨',
      '关联供需信息（条）': 2,
      签约各方: expect.stringContaining(supply.organisationName),
    });
    const totals = Object.fromEntries(sheetRecords(workbook!, '合计').map((r) => [String(r['项目']).trim(), r]));
    expect(totals['发布供需信息（条）']['数量']).toBe(4);
    expect(totals['签约协议（份）']).toMatchObject({ 数量: 2, '金额（万元）': 3220 });
  });

  it('leaves every confidential value out of the workbook and the PDF', async () => {
    // They are there to leave out: stored with the listings and agreements.
    const stored: { secrets: string }[] = await t.dataSource.query(
      `SELECT concat_ws(' ', confidential::text, financing->>'collateral') AS secrets FROM listing WHERE id = ANY($1::uuid[])
        UNION ALL SELECT "keyTerms" FROM agreement WHERE id = ANY($2::uuid[])`,
      [
        [supply.id, need.id, offer.id],
        [contract.id, loan.id],
      ],
    );
    const all = stored.map((r) => r.secrets).join(' ');
    for (const secret of Object.values(SECRETS).filter((s) => s !== SECRETS.contactPhone)) expect(all).toContain(String(secret));
    const { workbook } = await downloadXlsx(t, organiser, `/events/${eventId}/summary.xlsx`);
    const text = workbookText(workbook!);
    const pdf = pdfText((await pdfOf(organiser)).body).text;
    expect(text).toContain(supply.title);
    expect(pdf).toContain(need.title);
    for (const secret of Object.values(SECRETS)) {
      expect(text).not.toContain(String(secret));
      expect(pdf.replace(/\s/g, '')).not.toContain(String(secret));
    }
  });

  it('keeps participants out until it is published, and other events’ participants out always', async () => {
    expect((await downloadXlsx(t, supplier, `/events/${eventId}/summary.xlsx`)).status).toBe(403);
    expect((await pdfOf(supplier)).status).toBe(403);
    const status: EventSummaryStatus = (await as(supplier).get(`/events/${eventId}/summary`).expect(200)).body;
    expect(status).toMatchObject({ publications: [], listings: 0, agreements: 0, ended: false });
    await as(stranger).get(`/events/${eventId}/summary`).expect(403);
    expect((await downloadXlsx(t, stranger, `/events/${eventId}/summary.xlsx`)).status).toBe(403);
    await as(organiser).get(`/events/${randomUUID()}/summary`).expect(404);
    await as(supplier).post(`/events/${eventId}/summary/publish`, { notFinal: true }).expect(403);
  });

  it('publishes before the event is over only when told it is not final, then notifies the participants and audits it', async () => {
    const refused = await as(organiser).post(`/events/${eventId}/summary/publish`, {}).expect(409);
    expect(refused.body.code).toBe('event_not_ended');
    const first: EventSummaryPublication = (await as(organiser).post(`/events/${eventId}/summary/publish`, { notFinal: true }).expect(201)).body;
    expect(first).toMatchObject({ version: 1, provisional: true, publishedByName: expect.any(String) });

    const told: { userId: string; params: Record<string, unknown>; link: string }[] = await t.dataSource.query(
      `SELECT "userId", params, link FROM notification WHERE kind = 'event_summary.published' AND "eventId" = $1`,
      [eventId],
    );
    expect(told.map((n) => n.userId).sort()).toEqual([supplier, buyer, borrower, bank].map((a) => a.userId).sort());
    expect(told[0]).toMatchObject({ params: { version: 1 }, link: `/events/${eventId}` });
    const [audit] = await t.dataSource.query(`SELECT data FROM audit_record WHERE action = 'event_summary.published' AND data->>'eventId' = $1`, [eventId]);
    expect(audit.data).toMatchObject({ version: 1, provisional: true, listings: 4, agreements: 2, notified: 4 });

    const { status, workbook } = await downloadXlsx(t, bank, `/events/${eventId}/summary.xlsx`);
    expect(status).toBe(200);
    expect(sheetRecords(workbook!, '供需信息')).toHaveLength(4);
    expect(workbookText(workbook!)).toContain('非最终版本');
    const pdf = await pdfOf(buyer);
    expect(pdf.status).toBe(200);
    const printed = pdfText(pdf.body).text;
    expect(printed).toContain('非最终版本');
    // The publication time on the event's wall clock (Asia/Shanghai), whatever the server's zone.
    const wall = new Date(new Date(first.publishedAt).getTime() + 8 * 3_600_000).toISOString();
    expect(printed).toContain(`第 1 版 · 发布于 ${wall.slice(0, 10)} ${wall.slice(11, 16)}`);
  });

  it('gives participants the table as of the latest publication: what is posted afterwards waits for the next one', async () => {
    afterTheEvent();
    // A retried click (the same Idempotency-Key) publishes once.
    const key = randomUUID();
    const publishOnce = () =>
      t.http.post(`/api/events/${eventId}/summary/publish`).auth(organiser.token, { type: 'bearer' }).set('Idempotency-Key', key).send({});
    const second: EventSummaryPublication = (await publishOnce().expect(201)).body;
    expect(second).toMatchObject({ version: 2, provisional: false });
    expect((await publishOnce().expect(201)).body).toEqual(second);
    const late: ListingView = (
      await as(buyer)
        .post(`/sessions/${goods}/listings`, supplyListing({ type: 'demand', title: '会后补充需求' }))
        .expect(201)
    ).body;
    await t.dataSource.query(`UPDATE listing SET "createdAt" = $2 WHERE id = $1`, [late.id, new Date(Date.now() + 48 * 3_600_000)]);

    const participant = await downloadXlsx(t, supplier, `/events/${eventId}/summary.xlsx`);
    expect(decodeURIComponent(participant.headers['content-disposition'])).toContain('第2版');
    expect(sheetRecords(participant.workbook!, '供需信息').map((r) => r['标题'])).not.toContain(late.title);
    const preview = await downloadXlsx(t, organiser, `/events/${eventId}/summary.xlsx`);
    expect(sheetRecords(preview.workbook!, '供需信息').map((r) => r['标题'])).toContain(late.title);
    const status: EventSummaryStatus = (await as(supplier).get(`/events/${eventId}/summary`).expect(200)).body;
    expect(status).toMatchObject({ ended: true, listings: 4, agreements: 2 });
    expect(status.publications.map((p) => p.version)).toEqual([2, 1]);
    // An earlier version by number; an unknown one is 404.
    expect((await downloadXlsx(t, supplier, `/events/${eventId}/summary.xlsx?version=1`)).status).toBe(200);
    expect((await downloadXlsx(t, supplier, `/events/${eventId}/summary.xlsx?version=9`)).status).toBe(404);
    expect((await downloadXlsx(t, supplier, `/events/${eventId}/summary.xlsx?version=x`)).status).toBe(400);
  });

  it('prints a landscape A4 PDF in Chinese with the header row on every page and page numbers', async () => {
    // A large session of one producer, posted straight into the table.
    const big = (await t.session(organiser, eventId, 'building_materials', 'live', 'open', '大宗建材专场')).id;
    await t.dataSource.query(
      `INSERT INTO listing ("sessionId", "eventId", "organisationId", type, title, goods, "createdByUserId", "updatedByUserId")
       SELECT $1, $2, $3, 'supply', '水泥供应第' || n || '批', '{"category":"cement","quantity":1000,"unit":"吨","region":"630100"}', $4, $4
         FROM generate_series(1, 90) AS n`,
      [big, eventId, supplier.organisationId, supplier.userId],
    );
    const { status, body } = await pdfOf(organiser);
    expect(status).toBe(200);
    const { pages, text } = pdfText(body);
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain('供需对接情况汇总表');
    expect(text).toContain('水泥供应第90批');
    const pageTexts = text.split('\f');
    for (const [i, page] of pageTexts.entries()) expect(page).toContain(`第 ${i + 1} / ${pages} 页`);
    // Every page of the listings' table starts with its header row.
    const listingPages = pageTexts.filter((p) => p.includes('水泥供应'));
    expect(listingPages.length).toBeGreaterThan(1);
    for (const page of listingPages) expect(page).toContain('单位名称');
  });
});
