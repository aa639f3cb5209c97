import type { Agreement } from '@duijie/shared';
import { Clock } from '../common/clock';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords } from '../testing/xlsx-download';

describe('agreements export (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let borrower: Actor;
  let bank: Actor;
  let sessionId: string;
  let eventName: string;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    const event = await t.event(organiser);
    eventName = event.name;
    sessionId = (await t.session(organiser, event.id, 'bank_enterprise', 'live', 'open', '银企对接专场')).id;
    borrower = await t.organisation('enterprise', { name: `=青稞加工厂${Date.now()}` });
    bank = await t.organisation('bank');
    await t.participate(borrower, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    for (const a of [borrower, bank]) await t.http.post('/api/auth/step-up').auth(a.token, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  async function loan(title: string, amount: number, sign: boolean): Promise<Agreement> {
    const a: Agreement = (
      await t.http
        .post(`/api/sessions/${sessionId}/agreements`)
        .auth(borrower.token, { type: 'bearer' })
        .send({
          kind: 'loan',
          title,
          amount,
          termMonths: 12,
          keyTerms: '按月付息',
          parties: [
            { organisationId: borrower.organisationId, role: 'borrower' },
            { organisationId: bank.organisationId, role: 'lender' },
          ],
        })
        .expect(201)
    ).body;
    if (sign) {
      for (const actor of [borrower, bank])
        await t.http.post(`/api/agreements/${a.id}/sign`).auth(actor.token, { type: 'bearer' }).send({ contentHash: a.contentHash }).expect(200);
    }
    return a;
  }

  it("streams the session's agreements with Chinese headers, 万元 amounts, ledger sums, the event's time zone and a totals sheet", async () => {
    // Signed at 2026-12-10 17:30 UTC: 01:30 on the 11th in Xining (Asia/Shanghai).
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-12-10T17:30:00Z'));
    const signed = await loan('青稞深加工流动资金贷款', 52_345_678, true);
    jest.restoreAllMocks();
    const ledger = (body: object) => t.http.post(`/api/agreements/${signed.id}/ledger`).auth(bank.token, { type: 'bearer' }).send(body).expect(201);
    await ledger({ kind: 'approved', amount: 40_000_000, occurredOn: '2026-12-20', evidence: '批复 1' });
    await ledger({ kind: 'disbursed', amount: 25_000_000, occurredOn: '2027-01-05', evidence: '借据 1' });
    await ledger({ kind: 'disbursed', amount: 5_000_000, occurredOn: '2027-01-06', evidence: '借据 2' });
    await loan('@SUM(1+1) 设备更新贷款', 8_000_000, false);

    const { status, headers, workbook } = await downloadXlsx(t, organiser, `/sessions/${sessionId}/agreements/export.xlsx`);
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers['x-export-rows']).toBe('2');
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['content-disposition']).toBe(
      `attachment; filename="agreements-${sessionId}.xlsx"; filename*=UTF-8''${encodeURIComponent(`签约协议-${eventName}-银企对接专场.xlsx`)}`,
    );

    const sheet = workbook!.getWorksheet('签约协议')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:P1');
    const rows = sheetRecords(workbook!, '签约协议');
    expect(rows).toHaveLength(2);
    // Newest first, as in the console.
    const [draft, done] = rows;
    expect(draft).toMatchObject({ 协议名称: "'@SUM(1+1) 设备更新贷款", 状态: '起草中', '协议金额（万元）': 800, 签署完成时间: null });
    expect(done).toMatchObject({
      协议名称: '青稞深加工流动资金贷款',
      协议类型: '贷款合同',
      状态: '已签署',
      '期限（月）': 12,
      '审批金额（万元）': 4000,
      '放款金额（万元）': 3000,
      '交付金额（万元）': 0,
      履行情况: '履行中',
      签署完成时间: '2026-12-11 01:30',
    });
    expect(done['协议金额（万元）']).toBeCloseTo(5234.5678, 6);
    // Only a cell's first character can start a formula: inside the text an = stays as it is.
    expect(String(done['签约各方']).startsWith('融资企业：=青稞加工厂')).toBe(true);
    expect(done['签约各方']).toContain('银行/贷款机构：');
    expect(sheet.getRow(3).getCell(3).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(3).getCell(10).numFmt).toBe('#,##0.00');

    expect(sheetRecords(workbook!, '合计')).toEqual([
      { '协议数（份）': 2, '协议金额（万元）': 6034.5678, '审批金额（万元）': 4000, '放款金额（万元）': 3000, '交付金额（万元）': 0 },
    ]);
  });

  it('is for organisers only: a party gets 403, an unknown session 404', async () => {
    for (const actor of [borrower, bank]) expect((await downloadXlsx(t, actor, `/sessions/${sessionId}/agreements/export.xlsx`)).status).toBe(403);
    expect((await downloadXlsx(t, organiser, `/sessions/00000000-0000-4000-8000-000000000000/agreements/export.xlsx`)).status).toBe(404);
  });
});
