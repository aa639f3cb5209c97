import type { Page, RewardAward, RewardPeriod, RewardProgram, RewardRun, StatisticsForm } from '@duijie/shared';
import { DEFAULT_REWARD_PROGRAM } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { pdfText } from '../testing/pdf-text';
import { PASSWORD, randomCreditCode, TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords } from '../testing/xlsx-download';

/** A bank's complete form for the quarter, in yuan and basis points. */
const bankFigures = (overrides: Record<string, number> = {}) => ({
  industryLoanBalance: 12_000_000_000,
  industryLoanIncrement: 1_500_000_000,
  industryLoanBalanceLastYear: 10_000_000_000,
  industryLoanIncrementLastYear: 1_000_000_000,
  smallMicroLoanIncrement: 300_000_000,
  smallMicroLoanIncrementLastYear: 200_000_000,
  smallMicroNplBp: 250,
  ...overrides,
});

/** Bank B lent less to industry than last year (the assessment's gate fails), and its small/micro NPL is under 2%. */
const bankBFigures = bankFigures({
  industryLoanIncrement: 900_000_000,
  smallMicroLoanIncrement: 150_000_000,
  smallMicroLoanIncrementLastYear: 100_000_000,
  smallMicroNplBp: 100,
});

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('rewards: programs as data, runs over confirmed figures, approval and payment (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let organiser: Actor;
  let stranger: Actor;
  let bankA: Actor;
  let bankB: Actor;
  let bankC: Actor;
  let bankD: Actor;
  let enterprise: Actor;
  let eventId: string;
  let program: RewardProgram;
  let period: RewardPeriod;
  let run1: RewardRun;
  let run2: RewardRun;
  const names: Record<string, string> = {};

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => t.http.put(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  const audits = async (entityId: string): Promise<string[]> =>
    ((await t.dataSource.query(`SELECT action FROM audit_record WHERE "entityId" = $1 ORDER BY id`, [entityId])) as { action: string }[]).map((r) => r.action);
  const formOf = async (actor: Actor): Promise<StatisticsForm> => {
    const mine: StatisticsForm[] = (await as(actor).get('/me/statistics-forms').expect(200)).body;
    const found = mine.find((f) => f.periodId === period.id);
    if (!found) throw new Error('this organisation owes no form for the period');
    return found;
  };
  const file = async (actor: Actor, figures: object): Promise<StatisticsForm> => {
    const form = await formOf(actor);
    return (await as(actor).post(`/statistics-forms/${form.id}/submit`, { figures, version: form.obligation.version }).expect(200)).body;
  };
  const review = async (actor: Actor, accept: boolean, reason?: string) => {
    const form = await formOf(actor);
    await as(organiser)
      .post(`/obligations/${form.id}/review`, { version: form.obligation.version, accept, ...(reason ? { reason } : {}) })
      .expect(200);
  };
  const awardsOf = async (runId: string, query = ''): Promise<Page<RewardAward>> =>
    (await as(organiser).get(`/reward-runs/${runId}/awards${query}`).expect(200)).body;
  const pdf = async (path: string) => {
    const res = await as(organiser)
      .get(path)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return pdfText(res.body as Buffer).text;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    const sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    const tag = randomUUID().slice(0, 6);
    [bankA, bankB, bankC, bankD, enterprise] = await Promise.all([
      t.organisation('bank', { name: `甲银行${tag}` }),
      t.organisation('bank', { name: `乙银行${tag}` }),
      t.organisation('bank', { name: `丙银行${tag}` }),
      t.organisation('bank', { name: `丁银行${tag}` }),
      t.organisation('enterprise'),
    ]);
    Object.assign(names, { A: `甲银行${tag}`, B: `乙银行${tag}`, C: `丙银行${tag}`, D: `丁银行${tag}` });
    for (const b of [bankA, bankB, bankC, bankD]) await t.participate(b, organiser, sessionId, 'lender');
    await t.participate(enterprise, organiser, sessionId, 'borrower');

    // An organiser department that runs an event of its own, not this one.
    const email = `rewards-dept-${randomUUID()}@test.duijie.cn`;
    const dept = await as(organiser)
      .post('/organiser-departments', {
        organisation: {
          name: `另一主办部门${tag}`,
          creditCode: randomCreditCode('630000'),
          kind: 'organiser',
          industry: 'S92',
          region: '630000',
          size: 'medium',
          contactName: '王五',
          contactPhone: '0971-7654321',
        },
        admin: { email },
      })
      .expect(201);
    await t.http.post(`/api/invitations/${dept.body.invitation.token}/accept`).send({ displayName: '别的主办', password: PASSWORD }).expect(200);
    stranger = await t.login(email, PASSWORD);
    await t.event(stranger);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('starts a draft from the seed’s rules, edits it on the version read, and refuses content with problems, naming each path', async () => {
    const content = (await as(organiser).get('/reward-programs/default').expect(200)).body;
    expect(content).toEqual(DEFAULT_REWARD_PROGRAM);
    const created = await as(organiser).post(`/events/${eventId}/reward-programs`, { name: '金融支持工业经济奖励办法', content }).expect(201);
    program = created.body;
    expect(program).toMatchObject({ eventId, versionNo: 1, state: 'draft', version: 1, publishedAt: null });

    const broken = structuredClone(content);
    broken.rules[0].amountPerUnit = -1;
    const problems = (await as(organiser).post('/reward-programs/check', { name: 'x', content: broken }).expect(200)).body;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({
      path: 'rules[0].amountPerUnit',
      message: 'must be a non-negative whole number',
      messageZh: '须为非负整数',
    });
    expect((await as(organiser).post('/reward-programs/check', { name: 'x', content }).expect(200)).body).toEqual([]);
    const refused = await as(organiser).put(`/reward-programs/${program.id}`, { name: '改', content: broken, version: 1 }).expect(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toContain('content.rules[0].amountPerUnit');
    // Content above 256 KB is refused whatever it holds.
    const huge = { ...content, schemes: [...content.schemes, { padding: 'x'.repeat(300 * 1024) }] };
    expect((await as(organiser).post('/reward-programs/check', { name: 'x', content: huge })).status).toBe(413);

    const edited = (await as(organiser).put(`/reward-programs/${program.id}`, { name: '金融支持工业经济奖励办法（2026）', content, version: 1 }).expect(200))
      .body;
    expect(edited).toMatchObject({ name: '金融支持工业经济奖励办法（2026）', version: 2 });
    const stale = await as(organiser).put(`/reward-programs/${program.id}`, { name: '旧', content, version: 1 }).expect(409);
    expect(stale.body.code).toBe('stale_version');
    program = edited;
    expect(await audits(program.id)).toEqual(['reward.program_created', 'reward.program_updated']);
  });

  it('publishes a draft, which is then frozen; a new version copies it and, once published, supersedes it', async () => {
    const published: RewardProgram = (await as(organiser).post(`/reward-programs/${program.id}/publish`, { version: 2 }).expect(200)).body;
    expect(published).toMatchObject({ state: 'published', version: 3, publishedBy: expect.any(String) });
    // The same publish again (its answer lost) is answered as it stands.
    expect((await as(organiser).post(`/reward-programs/${program.id}/publish`, { version: 2 }).expect(200)).body.version).toBe(3);
    const frozen = await as(organiser).put(`/reward-programs/${program.id}`, { name: '改', content: published.content, version: 3 }).expect(409);
    expect(frozen.body.code).toBe('program_frozen');

    const next: RewardProgram = (await as(organiser).post(`/reward-programs/${program.id}/new-version`).expect(201)).body;
    expect(next).toMatchObject({ lineage: program.lineage, versionNo: 2, state: 'draft', content: published.content });
    // Asking again answers the draft already open.
    expect((await as(organiser).post(`/reward-programs/${program.id}/new-version`).expect(201)).body.id).toBe(next.id);
    await as(organiser).post(`/reward-programs/${next.id}/publish`, { version: 1 }).expect(200);
    const versions: RewardProgram[] = (await as(organiser).get(`/events/${eventId}/reward-programs`).expect(200)).body;
    expect(versions.map((p) => [p.versionNo, p.state])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect((await as(organiser).put(`/reward-programs/${program.id}`, { name: '改', content: published.content, version: 4 }).expect(409)).body.code).toBe(
      'program_frozen',
    );
    await as(organiser).post(`/reward-programs/${program.id}/new-version`).expect(409);
    expect(await audits(program.id)).toEqual(['reward.program_created', 'reward.program_updated', 'reward.program_published']);
    expect(await audits(next.id)).toEqual(['reward.program_created', 'reward.program_published']);
    program = versions[0];
  });

  it('computes a run over the confirmed figures: every institution with its reasons, the hand-worked amounts, those left out', async () => {
    setNow('2026-12-12T10:00:00+08:00');
    period = (
      await as(organiser)
        .post(`/events/${eventId}/reward-periods`, {
          name: `2026年第四季度 ${randomUUID().slice(0, 6)}`,
          startsOn: '2026-10-01',
          endsOn: '2026-12-31',
          cadence: 'quarterly',
          dueOn: '2026-12-21',
          classes: ['bank'],
        })
        .expect(201)
    ).body;
    await file(bankA, bankFigures());
    await review(bankA, true);
    // B files figures the organiser returns; C and D have not filed yet.
    await file(bankB, bankFigures({ industryLoanIncrement: 1 }));
    await review(bankB, false, '本期工业贷款新增额有误，请按人行口径重报');

    // A superseded version is not the rules in force.
    const old = (await as(organiser).get(`/events/${eventId}/reward-programs`).expect(200)).body.find((p: RewardProgram) => p.state === 'superseded');
    expect((await as(organiser).post(`/reward-periods/${period.id}/runs`, { programId: old.id }).expect(409)).body.code).toBe('program_not_published');

    setNow('2026-12-15T10:00:00+08:00');
    run1 = (await as(organiser).post(`/reward-periods/${period.id}/runs`, { programId: program.id }).expect(201)).body;
    expect(run1).toMatchObject({ seq: 1, state: 'computed', institutions: 1, unconfirmed: 3, changes: [], programVersionNo: 2, version: 1 });
    // Bank A: industrial lending 15亿 against 10亿 last year, 5% above is 10.5亿; the 4.5亿 beyond
    // counts 4 whole 亿 × 50万 = 200万. Small/micro growth 3亿 > 2亿: first of one, 15万. NPL 2.5%:
    // the 0.5% inside the 2%–5% band on 3亿 is 150万, 60% of it 90万. 200 + 15 + 90 = 305万.
    expect(run1.totals.total).toBe(3_050_000);
    expect(run1.totals.byRule['bank-industry-growth']).toBe(2_000_000);
    const [a] = (await awardsOf(run1.id)).items;
    expect(a).toMatchObject({ organisationId: bankA.organisationId, organisationName: names.A, class: 'bank', amount: 3_050_000, paidAt: null });
    const growth = a.outcomes.find((o) => o.ruleId === 'bank-industry-growth')!;
    expect(growth.amount).toBe(2_000_000);
    expect(growth.lines.map((l) => l.zh).join('\n')).toContain('4.5亿元');
    expect(a.scores.map((s) => s.schemeId)).toContain('bank-yearly-assessment');
    expect(await audits(run1.id)).toEqual(['reward.run_computed']);
  });

  it('re-runs after a correction and a late filing: the newcomers are the changes, and the previous run is superseded', async () => {
    setNow('2026-12-16T10:00:00+08:00');
    await file(bankB, bankBFigures);
    await review(bankB, true);
    // C files after the due day (late), D never does.
    setNow('2026-12-23T10:00:00+08:00');
    await file(bankC, bankFigures({ smallMicroLoanIncrement: 150_000_000, smallMicroNplBp: 600 }));
    await review(bankC, true);
    run2 = (await as(organiser).post(`/reward-periods/${period.id}/runs`, { programId: program.id }).expect(201)).body;
    expect(run2).toMatchObject({ seq: 2, state: 'computed', institutions: 3, unconfirmed: 1 });
    // B and C were not in the first run: their amounts are the changes; A's stayed at 305万.
    expect(Object.fromEntries(run2.changes.map((c) => [c.organisationId, [c.before, c.after]]))).toEqual({
      [bankB.organisationId]: [0, 150_000],
      [bankC.organisationId]: [0, expect.any(Number)],
    });
    const runs: RewardRun[] = (await as(organiser).get(`/reward-periods/${period.id}/runs`).expect(200)).body;
    expect(runs.map((r) => [r.seq, r.state])).toEqual([
      [2, 'computed'],
      [1, 'superseded'],
    ]);
    // Every institution of the run has a row, the ones that earn nothing too; largest first.
    const page = await awardsOf(run2.id);
    expect(page.total).toBe(3);
    expect(page.items.map((x) => x.amount)).toEqual([...page.items.map((x) => x.amount)].sort((x, y) => y - x));
    const b = page.items.find((x) => x.organisationId === bankB.organisationId)!;
    expect(b.outcomes.find((o) => o.ruleId === 'bank-industry-growth')).toMatchObject({ amount: 0 });
    expect(b.outcomes.find((o) => o.ruleId === 'bank-industry-growth')!.lines[0].zh).toContain('不予奖励');
    expect(b.scores.find((s) => s.schemeId === 'bank-yearly-assessment')).toMatchObject({ gated: true, score: 0 });
    expect((await awardsOf(run2.id, `?q=${encodeURIComponent(names.B)}`)).items.map((x) => x.organisationId)).toEqual([bankB.organisationId]);
    expect((await awardsOf(run2.id, '?class=enterprise')).total).toBe(0);
    // The superseded run cannot be approved.
    await t.http.post('/api/auth/step-up').auth(organiser.token, { type: 'bearer' }).send({ password: process.env.ADMIN_PASSWORD }).expect(200);
    const old = await as(organiser).post(`/reward-runs/${run1.id}/approve`, { version: 2 }).expect(409);
    expect(old.body.code).toBe('invalid_state');
  });

  it('approves a run only within a step-up grant; approved, its period takes no more runs', async () => {
    await t.dataSource.query(`UPDATE auth_session SET "signingGrantUntil" = now() - interval '1 minute' WHERE "userId" = $1`, [organiser.userId]);
    const refused = await as(organiser).post(`/reward-runs/${run2.id}/approve`, { version: 1 }).expect(403);
    expect(refused.body.code).toBe('step_up_required');
    // Before approval, no bank sees an award.
    expect((await as(bankA).get('/me/reward-awards').expect(200)).body).toEqual([]);

    await as(organiser).post('/auth/step-up', { password: process.env.ADMIN_PASSWORD }).expect(200);
    expect((await as(organiser).post(`/reward-runs/${run2.id}/approve`, { version: 7 }).expect(409)).body.code).toBe('stale_version');
    const approved: RewardRun = (await as(organiser).post(`/reward-runs/${run2.id}/approve`, { version: 1 }).expect(200)).body;
    expect(approved).toMatchObject({ state: 'approved', version: 2, approvedBy: expect.any(String) });
    expect((await as(organiser).post(`/reward-runs/${run2.id}/approve`, { version: 1 }).expect(200)).body.version).toBe(2);
    const again = await as(organiser).post(`/reward-periods/${period.id}/runs`, { programId: program.id }).expect(409);
    expect(again.body.code).toBe('run_approved');
    expect(await audits(run2.id)).toEqual(['reward.run_computed', 'reward.run_approved']);
    // The institutions with an award are told, with a link to 我的奖励; those without one are not.
    const told: { organisationId: string }[] = await t.dataSource.query(
      `SELECT DISTINCT u."organisationId" FROM notification n JOIN app_user u ON u.id = n."userId" WHERE n.kind = 'reward.approved' AND n.link = '/my/rewards' AND n."dedupeKey" = $1`,
      [`reward-run:${run2.id}:approved`],
    );
    const awarded: { organisationId: string }[] = await t.dataSource.query(`SELECT "organisationId" FROM reward_award WHERE "runId" = $1 AND amount > 0`, [
      run2.id,
    ]);
    expect(told.map((r) => r.organisationId).sort()).toEqual(awarded.map((r) => r.organisationId).sort());
    expect(told.map((r) => r.organisationId)).toContain(bankA.organisationId);
  });

  it('records the finance department’s payment confirmation once: the same reference again is the same answer, another is refused', async () => {
    const path = `/reward-runs/${run2.id}/awards/${bankA.organisationId}/payment`;
    await as(organiser).post(`/reward-runs/${run1.id}/awards/${bankA.organisationId}/payment`, { reference: 'CZ-1' }).expect(409);
    const paid: RewardAward = (await as(organiser).post(path, { reference: '财拨〔2027〕001号' }).expect(200)).body;
    expect(paid).toMatchObject({ amount: 3_050_000, paymentReference: '财拨〔2027〕001号', paidAt: expect.any(String), paidBy: expect.any(String) });
    expect((await as(organiser).post(path, { reference: '财拨〔2027〕001号' }).expect(200)).body).toEqual(paid);
    expect((await as(organiser).post(path, { reference: '财拨〔2027〕002号' }).expect(409)).body.code).toBe('invalid_state');
    await as(organiser).post(path, { reference: '' }).expect(400);
    await as(organiser).post(`/reward-runs/${run2.id}/awards/${bankD.organisationId}/payment`, { reference: 'X' }).expect(404);
    expect((await audits(run2.id)).filter((a) => a === 'reward.payment_confirmed')).toHaveLength(1);
  });

  it('shows each institution its own awards of approved runs only, with the reasons', async () => {
    const mineA: RewardAward[] = (await as(bankA).get('/me/reward-awards').expect(200)).body;
    expect(mineA.map((a) => [a.runId, a.organisationId, a.amount])).toEqual([[run2.id, bankA.organisationId, 3_050_000]]);
    expect(mineA[0].outcomes.length).toBeGreaterThan(0);
    // Each award names its period and program, and each line its rule or scheme.
    expect(mineA[0]).toMatchObject({ periodName: period.name, programName: program.name });
    expect(mineA[0].outcomes.find((o) => o.ruleId === 'bank-industry-growth')!.name.zh).toBe(
      DEFAULT_REWARD_PROGRAM.rules.find((r) => r.id === 'bank-industry-growth')!.name.zh,
    );
    expect(mineA[0].scores.every((s) => s.name.zh !== '' && s.name.en !== '')).toBe(true);
    expect(mineA[0].paymentReference).toBe('财拨〔2027〕001号');
    const mineB: RewardAward[] = (await as(bankB).get('/me/reward-awards').expect(200)).body;
    expect(mineB.map((a) => a.organisationId)).toEqual([bankB.organisationId]);
    expect((await as(bankD).get('/me/reward-awards').expect(200)).body).toEqual([]);
    expect((await as(enterprise).get('/me/reward-awards').expect(200)).body).toEqual([]);
  });

  it('exports the run as a workbook (awards with reasons in 万元, rankings with ties, totals) and prints the praise list and the notice of criticism', async () => {
    const { status, workbook } = await downloadXlsx(t, organiser, `/reward-runs/${run2.id}/awards.xlsx`);
    expect(status).toBe(200);
    const awards = sheetRecords(workbook!, '奖励');
    const rowA = awards.find((r) => r['机构'] === names.A)!;
    expect(rowA['奖励金额（万元）']).toBe(305);
    expect(String(rowA['奖励依据'])).toContain('银行工业信贷投放增长奖励');
    expect(rowA['付款凭证号']).toBe('财拨〔2027〕001号');
    const ranks = sheetRecords(workbook!, '排名');
    expect(ranks.filter((r) => r['考核方案/奖励规则'] === '银行年度考核（示例）').map((r) => r['机构'])).toHaveLength(3);
    const totals = sheetRecords(workbook!, '合计');
    expect(totals.find((r) => r['规则/类别'] === '银行工业信贷投放增长奖励')!['奖励金额（万元）']).toBe(400);
    expect(totals.find((r) => r['分组'] === '合计')!['奖励金额（万元）']).toBe(run2.totals.total / 10_000);

    const praise = await pdf(`/reward-runs/${run2.id}/praise.pdf`);
    expect(praise).toContain(names.A);
    expect(praise).not.toContain(names.D);
    const criticism = await pdf(`/reward-runs/${run2.id}/criticism.pdf`);
    // B failed the assessment's gate, C filed late, D never filed.
    for (const n of [names.B, names.C, names.D]) expect(criticism).toContain(n);
    expect(criticism).not.toContain(names.A);
    // The notices are of approved runs.
    expect((await as(organiser).get(`/reward-runs/${run1.id}/praise.pdf`).expect(409)).body.code).toBe('invalid_state');
  });

  it('keeps programs and runs to organisers: institutions are refused, and a program runs only over its own event’s periods', async () => {
    for (const path of [
      `/events/${eventId}/reward-programs`,
      `/reward-programs/${program.id}`,
      `/reward-periods/${period.id}/runs`,
      `/reward-runs/${run2.id}`,
      `/reward-runs/${run2.id}/awards`,
      `/reward-runs/${run2.id}/awards.xlsx`,
    ]) {
      await as(bankA).get(path).expect(403);
    }
    // Organisers manage every event, as everywhere on the platform (the administrator, the finance office).
    await as(stranger).get(`/reward-runs/${run2.id}`).expect(200);
    await as(bankA).post(`/events/${eventId}/reward-programs`, { name: 'x', content: DEFAULT_REWARD_PROGRAM }).expect(403);
    await as(bankA).post(`/reward-programs/${program.id}/new-version`).expect(403);
    await as(bankA).post(`/reward-periods/${period.id}/runs`, { programId: program.id }).expect(403);
    await as(bankA).post(`/reward-runs/${run2.id}/awards/${bankA.organisationId}/payment`, { reference: 'X' }).expect(403);
    await as(bankA).post(`/reward-runs/${run2.id}/approve`, { version: 2 }).expect(403);
    await as(organiser).get(`/reward-runs/${randomUUID()}`).expect(404);
    // A program of another event cannot be run over this event's period.
    const theirs = (await as(stranger).get('/events').expect(200)).body.find(
      (e: { organiserOrganisationId: string }) => e.organiserOrganisationId === stranger.organisationId,
    );
    const foreign: RewardProgram = (
      await as(stranger).post(`/events/${theirs.id}/reward-programs`, { name: '别的办法', content: DEFAULT_REWARD_PROGRAM }).expect(201)
    ).body;
    const published: RewardProgram = (await as(stranger).post(`/reward-programs/${foreign.id}/publish`, { version: foreign.version }).expect(200)).body;
    expect((await as(organiser).post(`/reward-periods/${period.id}/runs`, { programId: published.id }).expect(400)).body.fields[0].field).toBe('programId');
  });

  it('numbers runs of a period computed at the same time one after the other, the earlier superseded', async () => {
    const [quiet] = await t.dataSource.query(
      `INSERT INTO reward_period ("eventId", name, "startsOn", "endsOn", cadence, "dueOn", classes, "createdByUserId")
       VALUES ($1, $2, '2026-04-01', '2026-06-30', 'quarterly', '2026-07-20', ARRAY['bank'], $3) RETURNING id`,
      [eventId, `并发统计期 ${randomUUID().slice(0, 6)}`, organiser.userId],
    );
    const answers = await Promise.all([1, 2, 3].map(() => as(organiser).post(`/reward-periods/${quiet.id}/runs`, { programId: program.id })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    const runs: RewardRun[] = (await as(organiser).get(`/reward-periods/${quiet.id}/runs`).expect(200)).body;
    expect(runs.map((r) => [r.seq, r.state])).toEqual([
      [3, 'computed'],
      [2, 'superseded'],
      [1, 'superseded'],
    ]);
  });

  it('computes a run of 5,000 banks in one unit of work, quickly: a row per bank, the ranking’s ties shown', async () => {
    const n = 5000;
    const tag = randomUUID().slice(0, 6);
    const [big] = await t.dataSource.query(
      `INSERT INTO reward_period ("eventId", name, "startsOn", "endsOn", cadence, "dueOn", classes, "createdByUserId")
       VALUES ($1, $2, '2026-07-01', '2026-09-30', 'quarterly', '2026-10-20', ARRAY['bank'], $3) RETURNING id`,
      [eventId, `压测统计期 ${tag}`, organiser.userId],
    );
    // Accepted forms of 5,000 banks, written straight to the tables (filing them one by one is the statistics spec's business).
    await t.dataSource.query(
      `WITH g AS (SELECT i, gen_random_uuid() AS org, gen_random_uuid() AS obl, gen_random_uuid() AS form FROM generate_series(1, $1::int) i),
            o AS (INSERT INTO organisation (id, name, "creditCode", kind, industry, region, size, "contactName", "contactPhone", status)
                  SELECT org, '压测银行' || $2 || '-' || i, 'ZZ' || $2 || lpad(i::text, 10, '0'), 'bank', 'J66', '630100', 'large', '张三', '0971-1234567', 'approved' FROM g),
            ob AS (INSERT INTO obligation (id, kind, "eventId", "organisationId", "subjectType", "subjectId", "subjectTitle", step, seq, "dueOn", "dueAt", state, "firstSubmittedAt", "submittedAt", version)
                   SELECT obl, 'statistics_filing', $3, org, 'statistics_form', form, '压测统计期', 'bank', 1, '2026-10-20', '2026-10-20T16:00:00Z', 'accepted', '2026-10-10T02:00:00Z', '2026-10-10T02:00:00Z', 3 FROM g),
            f AS (INSERT INTO statistics_form (id, "periodId", "organisationId", class, "obligationId") SELECT form, $4, org, 'bank', obl FROM g)
       INSERT INTO statistics_form_version ("formId", n, figures, "submittedByUserId", "submittedAt")
       SELECT form, 1, jsonb_build_object(
                'industryLoanBalance', 10000000000, 'industryLoanIncrement', 1000000000 + (i % 50) * 20000000,
                'industryLoanBalanceLastYear', 9000000000, 'industryLoanIncrementLastYear', 1000000000,
                'smallMicroLoanIncrement', 100000000 + (i % 100) * 1000000, 'smallMicroLoanIncrementLastYear', 100000000, 'smallMicroNplBp', 150 + i % 400),
              $5::uuid, '2026-10-10T02:00:00Z'
         FROM g`,
      [n, tag, eventId, big.id, organiser.userId],
    );
    const started = Date.now();
    const run: RewardRun = (await as(organiser).post(`/reward-periods/${big.id}/runs`, { programId: program.id }).expect(201)).body;
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`reward run of ${n} banks: ${seconds.toFixed(2)} s\n`);
    expect(run).toMatchObject({ seq: 1, institutions: n, unconfirmed: 0 });
    expect(seconds).toBeLessThan(30);
    const [{ rows, total }] = await t.dataSource.query(
      `SELECT count(*)::int AS rows, sum(amount)::bigint::text AS total FROM reward_award WHERE "runId" = $1`,
      [run.id],
    );
    expect(rows).toBe(n);
    expect(Number(total)).toBe(run.totals.total);
    // 50 banks share the best small/micro growth (i % 100 = 99): tied at rank 1.
    const [{ first, tied }] = await t.dataSource.query(
      `SELECT count(*)::int AS first, min((o->>'tied')::int) AS tied
         FROM reward_award a, jsonb_array_elements(a.outcomes) o
        WHERE a."runId" = $1 AND o->>'ruleId' = 'bank-small-micro-rank' AND (o->>'rank')::int = 1`,
      [run.id],
    );
    expect([first, tied]).toEqual([50, 50]);
    const page = await awardsOf(run.id, '?pageSize=200');
    expect([page.total, page.items.length]).toEqual([n, 200]);
    expect(page.items[0].amount).toBeGreaterThanOrEqual(page.items[199].amount);
  }, 120_000);
});
