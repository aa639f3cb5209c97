import type { Agreement, RunningOrder } from '@duijie/shared';
import { TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords, sheetValues } from '../testing/xlsx-download';

describe('ceremony running order export (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let borrower: Actor;
  let bank: Actor;
  let eventId: string;
  let sessionTitle: string;
  const loans: Agreement[] = [];

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body?: object) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => t.http.put(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    const session = await t.session(organiser, eventId, 'bank_enterprise', 'live', 'open', '银企对接专场');
    sessionTitle = session.title;
    [borrower, bank] = await Promise.all([t.organisation('enterprise', { name: `西宁高原食品${Date.now()}` }), t.organisation('bank')]);
    await t.participate(borrower, organiser, session.id, 'borrower');
    await t.participate(bank, organiser, session.id, 'lender');
    for (const amount of [50_000_000, 30_000_000, 12_345_678]) {
      const parties = [
        { organisationId: borrower.organisationId, role: 'borrower' },
        { organisationId: bank.organisationId, role: 'lender' },
      ];
      const body = { kind: 'loan', title: `流动资金贷款${amount}`, amount, termMonths: 12, keyTerms: '按月付息', parties };
      loans.push((await as(borrower).post(`/sessions/${session.id}/agreements`, body).expect(201)).body);
    }
  });
  afterAll(() => t.close());

  it('writes the batches in running order with their agreements in order, amounts in 万元, then the agreements in no batch', async () => {
    const order: RunningOrder = (
      await as(organiser)
        .post(`/events/${eventId}/running-order/batches`, { title: '第一批 银企签约', agreementIds: [loans[1].id, loans[0].id] })
        .expect(201)
    ).body;
    await as(organiser).put(`/events/${eventId}/running-order/stage`, { batchId: order.batches[0].id }).expect(200);

    const { status, headers, workbook } = await downloadXlsx(t, organiser, `/events/${eventId}/running-order/export.xlsx`);
    expect(status).toBe(200);
    expect(headers['x-export-rows']).toBe('3');
    expect(sheetValues(workbook!, '签约仪式议程')[0]).toEqual([
      '批次',
      '批次名称',
      '当前上台',
      '批内顺序',
      '协议名称',
      '协议类型',
      '签约各方',
      '金额（万元）',
      '协议状态',
      '产业链',
      '场次',
    ]);
    const rows = sheetRecords(workbook!, '签约仪式议程');
    expect(rows.map((r) => [r['批次'], r['批内顺序'], r['协议名称'], r['金额（万元）']])).toEqual([
      [1, 1, loans[1].title, 3_000],
      [1, 2, loans[0].title, 5_000],
      [null, null, loans[2].title, 1_234.5678],
    ]);
    expect(rows[0]).toMatchObject({ 批次名称: '第一批 银企签约', 当前上台: '是', 协议类型: '贷款合同', 协议状态: '起草中', 场次: sessionTitle });
    expect(String(rows[0]['签约各方'])).toContain('西宁高原食品');
    expect(rows[2]).toMatchObject({ 批次名称: '（未编入批次）', 当前上台: null });
    expect(workbook!.getWorksheet('签约仪式议程')!.getRow(2).getCell(8).numFmt).toBe('#,##0.00');
  });

  it('is for organisers only', async () => {
    expect((await downloadXlsx(t, borrower, `/events/${eventId}/running-order/export.xlsx`)).status).toBe(403);
  });
});
