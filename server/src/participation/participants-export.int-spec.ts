import { TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords } from '../testing/xlsx-download';

describe('participants export (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let approved: Actor;
  let pending: Actor;
  let sessionId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    const event = await t.event(organiser);
    sessionId = (await t.session(organiser, event.id, 'upstream_downstream', 'registration', 'open', '上下游对接专场')).id;
    approved = await t.organisation('enterprise', { name: `=HYPERLINK("http://x")供应商${Date.now()}` });
    pending = await t.organisation('distributor');
    await t.participate(approved, organiser, sessionId, 'supplier');
    await t.http.post(`/api/sessions/${sessionId}/participants`).auth(pending.token, { type: 'bearer' }).send({ role: 'buyer' }).expect(201);
  });
  afterAll(() => t.close());

  it('writes every registration with Chinese labels and times in the event time zone, filtered like the list', async () => {
    const all = await downloadXlsx(t, organiser, `/sessions/${sessionId}/participants/export.xlsx`);
    expect(all.status).toBe(200);
    expect(all.headers['x-export-rows']).toBe('2');
    const rows = sheetRecords(all.workbook!, '参会机构');
    expect(Object.keys(rows[0])).toEqual(['机构名称', '机构类型', '参会角色', '状态', '驳回理由', '申请时间', '审核时间']);
    expect(rows).toEqual([
      expect.objectContaining({ 机构名称: expect.stringMatching(/^'=HYPERLINK/), 机构类型: '企业', 参会角色: '供应方（上游）', 状态: '已通过' }),
      expect.objectContaining({ 机构类型: '商贸流通企业', 参会角色: '采购方（下游）', 状态: '待审核', 审核时间: null }),
    ]);
    expect(rows[0]['申请时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // The same instant as the API's, read in China (UTC+8).
    const listed = (await t.http.get(`/api/sessions/${sessionId}/participants`).auth(organiser.token, { type: 'bearer' }).expect(200)).body as {
      createdAt: string;
    }[];
    const china = new Date(new Date(listed[0].createdAt).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(rows[0]['申请时间']).toBe(china);

    const onlyPending = await downloadXlsx(t, organiser, `/sessions/${sessionId}/participants/export.xlsx?status=pending`);
    expect(onlyPending.headers['x-export-rows']).toBe('1');
    expect(sheetRecords(onlyPending.workbook!, '参会机构').map((r) => r['状态'])).toEqual(['待审核']);
  });

  it('refuses participants (403), a bad filter (400) and paging parameters (400)', async () => {
    expect((await downloadXlsx(t, approved, `/sessions/${sessionId}/participants/export.xlsx`)).status).toBe(403);
    expect((await downloadXlsx(t, organiser, `/sessions/${sessionId}/participants/export.xlsx?status=everything`)).status).toBe(400);
    expect((await downloadXlsx(t, organiser, `/sessions/${sessionId}/participants/export.xlsx?page=2`)).status).toBe(400);
  });
});
