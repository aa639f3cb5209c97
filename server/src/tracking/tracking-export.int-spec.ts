import type { Agreement, TrackingPage } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords } from '../testing/xlsx-download';

describe('tracking export (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let organiser: Actor;
  let enterprise: Actor;
  let bank: Actor;
  let otherBank: Actor;
  let eventId: string;
  let sessionId: string;

  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  async function signedLoan(lender: Actor, amount: number, signedAt: string): Promise<Agreement> {
    const draft: Agreement = (
      await t.http
        .post(`/api/sessions/${sessionId}/agreements`)
        .auth(enterprise.token, { type: 'bearer' })
        .send({
          kind: 'loan',
          title: `流动资金贷款 ${randomUUID().slice(0, 6)}`,
          amount,
          termMonths: 12,
          keyTerms: '按月付息',
          parties: [
            { organisationId: enterprise.organisationId, role: 'borrower' },
            { organisationId: lender.organisationId, role: 'lender' },
          ],
        })
        .expect(201)
    ).body;
    setNow(signedAt);
    for (const s of [enterprise, lender])
      await t.http.post(`/api/agreements/${draft.id}/sign`).auth(s.token, { type: 'bearer' }).send({ contentHash: draft.contentHash }).expect(200);
    jest.restoreAllMocks();
    return draft;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live', 'open', '银企专场')).id;
    [enterprise, bank, otherBank] = await Promise.all([t.organisation('enterprise'), t.organisation('bank'), t.organisation('bank')]);
    await t.participate(enterprise, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    await t.participate(otherBank, organiser, sessionId, 'lender');
    for (const a of [enterprise, bank, otherBank])
      await t.http.post('/api/auth/step-up').auth(a.token, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);
    await signedLoan(bank, 30_000_000, '2026-03-02T10:00:00+08:00');
    await signedLoan(otherBank, 12_500_000, '2026-03-09T10:00:00+08:00');
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('writes the rows of the tracking view in its order, with its states, stages and due days, filtered the same way', async () => {
    setNow('2026-03-20T12:00:00+08:00');
    const view: TrackingPage = (await t.http.get(`/api/events/${eventId}/tracking?pageSize=100`).auth(organiser.token, { type: 'bearer' }).expect(200)).body;
    expect(view.items).toHaveLength(2);
    const { status, headers, workbook } = await downloadXlsx(t, organiser, `/events/${eventId}/tracking/export.xlsx`);
    expect(status).toBe(200);
    expect(headers['x-export-rows']).toBe('2');
    const rows = sheetRecords(workbook!, '签约项目跟踪');
    const STATE: Record<string, string> = { on_time: '按期', due_soon: '即将到期', overdue: '逾期', under_supervision: '督办中', performed: '已履行' };
    expect(rows.map((r) => [r['签约项目'], r['状态'], r['下次报送截止'], r['报送单位'], r['签约金额（万元）'], r['专场']])).toEqual(
      view.items.map((i) => [i.title, STATE[i.state], i.nextDue?.dueOn ?? null, i.nextDue?.organisationName ?? null, i.amount / 10000, '银企专场']),
    );
    expect(rows.map((r) => r['进展阶段'])).toEqual(['已签约', '已签约']);
    expect(rows.find((r) => r['签约金额（万元）'] === 3000)!['签署时间']).toBe('2026-03-02 10:00');

    const filtered = await downloadXlsx(t, organiser, `/events/${eventId}/tracking/export.xlsx?bankId=${otherBank.organisationId}`);
    expect(filtered.headers['x-export-rows']).toBe('1');
    expect(sheetRecords(filtered.workbook!, '签约项目跟踪').map((r) => r['签约金额（万元）'])).toEqual([1250]);
  });

  it('is for organisers only: a bank gets 403, an unknown event 404', async () => {
    expect((await downloadXlsx(t, bank, `/events/${eventId}/tracking/export.xlsx`)).status).toBe(403);
    expect((await downloadXlsx(t, organiser, `/events/00000000-0000-4000-8000-000000000000/tracking/export.xlsx`)).status).toBe(404);
  });
});
