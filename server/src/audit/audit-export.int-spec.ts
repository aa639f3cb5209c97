import { TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords } from '../testing/xlsx-download';

describe('audit export (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let enterprise: Actor;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    enterprise = await t.organisation('enterprise');
  });
  afterAll(() => t.close());

  it("writes one organisation's audit records newest first, as the list shows them, with their data", async () => {
    const path = `/audit?entityType=organisation&entityId=${enterprise.organisationId}&pageSize=100`;
    const listed = (await t.http.get(`/api${path}`).auth(organiser.token, { type: 'bearer' }).expect(200)).body as {
      items: { id: string; action: string; actorName: string | null; data: unknown }[];
    };
    expect(listed.items.length).toBeGreaterThan(0);

    const exported = await downloadXlsx(t, organiser, `/audit/export.xlsx?entityType=organisation&entityId=${enterprise.organisationId}`);
    expect(exported.status).toBe(200);
    expect(exported.headers['x-export-rows']).toBe(String(listed.items.length));
    const rows = sheetRecords(exported.workbook!, '审计记录');
    expect(rows.map((r) => [r['序号'], r['操作'], r['操作人'], r['对象 ID']])).toEqual(
      listed.items.map((e) => [Number(e.id), e.action, e.actorName ?? '系统', enterprise.organisationId]),
    );
    expect(rows.map((r) => (r['数据'] === null ? null : JSON.parse(String(r['数据']))))).toEqual(listed.items.map((e) => e.data));
    expect(rows[0]['时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('is for organisers only', async () => {
    expect((await downloadXlsx(t, enterprise, '/audit/export.xlsx')).status).toBe(403);
  });
});
