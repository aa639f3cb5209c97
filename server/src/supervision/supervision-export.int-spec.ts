import type { Agreement, AgreementFollowUp, SupervisionNotice } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords } from '../testing/xlsx-download';

describe('supervision notices export (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let organiser: Actor;
  let enterprise: Actor;
  let bank: Actor;
  let eventId: string;
  let sessionId: string;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    [enterprise, bank] = await Promise.all([t.organisation('enterprise'), t.organisation('bank')]);
    await t.participate(enterprise, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    for (const a of [enterprise, bank]) await as(a).post('/auth/step-up', { password: PASSWORD }).expect(200);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('writes the notices with the owing organisation, the report, the deadline and the state in Chinese, filtered by state', async () => {
    const title = `流动资金贷款 ${randomUUID().slice(0, 6)}`;
    const draft: Agreement = (
      await as(enterprise)
        .post(`/sessions/${sessionId}/agreements`, {
          kind: 'loan',
          title,
          amount: 20_000_000,
          termMonths: 12,
          keyTerms: '按月付息',
          parties: [
            { organisationId: enterprise.organisationId, role: 'borrower' },
            { organisationId: bank.organisationId, role: 'lender' },
          ],
        })
        .expect(201)
    ).body;
    setNow('2026-03-02T10:00:00+08:00');
    for (const s of [enterprise, bank]) await as(s).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);
    const plan: AgreementFollowUp = (await as(organiser).get(`/agreements/${draft.id}/follow-up`).expect(200)).body;
    const [first] = plan.obligations;
    setNow('2026-03-17T10:00:00+08:00');
    await as(organiser)
      .post(`/events/${eventId}/supervision-notices`, { obligationIds: [first.id], workingDays: 5, note: '=请于期限内报送' })
      .expect(201);
    const listed: SupervisionNotice[] = (await as(organiser).get(`/events/${eventId}/supervision-notices`).expect(200)).body.items;

    const { status, headers, workbook } = await downloadXlsx(t, organiser, `/events/${eventId}/supervision-notices/export.xlsx`);
    expect(status).toBe(200);
    expect(headers['x-export-rows']).toBe('1');
    const [row] = sheetRecords(workbook!, '督办单');
    expect(row).toMatchObject({
      督办事项: title,
      报告: '融资进展报告 第 1 期',
      原定到期: first.dueOn,
      整改期限: listed[0].deadlineOn,
      状态: '待签收',
      督办意见: "'=请于期限内报送",
      签收时间: null,
    });
    expect(row['督办单位']).toBe(listed[0].organisationName);
    // The row's creation time as the list gives it, read in China (UTC+8).
    expect(row['下发时间']).toBe(new Date(new Date(listed[0].createdAt).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));

    const resolved = await downloadXlsx(t, organiser, `/events/${eventId}/supervision-notices/export.xlsx?state=resolved`);
    expect(resolved.headers['x-export-rows']).toBe('0');
    expect(sheetRecords(resolved.workbook!, '督办单')).toEqual([]);
  });

  it('is for organisers only', async () => {
    expect((await downloadXlsx(t, bank, `/events/${eventId}/supervision-notices/export.xlsx`)).status).toBe(403);
  });
});
