import type { DemandGuidance, Page, Survey, SurveyResponse, SurveyResponseRow, SurveySendResult } from '@duijie/shared';
import { countWorkingDays } from '@duijie/shared';
import readXlsxFile from 'read-excel-file/node';
import { Clock } from '../common/clock';
import { TestApp, type Actor } from '../testing/test-app';
import { SurveysService } from './surveys.service';

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('needs surveys (摸底调查): define, send, answer, review, summarise, confirm (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let organiser: Actor;
  let eventId: string;
  let sessionId: string;
  /** Construction units in 拉萨 (large, medium, small) and 乌鲁木齐 (one, one excluded as dishonest). */
  let lhasaLarge: Actor;
  let lhasaMedium: Actor;
  let lhasaSmall: Actor;
  let urumqi: Actor;
  let dishonest: Actor;
  let survey: Survey;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => t.http.put(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const selection = { kinds: ['construction_unit'], regions: ['54', '65'], quotaPerRegion: 2 };
  const goods = { category: 'cement', quantity: 5000, unit: '吨', region: '540100', deliveryFrom: '2027-03-01', deliveryTo: '2027-10-31' };
  const mine = async (actor: Actor): Promise<SurveyResponse> => {
    const list: SurveyResponse[] = (await as(actor).get('/me/surveys').expect(200)).body;
    const found = list.find((r) => r.surveyId === survey.id);
    if (!found) throw new Error('the survey was not sent to this organisation');
    return found;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'building_materials', 'registration')).id;
    [lhasaLarge, lhasaMedium, lhasaSmall, urumqi, dishonest] = await Promise.all([
      t.organisation('construction_unit', { region: '540100', size: 'large' }),
      t.organisation('construction_unit', { region: '540100', size: 'medium' }),
      t.organisation('construction_unit', { region: '540100', size: 'small' }),
      t.organisation('construction_unit', { region: '650100', size: 'medium' }),
      t.organisation('construction_unit', { region: '650100', size: 'large' }),
    ]);
    await t.participate(lhasaLarge, organiser, sessionId, 'builder');
    await as(organiser).post('/survey-exclusions', { organisationId: dishonest.organisationId, reason: 'dishonest', note: '列入失信被执行人名单' }).expect(200);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('defines a draft survey with the listing type it collects and free questions', async () => {
    const res = await as(organiser)
      .post(`/events/${eventId}/surveys`, {
        title: '2027年建材需求摸底',
        description: '请各建设单位按项目填报明年建材需求',
        listingType: 'demand',
        sessionId,
        questions: [
          { id: 'q1', label: '项目名称', type: 'text', required: true },
          { id: 'q2', label: '计划投资', type: 'number', required: false, unit: '万元' },
          { id: 'q3', label: '需求时段', type: 'choice', required: true, options: ['上半年', '下半年'] },
        ],
        deadlineWorkingDays: 5,
      })
      .expect(201);
    survey = res.body;
    expect(survey).toMatchObject({ state: 'draft', listingType: 'demand', dueOn: null, version: 1 });
    const tooMany = Array.from({ length: 31 }, (_, i) => ({ id: `q${i + 1}`, label: `问题${i}`, type: 'text', required: false }));
    const refused = await as(organiser).post(`/events/${eventId}/surveys`, { title: 'x', listingType: null, questions: tooMany }).expect(400);
    expect(JSON.stringify(refused.body)).toContain('questions');
  });

  it('previews who would get it: a quota per prefecture in a stable order, the excluded left out with the reason', async () => {
    const res = await as(organiser)
      .post(`/surveys/${survey.id}/send`, { ...selection, dryRun: true })
      .expect(200);
    const preview: SurveySendResult = res.body;
    expect(preview).toMatchObject({ dryRun: true, count: 3, invited: 0 });
    expect(preview.byRegion).toEqual([
      { region: '540100', count: 2 },
      { region: '650100', count: 1 },
    ]);
    expect(preview.leftOut.map((l) => [l.organisationId, l.reason])).toEqual([
      [lhasaSmall.organisationId, 'over_quota'],
      [dishonest.organisationId, 'dishonest'],
    ]);
    expect(preview.survey.state).toBe('draft');
    expect((await as(lhasaLarge).get('/me/surveys').expect(200)).body).toEqual([]);
  });

  it('sends it: each selected organisation owes a response by the deadline in working days and is notified; a repeat invites no one twice', async () => {
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-12-07T10:00:00+08:00'));
    const sent: SurveySendResult = (await as(organiser).post(`/surveys/${survey.id}/send`, selection).expect(200)).body;
    expect(sent).toMatchObject({ dryRun: false, count: 3, invited: 3, alreadyInvited: 0 });
    expect(sent.survey).toMatchObject({ state: 'sent', dueOn: countWorkingDays('2026-12-07', 5).day });
    survey = sent.survey;
    const again: SurveySendResult = (await as(organiser).post(`/surveys/${survey.id}/send`, selection).expect(200)).body;
    expect(again).toMatchObject({ invited: 0, alreadyInvited: 3 });
    survey = again.survey;

    const owed = (await as(lhasaLarge).get('/me/obligations').expect(200)).body as { kind: string; dueOn: string; subject: { title: string } }[];
    expect(owed.filter((o) => o.kind === 'survey_response')).toEqual([
      expect.objectContaining({ dueOn: survey.dueOn, subject: expect.objectContaining({ title: '2027年建材需求摸底' }) }),
    ]);
    for (const left of [lhasaSmall, dishonest]) expect((await as(left).get('/me/surveys').expect(200)).body).toEqual([]);
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM notification WHERE kind = 'survey.sent' AND "userId" = $1`, [lhasaLarge.userId]);
    expect(n).toBe(1);
  });

  it('refuses a response whose answers do not fit the survey, naming the field', async () => {
    const r = await mine(lhasaLarge);
    const saved = await as(lhasaLarge)
      .put(`/survey-responses/${r.id}`, { version: r.version, answers: { listing: { goods: { ...goods, quantity: -5 } }, questions: { q3: '全年' } } })
      .expect(200);
    const refused = await as(lhasaLarge)
      .post(`/survey-responses/${r.id}/submit`, { version: saved.body.version, obligationVersion: r.obligationVersion })
      .expect(400);
    expect(refused.body.fields[0].field).toBe('answers.listing.goods.quantity');
    await as(lhasaLarge)
      .put(`/survey-responses/${r.id}`, { version: saved.body.version, answers: { listing: { goods }, questions: { q3: '全年' } } })
      .expect(200);
    const missing = await as(lhasaLarge)
      .post(`/survey-responses/${r.id}/submit`, { version: saved.body.version + 1, obligationVersion: r.obligationVersion })
      .expect(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['answers.questions.q1']);
    expect(missing.body.message).toContain('项目名称');
  });

  it('is answered, returned with a reason, answered again and accepted', async () => {
    let r = await mine(lhasaLarge);
    r = (
      await as(lhasaLarge)
        .put(`/survey-responses/${r.id}`, {
          version: r.version,
          answers: { listing: { title: '拉萨保障房项目水泥', goods }, questions: { q1: '拉萨保障房', q3: '上半年' } },
        })
        .expect(200)
    ).body;
    r = (await as(lhasaLarge).post(`/survey-responses/${r.id}/submit`, { version: r.version, obligationVersion: r.obligationVersion }).expect(200)).body;
    expect(r.state).toBe('submitted');
    await as(organiser).post(`/obligations/${r.obligationId}/review`, { version: r.obligationVersion, accept: false, reason: '请补充计划投资' }).expect(200);
    r = await mine(lhasaLarge);
    expect(r).toMatchObject({ state: 'returned', returnReason: '请补充计划投资' });
    r = (
      await as(lhasaLarge)
        .put(`/survey-responses/${r.id}`, { version: r.version, answers: { ...r.answers, questions: { ...r.answers.questions, q2: 12000 } } })
        .expect(200)
    ).body;
    r = (await as(lhasaLarge).post(`/survey-responses/${r.id}/submit`, { version: r.version, obligationVersion: r.obligationVersion }).expect(200)).body;
    expect(r.state).toBe('submitted');
    await as(organiser).post(`/obligations/${r.obligationId}/review`, { version: r.obligationVersion, accept: true }).expect(200);
    r = await mine(lhasaLarge);
    expect(r).toMatchObject({ state: 'accepted', draftListing: true, listingId: null });
    await as(lhasaLarge).put(`/survey-responses/${r.id}`, { version: r.version, answers: {} }).expect(409);
  });

  it('turns the accepted answers into a listing the organisation confirms with one click (twice at once posts it once)', async () => {
    const r = await mine(lhasaLarge);
    const [one, two] = await Promise.all([
      as(lhasaLarge).post(`/survey-responses/${r.id}/confirm-listing`, {}).expect(200),
      as(lhasaLarge).post(`/survey-responses/${r.id}/confirm-listing`, {}).expect(200),
    ]);
    const confirmed: SurveyResponse = one.body;
    expect(confirmed).toMatchObject({ draftListing: false, listingId: expect.any(String) });
    expect((two.body as SurveyResponse).listingId).toBe(confirmed.listingId);
    const [{ posted }] = await t.dataSource.query(`SELECT COUNT(*)::int AS posted FROM listing WHERE "organisationId" = $1 AND title = $2`, [
      lhasaLarge.organisationId,
      '拉萨保障房项目水泥',
    ]);
    expect(posted).toBe(1);
    const listing = (await as(lhasaLarge).get(`/listings/${confirmed.listingId}`).expect(200)).body;
    expect(listing).toMatchObject({ type: 'demand', title: '拉萨保障房项目水泥', sessionId, organisationId: lhasaLarge.organisationId, status: 'open' });
    expect(listing.goods).toMatchObject({ category: 'cement', quantity: 5000 });
    const again: SurveyResponse = (await as(lhasaLarge).post(`/survey-responses/${r.id}/confirm-listing`, {}).expect(200)).body;
    expect(again.listingId).toBe(confirmed.listingId);
    const other = await mine(urumqi);
    expect((await as(urumqi).post(`/survey-responses/${other.id}/confirm-listing`, {}).expect(409)).body.code).toBe('no_draft_listing');
  });

  it('lets no other organisation read or answer a response, and organisers only read it', async () => {
    const r = await mine(lhasaMedium);
    await as(urumqi).get(`/survey-responses/${r.id}`).expect(404);
    await as(urumqi).put(`/survey-responses/${r.id}`, { version: r.version, answers: {} }).expect(404);
    await as(urumqi).post(`/survey-responses/${r.id}/submit`, { version: r.version, obligationVersion: r.obligationVersion }).expect(404);
    await as(organiser).get(`/survey-responses/${r.id}`).expect(200);
    await as(organiser).put(`/survey-responses/${r.id}`, { version: r.version, answers: {} }).expect(403);
    await as(lhasaMedium).get(`/surveys/${survey.id}`).expect(403);
  });

  it('shows the response rate by prefecture and overall', async () => {
    const s: Survey = (await as(organiser).get(`/surveys/${survey.id}`).expect(200)).body;
    expect(s.progress).toEqual({
      invited: 3,
      submitted: 1,
      accepted: 1,
      returned: 0,
      rate: 0.333,
      byRegion: [
        { region: '540100', invited: 2, submitted: 1, accepted: 1, rate: 0.5 },
        { region: '650100', invited: 1, submitted: 0, accepted: 0, rate: 0 },
      ],
    });
  });

  it('keeps a draft to the survey’s shape (a hostile one is a 400 naming the field), so the organisers’ summary still downloads', async () => {
    let r = await mine(urumqi);
    const hostile: [object, string][] = [
      [{ questions: { q1: { $gt: '' } } }, 'answers.questions.q1'],
      [{ questions: { q2: '一万' } }, 'answers.questions.q2'],
      [{ questions: { q3: [['上半年']] } }, 'answers.questions.q3'],
      [{ questions: { q9: 'x' } }, 'answers.questions.q9'],
      [{ questions: ['x'] }, 'answers.questions'],
      [{ listing: { goods: { ...goods, specification: { a: 1 } } } }, 'answers.listing.goods.specification'],
      [{ listing: { goods: { ...goods, quantity: '5000' } } }, 'answers.listing.goods.quantity'],
      [{ listing: { goods: { ...goods, extra: 1 } } }, 'answers.listing.goods.extra'],
      [{ listing: { financing: { amount: 1 } } }, 'answers.listing.financing'],
      [{ listing: { title: ['x'] } }, 'answers.listing.title'],
      [{ listing: 'x' }, 'answers.listing'],
      [{ other: 1 }, 'answers.other'],
    ];
    for (const [answers, field] of hostile) {
      const res = await as(urumqi).put(`/survey-responses/${r.id}`, { version: r.version, answers }).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    // A draft may still be incomplete, or hold a value its filing will refuse (checked then, naming the field).
    r = (
      await as(urumqi)
        .put(`/survey-responses/${r.id}`, {
          version: r.version,
          answers: { listing: { goods: { category: 'cement', quantity: -1, priceMin: null } }, questions: { q2: 30, q3: '全年' } },
        })
        .expect(200)
    ).body;
    expect(r.answers).toEqual({ listing: { goods: { category: 'cement', quantity: -1, priceMin: null } }, questions: { q2: 30, q3: '全年' } });
    // The same save retried on the version it read is answered again; another on that version is stale.
    const retried = await as(urumqi)
      .put(`/survey-responses/${r.id}`, {
        version: r.version - 1,
        answers: { questions: { q3: '全年', q2: 30 }, listing: { goods: { priceMin: null, quantity: -1, category: 'cement' } } },
      })
      .expect(200);
    expect(retried.body.version).toBe(r.version);
    await as(urumqi)
      .put(`/survey-responses/${r.id}`, { version: r.version - 1, answers: { questions: { q3: '上半年' } } })
      .expect(409);
    await as(organiser).get(`/surveys/${survey.id}/summary.xlsx`).expect(200);
  });

  it('lists the responses a page at a time (at most 200), each with a summary of its answers instead of them, by state, region and name', async () => {
    const page = async (query: string): Promise<Page<SurveyResponseRow>> =>
      (await as(organiser).get(`/surveys/${survey.id}/responses?${query}`).expect(200)).body;
    const orgs = (p: Page<SurveyResponseRow>) => p.items.map((r) => r.organisationId);
    const first = await page('pageSize=2');
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const second = await page('pageSize=2&page=2');
    expect(second).toMatchObject({ total: 3, page: 2 });
    const rows = [...first.items, ...second.items];
    expect(rows.map((r) => r.organisationId).sort()).toEqual([lhasaLarge, lhasaMedium, urumqi].map((a) => a.organisationId).sort());
    expect(rows.map((r) => r.region)).toEqual(['540100', '540100', '650100']);
    for (const row of rows) {
      expect(row).not.toHaveProperty('answers');
      expect(row).not.toHaveProperty('survey');
    }
    const row = (actor: Actor) => rows.find((r) => r.organisationId === actor.organisationId)!;
    expect(row(lhasaLarge)).toMatchObject({
      state: 'accepted',
      draftListing: false,
      listingId: expect.any(String),
      summary: { listingTitle: '拉萨保障房项目水泥', category: 'cement', quantity: 5000, unit: '吨', amount: null, answered: 3 },
    });
    expect(row(urumqi)).toMatchObject({
      state: 'open',
      summary: { listingTitle: null, category: 'cement', quantity: -1, unit: null, amount: null, answered: 2 },
    });
    expect(row(lhasaMedium).summary).toEqual({ listingTitle: null, category: null, quantity: null, unit: null, amount: null, answered: 0 });
    // The answers themselves, one response at a time.
    const full: SurveyResponse = (
      await as(organiser)
        .get(`/survey-responses/${row(lhasaLarge).id}`)
        .expect(200)
    ).body;
    expect(full.answers).toMatchObject({ listing: { title: '拉萨保障房项目水泥' }, questions: { q1: '拉萨保障房', q2: 12000, q3: '上半年' } });

    expect(orgs(await page('state=accepted'))).toEqual([lhasaLarge.organisationId]);
    expect((await page('state=outstanding')).total).toBe(2);
    expect(orgs(await page('region=65'))).toEqual([urumqi.organisationId]);
    expect(orgs(await page('region=5401&state=open'))).toEqual([lhasaMedium.organisationId]);
    expect(orgs(await page(`q=${encodeURIComponent(row(urumqi).organisationName)}`))).toEqual([urumqi.organisationId]);
    expect((await page('q=%25')).total).toBe(0);
    for (const bad of ['pageSize=201', 'pageSize=0', 'page=0', 'state=late', 'region=5', 'region=54x', `q=${'x'.repeat(101)}`]) {
      await as(organiser).get(`/surveys/${survey.id}/responses?${bad}`).expect(400);
    }
  });

  it('downloads the summary as a real workbook: one row per response, Chinese headers, amounts in 万元', async () => {
    const res = await as(organiser)
      .get(`/surveys/${survey.id}/summary.xlsx`)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const [{ sheet, data: rows }] = await readXlsxFile(res.body as Buffer);
    expect(sheet).toBe('摸底汇总');
    expect(rows[0]).toEqual(
      expect.arrayContaining(['机构名称', '所属州（市）', '状态', '产品品类', '数量', '单位', '项目名称', '计划投资（万元）', '需求时段']),
    );
    expect(rows).toHaveLength(1 + 3);
    const header = rows[0] as string[];
    const accepted = rows.find((row) => row[header.indexOf('状态')] === '已采纳')!;
    expect(accepted[header.indexOf('数量')]).toBe(5000);
    expect(accepted[header.indexOf('产品品类')]).toBe('水泥');
    expect(accepted[header.indexOf('所属州（市）')]).toBe('拉萨市');
  });

  it('publishes the demand guidance that participants read with the accepted responses aggregated', async () => {
    const published: Survey = (await as(organiser).post(`/surveys/${survey.id}/guidance`, { version: survey.version, text: '优先采购省内水泥' }).expect(200))
      .body;
    expect(published.guidancePublishedAt).not.toBeNull();
    const guidance: DemandGuidance = (await as(urumqi).get(`/events/${eventId}/demand-guidance`).expect(200)).body;
    expect(guidance.surveys).toEqual([
      expect.objectContaining({
        surveyId: survey.id,
        text: '优先采购省内水泥',
        rows: [{ listingType: 'demand', key: 'cement', unit: '吨', organisations: 1, quantity: 5000, amount: null }],
      }),
    ]);
  });

  it('closes: what is still owed is waived at once and audited, what was accepted stays, and a closed survey is answered no more', async () => {
    const current: Survey = (await as(organiser).get(`/surveys/${survey.id}`).expect(200)).body;
    const open = await mine(urumqi);
    const closed: Survey = (await as(organiser).post(`/surveys/${survey.id}/close`, { version: current.version }).expect(200)).body;
    expect(closed).toMatchObject({ state: 'closed', version: current.version + 1 });
    const again: Survey = (await as(organiser).post(`/surveys/${survey.id}/close`, { version: current.version }).expect(200)).body;
    expect(again.version).toBe(closed.version);
    const states: { organisationId: string; state: string; version: number }[] = await t.dataSource.query(
      `SELECT r."organisationId", ob.state, ob.version FROM survey_response r JOIN obligation ob ON ob.id = r."obligationId" WHERE r."surveyId" = $1`,
      [survey.id],
    );
    expect(Object.fromEntries(states.map((s) => [s.organisationId, s.state]))).toEqual({
      [lhasaLarge.organisationId]: 'accepted',
      [lhasaMedium.organisationId]: 'waived',
      [urumqi.organisationId]: 'waived',
    });
    expect(states.find((s) => s.organisationId === urumqi.organisationId)!.version).toBe(open.obligationVersion + 1);
    const waivedAudit: { data: { from: string; reason: string } }[] = await t.dataSource.query(
      `SELECT a.data FROM audit_record a JOIN survey_response r ON r."obligationId"::text = a."entityId"
        WHERE r."surveyId" = $1 AND a.action = 'obligation.waived'`,
      [survey.id],
    );
    expect(waivedAudit.map((a) => a.data)).toEqual([
      { from: 'open', reason: 'survey closed' },
      { from: 'open', reason: 'survey closed' },
    ]);
    const [closing]: { data: { waived: number } }[] = await t.dataSource.query(
      `SELECT data FROM audit_record WHERE action = 'survey.closed' AND "entityId" = $1`,
      [survey.id],
    );
    expect(closing.data.waived).toBe(2);
    expect((await as(urumqi).get('/me/obligations').expect(200)).body.filter((o: { kind: string }) => o.kind === 'survey_response')).toEqual([]);
    await as(urumqi).put(`/survey-responses/${open.id}`, { version: open.version, answers: {} }).expect(409);
  });

  it('sends to a few thousand organisations in one transaction', async () => {
    await t.dataSource.query(
      `INSERT INTO organisation (name, "creditCode", kind, industry, region, size, "contactName", "contactPhone", status)
       SELECT '批量流通企业' || i, upper(substr(md5(random()::text || i), 1, 18)), 'distributor', 'F51', '640100', 'small', '李四', '0951-1234567', 'approved'
         FROM generate_series(1, 2000) AS i`,
    );
    const big: Survey = (
      await as(organiser)
        .post(`/events/${eventId}/surveys`, { title: '流通企业采购需求摸底', listingType: null, questions: [], deadlineWorkingDays: 10 })
        .expect(201)
    ).body;
    const started = Date.now();
    const sent: SurveySendResult = (
      await as(organiser)
        .post(`/surveys/${big.id}/send`, { kinds: ['distributor'], regions: ['6401'] })
        .expect(200)
    ).body;
    const ms = Date.now() - started;
    expect(sent.invited).toBe(2000);
    expect(sent.survey.progress).toMatchObject({ invited: 2000, submitted: 0 });
    const [{ n }] = await t.dataSource.query(
      `SELECT COUNT(*)::int AS n FROM obligation WHERE kind = 'survey_response' AND "eventId" = $1 AND "subjectTitle" = $2`,
      [eventId, '流通企业采购需求摸底'],
    );
    expect(n).toBe(2000);

    // Listed 200 at a time at most; the summary still holds every response, read in batches.
    const last: Page<SurveyResponseRow> = (await as(organiser).get(`/surveys/${big.id}/responses?pageSize=200&page=10`).expect(200)).body;
    expect(last).toMatchObject({ total: 2000, page: 10, pageSize: 200 });
    expect(last.items).toHaveLength(200);
    expect((await as(organiser).get(`/surveys/${big.id}/responses?pageSize=200&page=11`).expect(200)).body.items).toEqual([]);
    const surveys = t.app.get(SurveysService);
    const batchSize = surveys.summaryBatchSize;
    surveys.summaryBatchSize = 300;
    try {
      const res = await as(organiser)
        .get(`/surveys/${big.id}/summary.xlsx`)
        .buffer(true)
        .parse(binary as never)
        .expect(200);
      const [{ data: rows }] = await readXlsxFile(res.body as Buffer);
      expect(rows).toHaveLength(1 + 2000);
      const header = rows[0] as string[];
      expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
      expect(new Set(rows.slice(1).map((r) => r[header.indexOf('机构名称')])).size).toBe(2000);
    } finally {
      surveys.summaryBatchSize = batchSize;
    }
    const closeStarted = Date.now();
    await as(organiser).post(`/surveys/${big.id}/close`, { version: sent.survey.version }).expect(200);
    const closeMs = Date.now() - closeStarted;
    const [{ waived }] = await t.dataSource.query(
      `SELECT COUNT(*) FILTER (WHERE ob.state = 'waived')::int AS waived FROM survey_response r JOIN obligation ob ON ob.id = r."obligationId" WHERE r."surveyId" = $1`,
      [big.id],
    );
    expect(waived).toBe(2000);
    console.log(`survey sent to 2000 organisations in ${ms} ms, closed (2000 waived) in ${closeMs} ms`);
  });
});
