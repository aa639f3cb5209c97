import { TestApp, type Actor } from '../testing/test-app';
import { placeMeeting } from '../testing/meetings';
import { downloadXlsx, sheetRecords } from '../testing/xlsx-download';

describe('meetings export (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let a: Actor;
  let b: Actor;
  let c: Actor;
  let eventId: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'building_materials', 'live')).id;
    [a, b, c] = await Promise.all([t.organisation('enterprise'), t.organisation('construction_unit'), t.organisation('distributor')]);
  });
  afterAll(() => t.close());

  it("writes every meeting in slot order with its time in the event's zone, its table and both parties' outcomes", async () => {
    // Slot 2 of a 09:00 Beijing start in 20-minute slots: 09:20–09:40.
    const held = await placeMeeting(t.dataSource, { eventId, sessionId, a: a.organisationId, b: b.organisationId, topic: '钢材供货', slot: 2, table: 5 });
    await t.dataSource.query(`UPDATE meeting SET status = 'held' WHERE id = $1`, [held.id]);
    await t.dataSource.query(
      `INSERT INTO meeting_outcome ("meetingId", "organisationId", outcome, note, "recordedByUserId", "recordedAt") VALUES ($1, $2, 'follow_up', '下周报价', $3, now())`,
      [held.id, a.organisationId, a.userId],
    );
    await placeMeeting(t.dataSource, { eventId, sessionId, a: c.organisationId, b: a.organisationId, topic: '+水泥', slot: null, table: null });

    const { status, headers, workbook } = await downloadXlsx(t, organiser, `/sessions/${sessionId}/meetings/export.xlsx`);
    expect(status).toBe(200);
    expect(headers['x-export-rows']).toBe('2');
    const rows = sheetRecords(workbook!, '洽谈安排');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      洽谈主题: '钢材供货',
      状态: '已举行',
      桌号: 5,
      开始时间: '2026-12-10 09:20',
      结束时间: '2026-12-10 09:40',
      已发布: '是',
      发起方洽谈结果: '需后续跟进：下周报价',
      受邀方洽谈结果: null,
    });
    expect(rows[1]).toMatchObject({ 洽谈主题: "'+水泥", 状态: '未安排', 桌号: null, 开始时间: null, 已发布: '否' });
    expect(workbook!.getWorksheet('洽谈安排')!.getRow(2).getCell(5).numFmt).toBe('0');
  });

  it('is for organisers only: a party to the meetings gets 403', async () => {
    expect((await downloadXlsx(t, a, `/sessions/${sessionId}/meetings/export.xlsx`)).status).toBe(403);
  });
});
