import type { MatchEvent, MatchSession } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords, sheetValues } from '../testing/xlsx-download';

describe('events export (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let enterprise: Actor;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    enterprise = await t.organisation('enterprise');
  });
  afterAll(() => t.close());

  it('writes every event with its sessions on a second sheet, amounts in 万元 and each session at its own event’s wall clock', async () => {
    const shanghai = await t.event(organiser);
    await t.session(organiser, shanghai.id, 'bank_enterprise', 'registration', 'open', '=银企对接专场');
    const name = `乌鲁木齐对接会 ${randomUUID().slice(0, 6)}`;
    const urumqi: MatchEvent = (
      await t.http
        .post('/api/events')
        .auth(organiser.token, { type: 'bearer' })
        .send({ name, province: '650000', startDate: '2026-12-20', endDate: '2026-12-21', targetAmount: 123_456_789, timeZone: 'Asia/Urumqi' })
        .expect(201)
    ).body;
    const draft: MatchSession = (
      await t.http
        .post(`/api/events/${urumqi.id}/sessions`)
        .auth(organiser.token, { type: 'bearer' })
        .send({
          kind: 'building_materials',
          title: '大宗建材专场',
          leadDepartment: '自治区住建厅',
          venue: '新疆国际会展中心',
          startsAt: '2026-12-20T10:00:00+06:00',
          endsAt: '2026-12-20T18:00:00+06:00',
          slotMinutes: 30,
          tableCount: 8,
          registrationMode: 'invitation',
        })
        .expect(201)
    ).body;

    const { status, headers, workbook } = await downloadXlsx(t, organiser, '/events/export.xlsx');
    expect(status).toBe(200);
    const events = sheetRecords(workbook!, '活动');
    const sessions = sheetRecords(workbook!, '场次');
    expect(Number(headers['x-export-rows'])).toBe(events.length + sessions.length);
    expect(sheetValues(workbook!, '活动')[0]).toEqual(expect.arrayContaining(['活动名称', '举办省份', '签约目标（万元）', '场次数', '主办单位']));
    expect(events.find((e) => e['活动名称'] === name)).toMatchObject({
      举办省份: '新疆维吾尔自治区',
      开始日期: '2026-12-20',
      结束日期: '2026-12-21',
      '签约目标（万元）': 12_345.6789,
      场次数: 1,
      时区: 'Asia/Urumqi',
    });
    expect(events.find((e) => e['活动名称'] === shanghai.name)).toMatchObject({ '签约目标（万元）': 3_000_000, 场次数: 1 });
    // Latest first, as the console lists them.
    expect(events.findIndex((e) => e['活动名称'] === name)).toBeLessThan(events.findIndex((e) => e['活动名称'] === shanghai.name));

    expect(sessions.find((s) => s['场次名称'] === "'=银企对接专场")).toMatchObject({
      所属活动: shanghai.name,
      对接类型: '银企对接',
      状态: '报名中',
      开始时间: '2026-12-10 09:00',
      结束时间: '2026-12-10 17:00',
      签约仪式时间: '2026-12-10 16:00',
      '每场洽谈（分钟）': 20,
      洽谈桌数: 12,
      报名方式: '公开报名',
    });
    expect(sessions.find((s) => s['所属活动'] === name)).toMatchObject({
      场次名称: draft.title,
      对接类型: '大宗建材供需对接',
      状态: '草稿',
      开始时间: '2026-12-20 10:00',
      结束时间: '2026-12-20 18:00',
      签约仪式时间: null,
      报名方式: '邀请参加',
    });

    const format = workbook!.getWorksheet('活动')!.getRow(2).getCell(5).numFmt;
    expect(format).toBe('#,##0.00');
  });

  it('is for organisers only', async () => {
    expect((await downloadXlsx(t, enterprise, '/events/export.xlsx')).status).toBe(403);
  });
});
