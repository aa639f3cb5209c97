import type { FinancingApplication, ListingInput } from '@duijie/shared';
import { TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords } from '../testing/xlsx-download';

describe('supermarket applications export (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let borrower: Actor;
  let bank: Actor;
  let eventId: string;
  let sessionId: string;

  const post = async (actor: Actor, body: ListingInput): Promise<string> =>
    (await t.http.post(`/api/sessions/${sessionId}/listings`).auth(actor.token, { type: 'bearer' }).send(body).expect(201)).body.id;
  const credit = (title: string): ListingInput => ({
    type: 'credit_offer',
    title,
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
  });

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    [borrower, bank] = await Promise.all([t.organisation('enterprise'), t.organisation('bank')]);
    await t.participate(borrower, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
  });
  afterAll(() => t.close());

  it('writes every application with the need in 万元 and the status in Chinese, and the per-bank answers on a second sheet', async () => {
    const needId = await post(borrower, {
      type: 'financing_need',
      title: '技改贷款',
      financing: { amount: 30_000_000, termMonths: 24, purpose: 'technical_upgrade', collateral: '设备', guaranteeNeeded: false },
    });
    const [loan, green] = [await post(bank, credit('抵押经营贷')), await post(bank, credit('绿色信贷'))];
    const apply = async (offer: string): Promise<FinancingApplication> =>
      (await t.http.post(`/api/listings/${offer}/applications`).auth(borrower.token, { type: 'bearer' }).send({ needListingId: needId }).expect(201)).body;
    const first = await apply(loan);
    await apply(green);
    await t.http.post(`/api/applications/${first.id}/answer`).auth(bank.token, { type: 'bearer' }).send({ accept: false, reason: '@额度已满' }).expect(200);

    const { status, headers, workbook } = await downloadXlsx(t, organiser, `/events/${eventId}/applications/export.xlsx`);
    expect(status).toBe(200);
    // Two applications and one bank row.
    expect(headers['x-export-rows']).toBe('3');
    const rows = sheetRecords(workbook!, '融资申请');
    expect(rows.map((r) => [r['金融产品'], r['状态'], r['婉拒理由']])).toEqual([
      ['绿色信贷', '待答复', null],
      ['抵押经营贷', '已婉拒', "'@额度已满"],
    ]);
    expect(rows[0]).toMatchObject({ 融资需求: '技改贷款', '需求金额（万元）': 3000, '期限（月）': 24, 用途: '技术改造', 已逾期: '否' });
    expect(workbook!.getWorksheet('融资申请')!.getRow(2).getCell(3).numFmt).toBe('#,##0.00');
    expect(sheetRecords(workbook!, '答复情况（按机构）')).toEqual([
      expect.objectContaining({ 答复机构: rows[0]['答复机构'], 待答复: 1, 已逾期: 0, 最早逾期的答复期限: null }),
    ]);
  });

  it('is for organisers only', async () => {
    expect((await downloadXlsx(t, bank, `/events/${eventId}/applications/export.xlsx`)).status).toBe(403);
  });
});
