import type { Department, Liaison, LiaisonReport, MyLiaisonReports, WeeklySummary } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords, sheetValues } from '../testing/xlsx-download';

describe('coordination exports: departments, liaison officers, operating reports, weekly summaries (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let organiser: Actor;
  let keyOrg: Actor;
  let eventId: string;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => t.http.put(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  const fields = {
    production: '日产 300 吨',
    sales: '订单饱满',
    inventory: '库存 2 万吨',
    capital: '流动资金偏紧',
    transport: '铁路运力紧张',
    difficulties: '',
  };

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    const sessionId = (await t.session(organiser, eventId, 'upstream_downstream', 'live')).id;
    keyOrg = await t.organisation('enterprise');
    await t.participate(keyOrg, organiser, sessionId, 'supplier');
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('writes the member departments with the organisation answering for them', async () => {
    const name = `=财政厅 ${randomUUID().slice(0, 6)}`;
    const created: Department = (await as(organiser).post(`/events/${eventId}/departments`, { name, organisationId: organiser.organisationId }).expect(201))
      .body;
    const { status, headers, workbook } = await downloadXlsx(t, organiser, `/events/${eventId}/departments/export.xlsx`);
    expect(status).toBe(200);
    expect(headers['x-export-rows']).toBe('1');
    expect(sheetValues(workbook!, '成员单位')[0]).toEqual(['成员单位', '答复单位', '办理中问题（件）', '设立时间']);
    const [row] = sheetRecords(workbook!, '成员单位');
    expect(row).toMatchObject({ 成员单位: `'${name}`, 答复单位: created.organisationName, '办理中问题（件）': 0 });
    expect(row['设立时间']).toBe(new Date(new Date(created.createdAt).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));
  });

  it('writes the liaison officers and their operating reports, filtered like the list, newest first', async () => {
    // Monday 2 November 2026: weekly reports fall due on the 9th, the 16th, …
    setNow('2026-11-02T09:00:00+08:00');
    const designated: Liaison = (
      await as(organiser).put(`/events/${eventId}/liaisons/${keyOrg.organisationId}`, { userId: keyOrg.userId, cadence: 'weekly' }).expect(200)
    ).body;
    const [owed] = ((await as(keyOrg).get('/me/liaison-reports').expect(200)).body as MyLiaisonReports).owed;
    setNow('2026-11-08T15:20:00+08:00');
    const regular: LiaisonReport = (
      await as(keyOrg)
        .post(`/obligations/${owed.id}/liaison-report`, { ...fields, urgent: false, version: owed.version })
        .expect(201)
    ).body;
    setNow('2026-11-10T07:05:00+08:00');
    await as(keyOrg)
      .post(`/events/${eventId}/liaison-reports/urgent`, { ...fields, difficulties: '暴雪封路' })
      .expect(201);

    const officers = await downloadXlsx(t, organiser, `/events/${eventId}/liaisons/export.xlsx`);
    expect(officers.status).toBe(200);
    expect(officers.headers['x-export-rows']).toBe('1');
    expect(sheetRecords(officers.workbook!, '重点企业联络员')).toEqual([
      {
        重点企业: designated.organisationName,
        联络员: designated.userName,
        报送周期: '每周',
        起算日: '2026-11-02',
        '已报送（期）': 2,
        最近报送时间: '2026-11-10 07:05',
        最近急报时间: '2026-11-10 07:05',
        下次报送: '2026-11-16',
        '逾期（期）': 0,
      },
    ]);

    const all = await downloadXlsx(t, organiser, `/events/${eventId}/liaison-reports/export.xlsx`);
    expect(all.headers['x-export-rows']).toBe('2');
    const rows = sheetRecords(all.workbook!, '运行报告');
    expect(rows.map((r) => [r['报告类型'], r['报送期'], r['报送时间'], r['困难和问题']])).toEqual([
      ['急报', null, '2026-11-10 07:05', '暴雪封路'],
      ['定期报告', '2026-11-09', '2026-11-08 15:20', null],
    ]);
    expect(rows[1]).toMatchObject({ 重点企业: regular.organisationName, 填报人: regular.filedBy, 生产: '日产 300 吨', 运输: '铁路运力紧张' });

    const urgentOnly = await downloadXlsx(t, organiser, `/events/${eventId}/liaison-reports/export.xlsx?urgent=true&organisationId=${keyOrg.organisationId}`);
    expect(urgentOnly.headers['x-export-rows']).toBe('1');
    expect(sheetRecords(urgentOnly.workbook!, '运行报告').map((r) => r['困难和问题'])).toEqual(['暴雪封路']);
    expect((await downloadXlsx(t, organiser, `/events/${eventId}/liaison-reports/export.xlsx?urgent=maybe`)).status).toBe(400);
  });

  it('writes the weekly summaries newest week first with their figures', async () => {
    setNow('2026-11-24T09:00:00+08:00');
    const older: WeeklySummary = (await as(organiser).post(`/events/${eventId}/weekly-summaries`, { weekStart: '2026-11-09' }).expect(200)).body;
    const newer: WeeklySummary = (await as(organiser).post(`/events/${eventId}/weekly-summaries`, { weekStart: '2026-11-16' }).expect(200)).body;
    const { status, headers, workbook } = await downloadXlsx(t, organiser, `/events/${eventId}/weekly-summaries/export.xlsx`);
    expect(status).toBe(200);
    expect(headers['x-export-rows']).toBe('2');
    const rows = sheetRecords(workbook!, '周摘要');
    expect(rows.map((r) => [r['周起'], r['周止']])).toEqual([
      ['2026-11-16', '2026-11-22'],
      ['2026-11-09', '2026-11-15'],
    ]);
    expect(rows[1]).toMatchObject({
      '联络员报告（份）': older.figures.liaison.reports,
      其中急报: older.figures.liaison.urgent,
      当前逾期: older.figures.obligations.overdue.count,
      生成时间: '2026-11-24 09:00',
    });
    expect(rows[1]['联络员报告（份）']).toBe(1);
    expect(rows[0]).toMatchObject({ '联络员报告（份）': newer.figures.liaison.reports, 其中急报: newer.figures.liaison.urgent });
  });

  it('is for organisers only', async () => {
    for (const path of ['departments', 'liaisons', 'liaison-reports', 'weekly-summaries']) {
      expect((await downloadXlsx(t, keyOrg, `/events/${eventId}/${path}/export.xlsx`)).status).toBe(403);
    }
  });
});
