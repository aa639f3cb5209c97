import type { Problem } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords } from '../testing/xlsx-download';

describe('problem queue export (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let enterprise: Actor;
  let eventId: string;

  const raise = async (over: object): Promise<Problem> =>
    (
      await t.http
        .post(`/api/events/${eventId}/problems`)
        .auth(enterprise.token, { type: 'bearer' })
        .send({ category: 'power', urgency: 'normal', title: `电力增容 ${randomUUID().slice(0, 6)}`, description: '新厂区需增容 2000kVA', ...over })
        .expect(201)
    ).body;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    const sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    enterprise = await t.organisation('enterprise');
    await t.participate(enterprise, organiser, sessionId, 'borrower');
  });
  afterAll(() => t.close());

  it('writes the queue in its order (urgent first) with Chinese labels, filtered like the queue', async () => {
    const normal = await raise({ title: '电力增容' });
    const urgent = await raise({ title: '+运输受阻', urgency: 'urgent', category: 'transport' });
    const { status, headers, workbook } = await downloadXlsx(t, organiser, `/events/${eventId}/problems/export.xlsx`);
    expect(status).toBe(200);
    expect(headers['x-export-rows']).toBe('2');
    const rows = sheetRecords(workbook!, '问题协调');
    expect(rows.map((r) => [r['标题'], r['类别'], r['紧急程度'], r['状态'], r['已逾期']])).toEqual([
      ["'+运输受阻", '运输', '紧急', '已受理', '否'],
      ['电力增容', '电力', '一般', '已受理', '否'],
    ]);
    expect(rows[1]).toMatchObject({ 反映单位: normal.organisationName, 问题描述: '新厂区需增容 2000kVA', 责任部门: null });
    expect(urgent.urgency).toBe('urgent');

    const transport = await downloadXlsx(t, organiser, `/events/${eventId}/problems/export.xlsx?category=transport`);
    expect(sheetRecords(transport.workbook!, '问题协调').map((r) => r['标题'])).toEqual(["'+运输受阻"]);
  });

  it('is for organisers only, and refuses an unknown filter value', async () => {
    expect((await downloadXlsx(t, enterprise, `/events/${eventId}/problems/export.xlsx`)).status).toBe(403);
    expect((await downloadXlsx(t, organiser, `/events/${eventId}/problems/export.xlsx?urgency=panic`)).status).toBe(400);
  });
});
