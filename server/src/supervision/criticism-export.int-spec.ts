import type { Agreement, AgreementFollowUp, CriticismNotice, SupervisionIssueResult } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords, sheetValues } from '../testing/xlsx-download';
import { LadderService } from './ladder.service';

describe('notices of criticism export (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let ladder: LadderService;
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
    ladder = t.app.get(LadderService);
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

  it('writes one row per organisation named, with what it was named for and whether it has rectified', async () => {
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
    setNow('2026-03-02T13:00:00+08:00');
    for (const s of [enterprise, bank]) await as(s).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);
    const plan: AgreementFollowUp = (await as(organiser).get(`/agreements/${draft.id}/follow-up`).expect(200)).body;
    const [first] = plan.obligations;
    setNow('2026-03-17T10:00:00+08:00');
    const { issued }: SupervisionIssueResult = (
      await as(organiser)
        .post(`/events/${eventId}/supervision-notices`, { obligationIds: [first.id], workingDays: 1 })
        .expect(201)
    ).body;
    expect(issued).toHaveLength(1);
    setNow('2026-03-19T01:00:00+08:00');
    await ladder.sweep(new Date('2026-03-19T01:00:00+08:00'));
    setNow('2026-03-19T08:30:00+08:00');
    const published: CriticismNotice = (
      await as(organiser)
        .post(`/events/${eventId}/criticism-notices`, { title: '关于未按期报送的通报', body: '@以下单位逾期未报送', organisationIds: [bank.organisationId] })
        .expect(201)
    ).body;
    const bankName = published.entries[0].organisationName;

    const before = await downloadXlsx(t, organiser, `/events/${eventId}/criticism-notices/export.xlsx`);
    expect(before.status).toBe(200);
    expect(before.headers['x-export-rows']).toBe('1');
    expect(sheetValues(before.workbook!, '通报')[0]).toEqual(['通报标题', '发布时间', '发布人', '被通报单位', '通报事项', '是否整改', '整改时间', '通报内容']);
    expect(sheetRecords(before.workbook!, '通报')).toEqual([
      {
        通报标题: '关于未按期报送的通报',
        发布时间: '2026-03-19 08:30',
        发布人: published.publishedBy,
        被通报单位: bankName,
        通报事项: `${title}：融资进展报告 第 1 期（${first.dueOn} 到期）`,
        是否整改: '未整改',
        整改时间: null,
        通报内容: "'@以下单位逾期未报送",
      },
    ]);

    setNow('2026-03-19T09:00:00+08:00');
    const o = ((await as(bank).get('/me/obligations').expect(200)).body as { id: string; version: number }[]).find((x) => x.id === first.id)!;
    await as(bank).post(`/obligations/${first.id}/report`, { version: o.version, narrative: '已放款，按期报送', lines: [] }).expect(201);

    const after = await downloadXlsx(t, organiser, `/events/${eventId}/criticism-notices/export.xlsx`);
    expect(sheetRecords(after.workbook!, '通报')[0]).toMatchObject({ 被通报单位: bankName, 是否整改: '已整改', 整改时间: '2026-03-19 09:00' });
  });

  it('is for organisers only, though participants read the notices', async () => {
    expect((await downloadXlsx(t, bank, `/events/${eventId}/criticism-notices/export.xlsx`)).status).toBe(403);
  });
});
