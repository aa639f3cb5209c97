import type { Agreement, Briefing, Page } from '@duijie/shared';
import { createHash, randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { FILE_STORE, type FileStore } from '../storage/file-store';
import { pdfText } from '../testing/pdf-text';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { BriefingService } from './briefing.service';

/**
 * A small event (10–12 December 2026, target 5亿元):
 *   L1 loan 1亿 enterprise A ← bank, signed; G1 steel 2,800万 supplier S → buyer U, signed
 *   (1.28亿元 signed); I1 intent 200万 S–U; L2 loan 300万 drafted only (under negotiation).
 *   A owes a report that is past due; A raised a problem nobody has answered.
 * Then one more signing (G2 500万) between the first and the second briefing.
 */
describe('briefing: the coordination group’s 简报 (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let organiser: Actor;
  let enterpriseA: Actor;
  let bank: Actor;
  let supplier: Actor;
  let buyer: Actor;
  let eventId: string;
  let bankSession: string;
  let goodsSession: string;
  let enterpriseName: string;
  const a: Record<string, Agreement> = {};

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c?: Buffer) => chunks.push(c!));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };
  const download = async (id: string): Promise<Buffer> => {
    const res = await as(organiser).get(`/briefings/${id}/pdf`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.body as Buffer;
  };
  /** The PDF's text with the line breaks pdf.js puts inside table cells removed. */
  const textOf = (pdf: Buffer) => pdfText(pdf).text.replace(/\n/g, '');

  async function signed(sessionId: string, terms: object, signers: Actor[], signedAt: string): Promise<Agreement> {
    const agreement: Agreement = (await as(signers[0]).post(`/sessions/${sessionId}/agreements`, terms).expect(201)).body;
    setNow(signedAt);
    for (const s of signers) await as(s).post(`/agreements/${agreement.id}/sign`, { contentHash: agreement.contentHash }).expect(200);
    jest.restoreAllMocks();
    return agreement;
  }
  const loan = (amount: number) => ({
    kind: 'loan',
    title: `流动资金贷款 ${randomUUID().slice(0, 6)}`,
    amount,
    termMonths: 12,
    keyTerms: '按月付息',
    parties: [
      { organisationId: enterpriseA.organisationId, role: 'borrower' },
      { organisationId: bank.organisationId, role: 'lender' },
    ],
  });
  const goods = (kind: 'supply_contract' | 'intent', amount: number) => ({
    kind,
    title: `螺纹钢${kind === 'intent' ? '意向' : '供货合同'} ${randomUUID().slice(0, 6)}`,
    amount,
    ...(kind === 'intent' ? {} : { product: 'steel', quantity: 1000, unit: '吨' }),
    keyTerms: '分批交货',
    parties: [
      { organisationId: supplier.organisationId, role: 'supplier' },
      { organisationId: buyer.organisationId, role: 'buyer' },
    ],
  });

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    await t.http.patch(`/api/events/${eventId}`).auth(organiser.token, { type: 'bearer' }).send({ targetAmount: 500_000_000 }).expect(200);
    bankSession = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    goodsSession = (await t.session(organiser, eventId, 'upstream_downstream', 'live')).id;
    enterpriseName = `简报测试企业${randomUUID().slice(0, 4)}`;
    [enterpriseA, bank, supplier, buyer] = await Promise.all([
      t.organisation('enterprise', { name: enterpriseName }),
      t.organisation('bank'),
      t.organisation('enterprise'),
      t.organisation('enterprise'),
    ]);
    await t.participate(enterpriseA, organiser, bankSession, 'borrower');
    await t.participate(bank, organiser, bankSession, 'lender');
    await t.participate(supplier, organiser, goodsSession, 'supplier');
    await t.participate(buyer, organiser, goodsSession, 'buyer');
    await as(organiser).post('/auth/step-up', { password: process.env.ADMIN_PASSWORD! }).expect(200);
    for (const x of [enterpriseA, bank, supplier, buyer]) await as(x).post('/auth/step-up', { password: PASSWORD }).expect(200);

    a.L1 = await signed(bankSession, loan(100_000_000), [enterpriseA, bank], '2026-12-10T10:00:00+08:00');
    a.G1 = await signed(goodsSession, goods('supply_contract', 28_000_000), [supplier, buyer], '2026-12-10T11:00:00+08:00');
    a.I1 = await signed(goodsSession, goods('intent', 2_000_000), [supplier, buyer], '2026-12-11T11:00:00+08:00');
    await as(enterpriseA).post(`/sessions/${bankSession}/agreements`, loan(3_000_000)).expect(201);

    // A report A owes, past due; a problem A raised that nobody has answered.
    await t.dataSource.query(
      `INSERT INTO obligation (kind, "eventId", "sessionId", "organisationId", "subjectType", "subjectId", "subjectTitle", step, seq, "dueOn", "dueAt")
       VALUES ('agreement_report', $1, $2, $3, 'agreement', $4, '流动资金贷款', 'progress', 1, '2026-01-05', '2026-01-05T16:00:00Z')`,
      [eventId, bankSession, enterpriseA.organisationId, a.L1.id],
    );
    await as(enterpriseA)
      .post(`/events/${eventId}/problems`, { category: 'power', urgency: 'urgent', title: '厂区用电增容待审批', description: '需协调供电公司' })
      .expect(201);
  }, 180_000);
  afterAll(() => t.close());

  let first: Briefing;

  it('makes a briefing on demand whose PDF reads back with the Chinese headings, the headline figures in 万元/亿元 and the lists', async () => {
    first = (await as(organiser).post(`/events/${eventId}/briefings`).expect(201)).body;
    expect(first).toMatchObject({ seq: 1, eventId, weekStart: null, sentAt: null, createdBy: { userId: organiser.userId } });
    expect(first.headline.signed).toEqual({ count: 2, amount: 128_000_000 });
    const text = textOf(await download(first.id));
    for (const heading of ['对接工作简报', '第1期', '一、主要指标', '二、与上期相比', '三、图表', '四、逾期未报送单位', '五、待解决问题']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('2个 · 1.28亿元'); // signed
    expect(text).toContain('1个 · 200万元'); // intent
    expect(text).toContain('1个 · 300万元'); // under negotiation
    expect(text).toContain('签约目标 5亿元，已签约 1.28亿元，完成目标的 25.6%');
    expect(text).toContain('本期为首期简报');
    // The charts' own words, drawn from ECharts' SVG.
    expect(text).toContain('各专场签约与意向金额');
    expect(text).toContain('银企对接');
    expect(text).toContain('2,800'); // the steel contract's bar, in 万元
    expect(text).toContain(enterpriseName);
    expect(text).toContain('【紧急】厂区用电增容待审批');
    expect(text).toMatch(/第 1 \/ \d 页/);
    expect(text).toContain('Asia/Shanghai');
  });

  it('keeps the PDF in the file store with the sha256 and size it lists', async () => {
    const pdf = await download(first.id);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(first.sha256);
    expect(pdf.length).toBe(first.size);
    const [row] = await t.dataSource.query(`SELECT "storageKey" FROM briefing WHERE id = $1`, [first.id]);
    const stored = await t.app.get<FileStore>(FILE_STORE).get(row.storageKey);
    expect(createHash('sha256').update(stored!).digest('hex')).toBe(first.sha256);
    const [audit] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_record WHERE action = 'briefing.created' AND "entityId" = $1`, [first.id]);
    expect(audit.n).toBe(1);
  });

  it('says what changed since the briefing before, after one more signing', async () => {
    await signed(goodsSession, goods('supply_contract', 5_000_000), [supplier, buyer], '2026-12-12T10:00:00+08:00');
    const second: Briefing = (await as(organiser).post(`/events/${eventId}/briefings`).expect(201)).body;
    expect(second.seq).toBe(2);
    expect(second.headline.signed).toEqual({ count: 3, amount: 133_000_000 });
    const text = textOf(await download(second.id));
    expect(text).toContain('第2期');
    expect(text).toContain('较上期（第1期）');
    expect(text).toContain('3个 · 1.33亿元');
    expect(text).toContain('+1个 · +500万元'); // signed, headline and the goods session's row
    expect(text).toContain('上下游产业对接');
    expect(text).not.toContain('本期为首期简报');
  });

  it('answers a retried request with the same Idempotency-Key with the same briefing', async () => {
    const key = randomUUID();
    const once: Briefing = (await as(organiser).post(`/events/${eventId}/briefings`).set('Idempotency-Key', key).expect(201)).body;
    const again: Briefing = (await as(organiser).post(`/events/${eventId}/briefings`).set('Idempotency-Key', key).expect(201)).body;
    expect(again.id).toBe(once.id);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM briefing WHERE id = $1`, [once.id]);
    expect(n).toBe(1);
  });

  it('lists the briefings newest first, a page at a time', async () => {
    const page: Page<Briefing> = (await as(organiser).get(`/events/${eventId}/briefings?pageSize=2`).expect(200)).body;
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items.map((b) => b.seq)).toEqual([page.total, page.total - 1]);
  });

  it('makes exactly one weekly briefing per event and week, however often the job runs, from Monday 08:00 in the event’s zone', async () => {
    const service = t.app.get(BriefingService);
    const count = async () =>
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM briefing WHERE "eventId" = $1 AND "weekStart" = '2026-12-07'`, [eventId]))[0].n as number;
    setNow('2026-12-14T07:30:00+08:00');
    await service.runWeekly();
    expect(await count()).toBe(0);
    setNow('2026-12-14T09:00:00+08:00');
    await service.runWeekly();
    await Promise.all([service.runWeekly(), service.runWeekly()]);
    setNow('2026-12-15T10:00:00+08:00');
    await service.runWeekly();
    jest.restoreAllMocks();
    expect(await count()).toBe(1);
    const [row] = await t.dataSource.query(
      `SELECT "periodFrom"::text, "periodTo"::text, "createdByUserId" FROM briefing WHERE "eventId" = $1 AND "weekStart" = '2026-12-07'`,
      [eventId],
    );
    expect(row).toEqual({ periodFrom: '2026-12-07', periodTo: '2026-12-13', createdByUserId: null });
  });

  it('briefs only events that are live or ended at most four weeks before the week', () => {
    const service = t.app.get(BriefingService);
    const monday = new Date('2026-12-14T09:00:00+08:00');
    const zone = 'Asia/Shanghai';
    expect(service.weekDue({ timeZone: zone, startDate: '2026-12-10', endDate: '2026-12-12' }, monday)).toBe('2026-12-07');
    expect(service.weekDue({ timeZone: zone, startDate: '2026-10-01', endDate: '2026-11-10' }, monday)).toBe('2026-12-07');
    expect(service.weekDue({ timeZone: zone, startDate: '2026-09-01', endDate: '2026-11-01' }, monday)).toBeNull();
    expect(service.weekDue({ timeZone: zone, startDate: '2027-01-10', endDate: '2027-01-12' }, monday)).toBeNull();
    // 09:00 in Beijing is 01:00 in London: its Monday 08:00 has not come yet.
    expect(service.weekDue({ timeZone: 'Europe/London', startDate: '2026-12-10', endDate: '2026-12-12' }, monday)).toBeNull();
  });

  it('sends a briefing to the organisers and the member departments’ users, and audits it', async () => {
    await as(organiser).post(`/events/${eventId}/departments`, { name: '省工信厅', organisationId: organiser.organisationId }).expect(201);
    const sent: Briefing = (await as(organiser).post(`/briefings/${first.id}/send`).expect(200)).body;
    expect(sent.sentAt).not.toBeNull();
    expect(sent.sentTo).toBeGreaterThanOrEqual(1);
    const [told] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'briefing.sent' AND "userId" = $1 AND "eventId" = $2`, [
      organiser.userId,
      eventId,
    ]);
    expect(told.n).toBe(1);
    const [audit] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_record WHERE action = 'briefing.sent' AND "entityId" = $1`, [first.id]);
    expect(audit.n).toBe(1);
  });

  it('refuses participants on every briefing route (403)', async () => {
    await as(enterpriseA).get(`/events/${eventId}/briefings`).expect(403);
    await as(enterpriseA).post(`/events/${eventId}/briefings`).expect(403);
    await as(enterpriseA).get(`/briefings/${first.id}/pdf`).expect(403);
    await as(enterpriseA).post(`/briefings/${first.id}/send`).expect(403);
    await as(organiser).get(`/briefings/${randomUUID()}/pdf`).expect(404);
  });
});
