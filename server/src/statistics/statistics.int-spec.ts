import type { Agreement, Obligation, Page, RewardPeriod, StatisticsForm, StatisticsFormRow } from '@duijie/shared';
import { dueInstant } from '@duijie/shared';
import * as ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { LadderService } from '../supervision/ladder.service';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { confirmedFigures, latestConfirmedFigures } from './statistics.repository';

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A bank's complete form for the quarter, in yuan and basis points. */
const bankFigures = (overrides: Record<string, number | string | null> = {}) => ({
  industryLoanBalance: 12_000_000_000,
  industryLoanIncrement: 1_500_000_000,
  industryLoanBalanceLastYear: 10_000_000_000,
  industryLoanIncrementLastYear: 1_000_000_000,
  smallMicroLoanIncrement: 300_000_000,
  smallMicroLoanIncrementLastYear: 200_000_000,
  smallMicroNplBp: 250,
  ...overrides,
});

const guarantorFigures = (overrides: Record<string, number | string | null> = {}) => ({
  registeredCapital: 500_000_000,
  capitalEvent: 'none',
  newCapital: null,
  capitalApprovedOn: null,
  guaranteeVolume: 800_000_000,
  guaranteeVolumeLastYear: 600_000_000,
  ...overrides,
});

describe('statistics institutions report: periods, forms filed, returned, corrected and confirmed (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let ladder: LadderService;
  let organiser: Actor;
  let bank: Actor;
  let otherBank: Actor;
  let guarantor: Actor;
  let enterprise: Actor;
  let eventId: string;
  let sessionId: string;
  let period: RewardPeriod;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => t.http.put(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await t.dataSource.query(sql, params))[0].n);
  const audits = (action: string, entityId: string) =>
    count(`SELECT count(*) AS n FROM audit_record WHERE action = $1 AND "entityId" = $2`, [action, entityId]);
  const quarter = (name = `2026年第四季度 ${randomUUID().slice(0, 6)}`) => ({
    name,
    startsOn: '2026-10-01',
    endsOn: '2026-12-31',
    cadence: 'quarterly',
    dueOn: '2026-12-21',
    classes: ['guarantor', 'bank'],
  });
  const formOf = async (actor: Actor, periodId = period.id): Promise<StatisticsForm> => {
    const mine: StatisticsForm[] = (await as(actor).get('/me/statistics-forms').expect(200)).body;
    const found = mine.find((f) => f.periodId === periodId);
    if (!found) throw new Error('this organisation owes no form for the period');
    return found;
  };
  const review = async (id: string, accept: boolean, reason?: string): Promise<Obligation> => {
    const form: StatisticsForm = (await as(organiser).get(`/statistics-forms/${id}`).expect(200)).body;
    return (
      await as(organiser)
        .post(`/obligations/${id}/review`, { version: form.obligation.version, accept, ...(reason ? { reason } : {}) })
        .expect(200)
    ).body;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    ladder = t.app.get(LadderService);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    [bank, otherBank, guarantor, enterprise] = await Promise.all([
      t.organisation('bank', { name: `甲银行${randomUUID().slice(0, 6)}` }),
      t.organisation('bank', { name: `乙银行${randomUUID().slice(0, 6)}` }),
      t.organisation('guarantor'),
      t.organisation('enterprise'),
    ]);
    await t.participate(enterprise, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    await t.participate(otherBank, organiser, sessionId, 'lender');
    await t.participate(guarantor, organiser, sessionId, 'guarantor');

    // A loan of 2,000万 signed by the bank, 500万 of it disbursed: the platform's figures beside its form.
    setNow('2026-12-10T10:00:00+08:00');
    for (const a of [enterprise, bank]) await as(a).post('/auth/step-up', { password: PASSWORD }).expect(200);
    const draft: Agreement = (
      await as(enterprise)
        .post(`/sessions/${sessionId}/agreements`, {
          kind: 'loan',
          title: '流动资金贷款',
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
    for (const s of [enterprise, bank]) await as(s).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);
    await as(bank).post(`/agreements/${draft.id}/ledger`, { kind: 'disbursed', amount: 5_000_000, occurredOn: '2026-12-11' }).expect(201);
    jest.restoreAllMocks();
  });
  beforeEach(() => setNow('2026-12-12T10:00:00+08:00'));
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('opens a period: each approved bank and guarantor owes its class’s form by the end of the due day in the event’s zone', async () => {
    const input = quarter();
    const key = randomUUID();
    period = (await as(organiser).post(`/events/${eventId}/reward-periods`, input).set('Idempotency-Key', key).expect(201)).body;
    expect(period).toMatchObject({ name: input.name, state: 'open', classes: ['bank', 'guarantor'], dueOn: '2026-12-21', version: 1 });
    expect(period.forms).toEqual({ owed: 3, submitted: 0, accepted: 0, returned: 0, overdue: 0 });
    // A retry with the same key is answered as the first; nothing more is owed.
    const replay = await as(organiser).post(`/events/${eventId}/reward-periods`, input).set('Idempotency-Key', key).expect(201);
    expect(replay.body.id).toBe(period.id);

    const form = await formOf(bank);
    expect(form).toMatchObject({ class: 'bank', organisationId: bank.organisationId, periodName: input.name, confirmed: false, versions: [] });
    expect(form.periodSpan).toEqual({ startsOn: '2026-10-01', endsOn: '2026-12-31' });
    expect(form.obligation).toMatchObject({
      kind: 'statistics_filing',
      state: 'open',
      dueOn: '2026-12-21',
      subject: { title: input.name, step: 'bank', seq: 1 },
    });
    expect(form.obligation.dueAt).toBe(dueInstant('2026-12-21', 'Asia/Shanghai').toISOString());
    expect((await formOf(guarantor)).class).toBe('guarantor');
    // The enterprise's class was not named: it owes nothing.
    expect(((await as(enterprise).get('/me/statistics-forms').expect(200)).body as StatisticsForm[]).filter((f) => f.periodId === period.id)).toEqual([]);
    // The form is on the bank's 待办 like any obligation.
    const todo: Obligation[] = (await as(bank).get('/me/obligations').expect(200)).body;
    expect(todo.map((o) => o.id)).toContain(form.id);
    expect(await audits('statistics.period_opened', period.id)).toBe(1);
    // Each owing institution's users are told, once.
    const told = await t.dataSource.query(
      `SELECT u."organisationId", n.params FROM notification n JOIN app_user u ON u.id = n."userId" WHERE n."dedupeKey" = $1 AND n.kind = 'obligation.owed'`,
      [`statistics.owed:${period.id}`],
    );
    expect(new Set(told.map((n: { organisationId: string }) => n.organisationId))).toEqual(
      new Set([bank.organisationId, otherBank.organisationId, guarantor.organisationId]),
    );
    expect(told[0].params).toEqual({ title: input.name, dueOn: '2026-12-21' });
  });

  it('opening the same period again owes the form only to the institutions that joined since', async () => {
    const newcomer = await t.organisation('bank');
    await t.participate(newcomer, organiser, sessionId, 'lender');
    const again: RewardPeriod = (
      await as(organiser)
        .post(`/events/${eventId}/reward-periods`, { ...quarter(period.name), dueOn: '2026-12-30' })
        .expect(201)
    ).body;
    expect(again.id).toBe(period.id);
    expect(again.dueOn).toBe('2026-12-21');
    expect(again.forms.owed).toBe(4);
    expect((await formOf(newcomer)).obligation.dueOn).toBe('2026-12-21');
    const periods: RewardPeriod[] = (await as(organiser).get(`/events/${eventId}/reward-periods`).expect(200)).body;
    expect(periods.filter((p) => p.id === period.id)).toHaveLength(1);
    expect(await audits('statistics.period_opened', period.id)).toBe(2);
  });

  it('refuses a period whose days are out of order, whose due day is past, or that names no class, naming the field', async () => {
    const bad = async (patch: object) =>
      (
        await as(organiser)
          .post(`/events/${eventId}/reward-periods`, { ...quarter(), ...patch })
          .expect(400)
      ).body.fields[0].field;
    expect(await bad({ endsOn: '2026-09-30' })).toBe('endsOn');
    expect(await bad({ dueOn: '2026-09-30' })).toBe('dueOn');
    expect(await bad({ dueOn: '2026-12-01' })).toBe('dueOn');
    expect(await bad({ classes: [] })).toBe('classes');
    expect(await bad({ classes: ['bank', 'pawnshop'] })).toBe('classes');
    expect(await bad({ startsOn: '2026-02-30' })).toBe('startsOn');
  });

  it('a bank files, the organiser returns it with a reason, the bank corrects it as version 2 and it is accepted as the confirmed figures', async () => {
    let form = await formOf(bank);
    // A draft may be partial; it is kept and shown, the obligation stays open.
    form = (
      await as(bank)
        .put(`/statistics-forms/${form.id}`, { figures: { industryLoanBalance: 12_000_000_000 }, version: form.obligation.version })
        .expect(200)
    ).body;
    expect(form.figures).toEqual({ industryLoanBalance: 12_000_000_000 });
    expect(form.obligation.state).toBe('open');
    // Filing checks every required field and refuses keys the form does not have.
    const incomplete = await as(bank).post(`/statistics-forms/${form.id}/submit`, {
      figures: bankFigures({ smallMicroNplBp: null }),
      version: form.obligation.version,
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.fields[0].field).toBe('figures.smallMicroNplBp');
    const extra = await as(bank).post(`/statistics-forms/${form.id}/submit`, {
      figures: { ...bankFigures(), guaranteeVolume: 1 },
      version: form.obligation.version,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.fields[0].field).toBe('figures.guaranteeVolume');

    const body = { figures: bankFigures({ industryLoanIncrement: 1_040_000_000 }), version: form.obligation.version };
    const filed: StatisticsForm = (await as(bank).post(`/statistics-forms/${form.id}/submit`, body).expect(200)).body;
    expect(filed.obligation).toMatchObject({ state: 'submitted', version: form.obligation.version + 1, timing: 'on_time' });
    expect(filed.versions).toEqual([expect.objectContaining({ n: 1, figures: bankFigures({ industryLoanIncrement: 1_040_000_000 }) })]);
    expect(filed.platform).toMatchObject({ 'platform.signedLoans': 20_000_000, 'platform.disbursed': 5_000_000, 'platform.ratingCount': 0 });
    // The same filing sent again (its answer lost) is answered without a second version.
    const settled = await t.dataSource.query(
      `SELECT n."settledAt" FROM notification n JOIN app_user u ON u.id = n."userId" WHERE n."dedupeKey" = $1 AND u."organisationId" = $2`,
      [`statistics.owed:${period.id}`, bank.organisationId],
    );
    expect(settled.length).toBeGreaterThan(0);
    expect(settled.every((n: { settledAt: Date | null }) => n.settledAt !== null)).toBe(true);
    const retry: StatisticsForm = (await as(bank).post(`/statistics-forms/${form.id}/submit`, body).expect(200)).body;
    expect(retry.versions).toHaveLength(1);
    // A draft cannot be saved over a filed form.
    await as(bank).put(`/statistics-forms/${form.id}`, { figures: {}, version: filed.obligation.version }).expect(409);

    const returned = await review(form.id, false, '本期工业贷款新增额与人行口径不符，请核对');
    expect(returned.state).toBe('returned');
    form = (await as(bank).get(`/statistics-forms/${form.id}`).expect(200)).body;
    expect(form.obligation.returnReason).toBe('本期工业贷款新增额与人行口径不符，请核对');
    expect(form.figures).toEqual(bankFigures({ industryLoanIncrement: 1_040_000_000 }));
    expect(form.confirmed).toBe(false);

    const corrected: StatisticsForm = (
      await as(bank).post(`/statistics-forms/${form.id}/submit`, { figures: bankFigures(), version: form.obligation.version }).expect(200)
    ).body;
    expect(corrected.versions.map((v) => [v.n, v.figures.industryLoanIncrement])).toEqual([
      [1, 1_040_000_000],
      [2, 1_500_000_000],
    ]);
    expect((await review(form.id, true)).state).toBe('accepted');
    form = (await as(bank).get(`/statistics-forms/${form.id}`).expect(200)).body;
    expect(form.confirmed).toBe(true);
    expect(form.figures).toEqual(bankFigures());

    const confirmed = await confirmedFigures(t.dataSource.manager, period.id, clock.now());
    expect(confirmed.period).toMatchObject({ id: period.id, eventId, startsOn: '2026-10-01', endsOn: '2026-12-31', state: 'open' });
    expect(confirmed.institutions).toEqual([
      {
        organisationId: bank.organisationId,
        name: form.organisationName,
        class: 'bank',
        figures: { ...bankFigures(), 'platform.signedLoans': 20_000_000, 'platform.disbursed': 5_000_000, 'platform.ratingCount': 0 },
      },
    ]);
    expect(confirmed.unconfirmed.map((u) => u.organisationId)).toEqual(expect.arrayContaining([otherBank.organisationId, guarantor.organisationId]));
    expect(confirmed.unconfirmed.find((u) => u.organisationId === guarantor.organisationId)).toMatchObject({ class: 'guarantor', state: 'open' });
    const latest = await latestConfirmedFigures(t.dataSource.manager, eventId, [bank.organisationId, otherBank.organisationId]);
    expect([...latest.keys()]).toEqual([bank.organisationId]);
    expect(latest.get(bank.organisationId)).toEqual(bankFigures());

    expect(
      await audits('statistics.form_submitted', (await t.dataSource.query(`SELECT id FROM statistics_form WHERE "obligationId" = $1`, [form.id]))[0].id),
    ).toBe(2);
    const progress: RewardPeriod = (await as(organiser).get(`/reward-periods/${period.id}`).expect(200)).body;
    expect(progress.forms).toMatchObject({ accepted: 1, submitted: 0, returned: 0 });
  });

  it('another bank can neither read nor file this bank’s form; organisers review but do not file; a bank opens no period and reviews nothing', async () => {
    const form = await formOf(bank);
    await as(otherBank).get(`/statistics-forms/${form.id}`).expect(404);
    await as(otherBank).put(`/statistics-forms/${form.id}`, { figures: {}, version: form.obligation.version }).expect(404);
    await as(otherBank).post(`/statistics-forms/${form.id}/submit`, { figures: bankFigures(), version: form.obligation.version }).expect(404);
    await as(otherBank).get(`/statistics-forms/${randomUUID()}`).expect(404);
    const own = await formOf(otherBank);
    await as(organiser).put(`/statistics-forms/${own.id}`, { figures: {}, version: own.obligation.version }).expect(403);
    await as(organiser).post(`/statistics-forms/${own.id}/submit`, { figures: bankFigures(), version: own.obligation.version }).expect(403);
    await as(bank).post(`/events/${eventId}/reward-periods`, quarter()).expect(403);
    await as(bank).get(`/events/${eventId}/reward-periods`).expect(403);
    await as(bank).get(`/reward-periods/${period.id}/forms`).expect(403);
    await as(bank).get(`/reward-periods/${period.id}/forms.xlsx`).expect(403);
    await as(bank).post(`/reward-periods/${period.id}/close`, { version: 1 }).expect(403);
    await as(otherBank).post(`/statistics-forms/${own.id}/submit`, { figures: bankFigures(), version: own.obligation.version }).expect(200);
    await as(bank)
      .post(`/obligations/${own.id}/review`, { version: own.obligation.version + 1, accept: true })
      .expect(403);
  });

  it('checks each figure against its field: whole yuan in range, basis points up to 100%, real days, known choices', async () => {
    const form = await formOf(guarantor);
    const field = async (figures: object) =>
      (await as(guarantor).post(`/statistics-forms/${form.id}/submit`, { figures, version: form.obligation.version }).expect(400)).body.fields[0].field;
    expect(await field(guarantorFigures({ registeredCapital: 1.5 }))).toBe('figures.registeredCapital');
    expect(await field(guarantorFigures({ registeredCapital: -1 }))).toBe('figures.registeredCapital');
    expect(await field(guarantorFigures({ guaranteeVolume: 2e15 }))).toBe('figures.guaranteeVolume');
    expect(await field(guarantorFigures({ guaranteeVolume: '100' }))).toBe('figures.guaranteeVolume');
    expect(await field(guarantorFigures({ capitalEvent: 'merger' }))).toBe('figures.capitalEvent');
    // A capital increase needs the regulator's approval day and the new capital.
    expect(await field(guarantorFigures({ capitalEvent: 'increase', newCapital: 100_000_000 }))).toBe('figures.capitalApprovedOn');
    expect(await field(guarantorFigures({ capitalEvent: 'increase', capitalApprovedOn: '2026-11-02' }))).toBe('figures.newCapital');
    expect(await field(guarantorFigures({ capitalEvent: 'new', capitalApprovedOn: '2026-02-30' }))).toBe('figures.capitalApprovedOn');
    // Drafts are checked for their types too.
    const draft = await as(guarantor)
      .put(`/statistics-forms/${form.id}`, { figures: { guaranteeVolume: 1e16 }, version: form.obligation.version })
      .expect(400);
    expect(draft.body.fields[0].field).toBe('figures.guaranteeVolume');
    // Nothing was filed by the refused attempts.
    expect((await formOf(guarantor)).obligation).toMatchObject({ state: 'open', version: form.obligation.version });
  });

  it('a form not filed by its due day is reminded and marked overdue by the ladder like a follow-up report, and filed late it shows as late', async () => {
    const form = await formOf(guarantor);
    const key = (kind: string) => `obligation:${form.id}:${kind}:2026-12-21`;
    const notified = (kind: string) =>
      count(`SELECT count(*) AS n FROM notification WHERE kind = $1 AND "dedupeKey" = $2`, [
        `obligation.${kind === 'reminder' ? 'reminder' : 'overdue'}`,
        key(kind),
      ]);
    // Thursday 17 December: Friday, Monday the 21st: within three working days of the due day.
    setNow('2026-12-17T09:00:00+08:00');
    await ladder.sweep(new Date('2026-12-17T09:00:00+08:00'));
    expect(await notified('reminder')).toBeGreaterThanOrEqual(1);
    expect(await audits('obligation.reminded', form.id)).toBe(1);
    // 23:30 on the due day in Shanghai: not overdue yet; half past midnight: overdue.
    setNow('2026-12-21T23:30:00+08:00');
    await ladder.sweep(new Date('2026-12-21T23:30:00+08:00'));
    expect(await notified('overdue')).toBe(0);
    setNow('2026-12-22T00:30:00+08:00');
    await ladder.sweep(new Date('2026-12-22T00:30:00+08:00'));
    expect(await notified('overdue')).toBeGreaterThanOrEqual(1);
    expect(await audits('obligation.overdue_marked', form.id)).toBe(1);

    expect((await formOf(guarantor)).obligation.timing).toBe('overdue');
    const progress: RewardPeriod = (await as(organiser).get(`/reward-periods/${period.id}`).expect(200)).body;
    expect(progress.forms.overdue).toBe(2);
    const overdue: Page<StatisticsFormRow> = (await as(organiser).get(`/reward-periods/${period.id}/forms?state=overdue`).expect(200)).body;
    expect(overdue.items.map((r) => r.organisationId)).toContain(guarantor.organisationId);
    expect(overdue.items.every((r) => r.timing === 'overdue')).toBe(true);

    // Filed late: its timing stays overdue (first filed after the due instant).
    setNow('2026-12-23T10:00:00+08:00');
    const late: StatisticsForm = (
      await as(guarantor)
        .post(`/statistics-forms/${form.id}/submit`, {
          figures: guarantorFigures({ capitalEvent: 'increase', newCapital: 100_000_000, capitalApprovedOn: '2026-11-02' }),
          version: form.obligation.version,
        })
        .expect(200)
    ).body;
    expect(late.obligation).toMatchObject({ state: 'submitted', timing: 'overdue' });
    expect(late.versions[0].figures).toMatchObject({ capitalEvent: 'increase', newCapital: 100_000_000, capitalApprovedOn: '2026-11-02' });
  });

  it('lists a period’s forms by class then name, filtered, with the platform’s figures, and exports a workbook with a sheet per class in 万元', async () => {
    const page: Page<StatisticsFormRow> = (await as(organiser).get(`/reward-periods/${period.id}/forms?pageSize=200`).expect(200)).body;
    expect(page.total).toBe(4);
    expect(page.items.map((r) => r.class)).toEqual(['bank', 'bank', 'bank', 'guarantor']);
    expect(page.items.filter((r) => r.class === 'bank').map((r) => r.organisationId)).toEqual(
      expect.arrayContaining([bank.organisationId, otherBank.organisationId]),
    );
    const ours = page.items.find((r) => r.organisationId === bank.organisationId)!;
    expect(ours).toMatchObject({ state: 'accepted', confirmed: true, figures: bankFigures(), dueOn: '2026-12-21' });
    expect(ours.platform['platform.signedLoans']).toBe(20_000_000);

    const named: Page<StatisticsFormRow> = (
      await as(organiser)
        .get(`/reward-periods/${period.id}/forms?q=${encodeURIComponent('甲银行')}`)
        .expect(200)
    ).body;
    expect(named.items.map((r) => r.organisationId)).toEqual([bank.organisationId]);
    const guarantors: Page<StatisticsFormRow> = (await as(organiser).get(`/reward-periods/${period.id}/forms?class=guarantor&state=submitted`).expect(200))
      .body;
    expect(guarantors.items.map((r) => r.organisationId)).toEqual([guarantor.organisationId]);
    await as(organiser).get(`/reward-periods/${period.id}/forms?pageSize=201`).expect(400);
    await as(organiser).get(`/reward-periods/${period.id}/forms?class=pawnshop`).expect(400);

    const res = await as(organiser)
      .get(`/reward-periods/${period.id}/forms.xlsx`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-export-rows']).toBe('4');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['银行', '担保机构']);
    const sheet = book.getWorksheet('银行')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('工业贷款余额（期末）（万元）');
    expect(headers).toContain('平台签约金额（万元）');
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === ours.organisationName)!;
    expect(row.getCell(headers.indexOf('工业贷款余额（期末）（万元）') + 1).value).toBe(1_200_000);
    expect(row.getCell(headers.indexOf('平台签约金额（万元）') + 1).value).toBe(2000);
    expect(row.getCell(headers.indexOf('小微企业贷款不良率') + 1).value).toBe(0.025);
    expect(row.getCell(2).value).toBe('已确认');
  });

  it('shows a builder’s delivered purchases beside its form, with the share bought from producers in the event’s province', async () => {
    setNow('2026-12-10T10:00:00+08:00');
    const goods = (await t.session(organiser, eventId, 'building_materials', 'live')).id;
    const [builder, local, remote] = await Promise.all([
      t.organisation('construction_unit'),
      t.organisation('enterprise', { region: '630100' }),
      t.organisation('enterprise', { region: '510100' }),
    ]);
    await t.participate(builder, organiser, goods, 'builder');
    await t.participate(local, organiser, goods, 'producer');
    await t.participate(remote, organiser, goods, 'producer');
    for (const a of [builder, local, remote]) await as(a).post('/auth/step-up', { password: PASSWORD }).expect(200);
    const deliver = async (producer: Actor, amount: number, delivered: number) => {
      const draft: Agreement = (
        await as(builder)
          .post(`/sessions/${goods}/agreements`, {
            kind: 'supply_contract',
            title: `水泥供货合同 ${randomUUID().slice(0, 6)}`,
            amount,
            product: 'cement',
            quantity: 5000,
            unit: '吨',
            keyTerms: '分批交货',
            parties: [
              { organisationId: producer.organisationId, role: 'producer' },
              { organisationId: builder.organisationId, role: 'builder' },
            ],
          })
          .expect(201)
      ).body;
      for (const s of [builder, producer]) await as(s).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);
      await as(producer).post(`/agreements/${draft.id}/ledger`, { kind: 'delivered', amount: delivered, occurredOn: '2026-12-11' }).expect(201);
    };
    await deliver(local, 5_000_000, 3_000_000);
    await deliver(remote, 2_000_000, 1_000_000);

    setNow('2026-12-12T10:00:00+08:00');
    const builders: RewardPeriod = (
      await as(organiser)
        .post(`/events/${eventId}/reward-periods`, { ...quarter(), classes: ['construction_unit'] })
        .expect(201)
    ).body;
    expect(builders.forms.owed).toBe(1);
    const form = await formOf(builder, builders.id);
    expect(form.platform).toEqual({
      'platform.delivered': 4_000_000,
      'platform.localDelivered': 3_000_000,
      'platform.localShareBp': 7500,
      'platform.ratingCount': 0,
    });
    // Its form has no fields of its own: filed empty, accepted, its confirmed figures are the platform's.
    await as(builder).post(`/statistics-forms/${form.id}/submit`, { figures: {}, version: form.obligation.version }).expect(200);
    await review(form.id, true);
    const confirmed = await confirmedFigures(t.dataSource.manager, builders.id, clock.now());
    expect(confirmed.institutions).toEqual([expect.objectContaining({ class: 'construction_unit', figures: form.platform })]);
  });

  it('closing a period waives the forms not filed and keeps those filed; filing is then refused and a stale close is a conflict', async () => {
    const closing: RewardPeriod = (await as(organiser).post(`/events/${eventId}/reward-periods`, quarter()).expect(201)).body;
    const filed = await formOf(bank, closing.id);
    await as(bank).post(`/statistics-forms/${filed.id}/submit`, { figures: bankFigures(), version: filed.obligation.version }).expect(200);
    const closed: RewardPeriod = (await as(organiser).post(`/reward-periods/${closing.id}/close`, { version: closing.version }).expect(200)).body;
    expect(closed).toMatchObject({ state: 'closed', version: closing.version + 1 });
    expect(closed.forms).toMatchObject({ owed: 1, submitted: 1, overdue: 0 });
    // The same close sent again is answered as done; an old version otherwise is a conflict.
    await as(organiser).post(`/reward-periods/${closing.id}/close`, { version: closing.version }).expect(200);
    expect(
      (
        await as(organiser)
          .post(`/reward-periods/${closing.id}/close`, { version: closing.version + 1 })
          .expect(409)
      ).body.code,
    ).toBe('invalid_state');
    const waived = (await t.dataSource.query(
      `SELECT o.state FROM statistics_form f JOIN obligation o ON o.id = f."obligationId" WHERE f."periodId" = $1 AND f."organisationId" = $2`,
      [closing.id, guarantor.organisationId],
    )) as { state: string }[];
    expect(waived).toEqual([{ state: 'waived' }]);
    const guarantorForm: { obligationId: string; version: number }[] = await t.dataSource.query(
      `SELECT f."obligationId", o.version FROM statistics_form f JOIN obligation o ON o.id = f."obligationId" WHERE f."periodId" = $1 AND f."organisationId" = $2`,
      [closing.id, guarantor.organisationId],
    );
    const refused = await as(guarantor)
      .post(`/statistics-forms/${guarantorForm[0].obligationId}/submit`, { figures: guarantorFigures(), version: guarantorForm[0].version })
      .expect(409);
    expect(refused.body.code).toBe('not_owed');
    expect(((await as(guarantor).get('/me/statistics-forms').expect(200)).body as StatisticsForm[]).map((f) => f.periodId)).not.toContain(closing.id);
    // Opening it again is refused: it is closed.
    expect((await as(organiser).post(`/events/${eventId}/reward-periods`, quarter(closing.name)).expect(409)).body.code).toBe('invalid_state');
    expect(await audits('statistics.period_closed', closing.id)).toBe(1);
  });
});
