import type { Department, Liaison, LiaisonReport, MyLiaisonReports, Obligation, Page, Problem, WeeklySummary, WeeklySummaryListItem } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { LiaisonService } from './liaison.service';
import { SummariesService } from './summaries.service';

describe('coordination: problems, departments, liaison officers, weekly summaries (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let organiser: Actor;
  // Other specs (the matrix, the exports) file urgent reports too and tell the same seeded organiser: these are this spec's own.
  const BLIZZARD = `暴雪封路 ${randomUUID().slice(0, 6)}`;
  const SHORTAGE = `原料断供 ${randomUUID().slice(0, 6)}`;
  let enterprise: Actor;
  let bank: Actor;
  let outsider: Actor;
  let eventId: string;
  let sessionId: string;
  let agreementId: string;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}, key?: string) => {
      const req = t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' });
      return (key ? req.set('Idempotency-Key', key) : req).send(body);
    },
    put: (path: string, body: object) => t.http.put(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    delete: (path: string) => t.http.delete(`/api${path}`).auth(actor.token, { type: 'bearer' }),
  });
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  const notifications = (userId: string, kind: string): Promise<{ params: Record<string, string> }[]> =>
    t.dataSource.query(`SELECT params FROM notification WHERE "userId" = $1 AND kind = $2 ORDER BY "createdAt"`, [userId, kind]);
  const problem = (over: object = {}) => ({
    category: 'power',
    urgency: 'normal',
    title: `电力增容 ${randomUUID().slice(0, 6)}`,
    description: '新厂区需增容 2000kVA',
    ...over,
  });

  /** A plain member of an organisation, invited by its admin. */
  async function member(admin: Actor): Promise<Actor> {
    const email = `member-${randomUUID()}@test.duijie.cn`;
    const inv = await as(admin).post(`/organisations/${admin.organisationId}/invitations`, { email, role: 'org_member' }).expect(201);
    await t.http.post(`/api/invitations/${inv.body.token}/accept`).send({ displayName: '普通成员', password: PASSWORD }).expect(200);
    return t.login(email, PASSWORD);
  }

  async function department(name = `财政厅 ${randomUUID().slice(0, 6)}`): Promise<Department> {
    return (await as(organiser).post(`/events/${eventId}/departments`, { name, organisationId: organiser.organisationId }).expect(201)).body;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    [enterprise, bank, outsider] = await Promise.all([t.organisation('enterprise'), t.organisation('bank'), t.organisation('enterprise')]);
    await t.participate(enterprise, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    await t.participate(outsider, organiser, sessionId, 'borrower');
    agreementId = (
      await as(enterprise)
        .post(`/sessions/${sessionId}/agreements`, {
          kind: 'loan',
          title: '技改项目贷款合同',
          amount: 50_000_000,
          termMonths: 24,
          keyTerms: '按季付息',
          parties: [
            { organisationId: enterprise.organisationId, role: 'borrower' },
            { organisationId: bank.organisationId, role: 'lender' },
          ],
        })
        .expect(201)
    ).body.id;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('raises, routes (an answer owed by the department in working days of the event) and answers a problem, telling the raiser', async () => {
    const dept = await department();
    // Friday 25 September 2026: five working days are 28–30 September, then (past the National Day holiday, 1–7 October) the 8th and 9th.
    setNow('2026-09-25T10:00:00+08:00');
    const raised: Problem = (await as(enterprise).post(`/events/${eventId}/problems`, problem({ agreementId }), randomUUID()).expect(201)).body;
    expect(raised).toMatchObject({ state: 'received', agreementTitle: '技改项目贷款合同', organisationId: enterprise.organisationId, version: 1 });

    const routed: Problem = (await as(organiser).post(`/problems/${raised.id}/route`, { departmentId: dept.id, version: 1 }).expect(200)).body;
    expect(routed).toMatchObject({ state: 'in_progress', departmentId: dept.id, departmentName: dept.name, overdue: false });
    const [owed] = await t.dataSource.query(`SELECT * FROM obligation WHERE id = $1`, [routed.obligationId]);
    expect(owed).toMatchObject({ kind: 'problem_answer', organisationId: dept.organisationId, subjectType: 'problem', subjectId: raised.id, state: 'open' });
    expect(routed.dueOn).toBe('2026-10-09');
    expect((await notifications(organiser.userId, 'problem.routed')).map((n) => n.params.title)).toContain(raised.title);

    // A route retried on the version read is answered again, not routed twice.
    await as(organiser).post(`/problems/${raised.id}/route`, { departmentId: dept.id, version: 1 }).expect(200);
    expect(await t.dataSource.query(`SELECT id FROM obligation WHERE "subjectId" = $1`, [raised.id])).toHaveLength(1);

    setNow('2026-10-13T09:00:00+08:00');
    expect((await as(enterprise).get(`/problems/${raised.id}`).expect(200)).body).toMatchObject({ overdue: true });
    const answered: Problem = (
      await as(organiser).post(`/problems/${raised.id}/answer`, { answer: '已协调电力公司，10 月底前完成增容', version: 2 }).expect(200)
    ).body;
    expect(answered).toMatchObject({ state: 'resolved', answer: '已协调电力公司，10 月底前完成增容', overdue: false });
    const [filed] = await t.dataSource.query(`SELECT state, "submittedAt" FROM obligation WHERE id = $1`, [routed.obligationId]);
    expect(filed.state).toBe('accepted');
    expect((await notifications(enterprise.userId, 'problem.answered')).map((n) => n.params.title)).toContain(raised.title);
    const actions = await t.dataSource.query(`SELECT action FROM audit_record WHERE "entityId" = $1 ORDER BY id`, [raised.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['problem.raised', 'problem.routed', 'problem.answered']);

    const mine: Problem[] = (await as(enterprise).get('/me/problems').expect(200)).body;
    expect(mine.find((p) => p.id === raised.id)).toMatchObject({ state: 'resolved' });
  });

  it('refuses a problem on an agreement from an organisation that is not party to it (403), and from organisers', async () => {
    await as(outsider).post(`/events/${eventId}/problems`, problem({ agreementId })).expect(403);
    await as(organiser).post(`/events/${eventId}/problems`, problem()).expect(403);
    // Not a participant of the event at all.
    const stranger = await t.organisation('enterprise');
    await as(stranger).post(`/events/${eventId}/problems`, problem()).expect(403);
  });

  it('tells organisers of an urgent problem at once, and lists the queue urgent first with its filters', async () => {
    const urgent: Problem = (
      await as(bank)
        .post(`/events/${eventId}/problems`, problem({ urgency: 'urgent', category: 'transport' }))
        .expect(201)
    ).body;
    expect((await notifications(organiser.userId, 'problem.raised')).map((n) => n.params.title)).toContain(urgent.title);
    const normal: Problem = (
      await as(bank)
        .post(`/events/${eventId}/problems`, problem({ category: 'transport' }))
        .expect(201)
    ).body;
    expect((await notifications(organiser.userId, 'problem.raised')).map((n) => n.params.title)).not.toContain(normal.title);
    const queue: Page<Problem> = (await as(organiser).get(`/events/${eventId}/problems?state=received&category=transport`).expect(200)).body;
    const ids = queue.items.map((p) => p.id);
    expect(ids.indexOf(urgent.id)).toBeLessThan(ids.indexOf(normal.id));
    expect(queue.items.every((p) => p.state === 'received' && p.category === 'transport')).toBe(true);
  });

  it('lets only the department or organisers answer, and only once routed', async () => {
    const dept = await department();
    const raised: Problem = (await as(enterprise).post(`/events/${eventId}/problems`, problem()).expect(201)).body;
    await as(organiser).post(`/problems/${raised.id}/answer`, { answer: '太早', version: 1 }).expect(409);
    await as(organiser).post(`/problems/${raised.id}/route`, { departmentId: dept.id, version: 1 }).expect(200);
    await as(enterprise).post(`/problems/${raised.id}/answer`, { answer: '自己答复', version: 2 }).expect(403);
    await as(bank).post(`/problems/${raised.id}/answer`, { answer: '他人答复', version: 2 }).expect(404);
    await as(bank).get(`/problems/${raised.id}`).expect(404);
    await as(organiser).post(`/problems/${raised.id}/answer`, { answer: '已办结', version: 1 }).expect(409);
    await as(organiser).post(`/problems/${raised.id}/answer`, { answer: '已办结', version: 2 }).expect(200);
  });

  it('keeps a department problems were routed to (409), and removes one without', async () => {
    const used = await department();
    const unused = await department();
    const raised: Problem = (await as(enterprise).post(`/events/${eventId}/problems`, problem()).expect(201)).body;
    await as(organiser).post(`/problems/${raised.id}/route`, { departmentId: used.id, version: 1 }).expect(200);
    const refused = await as(organiser).delete(`/departments/${used.id}`).expect(409);
    expect(refused.body.code).toBe('department_in_use');
    await as(organiser).delete(`/departments/${unused.id}`).expect(204);
    const left: Department[] = (await as(organiser).get(`/events/${eventId}/departments`).expect(200)).body;
    expect(left.map((d) => d.id)).toContain(used.id);
    expect(left.map((d) => d.id)).not.toContain(unused.id);
    expect(left.find((d) => d.id === used.id)?.openProblems).toBe(1);
    await as(organiser).post(`/events/${eventId}/departments`, { name: used.name, organisationId: organiser.organisationId }).expect(409);
    await as(organiser).post(`/events/${eventId}/departments`, { name: '商务厅X', organisationId: enterprise.organisationId }).expect(400);
  });

  it('designates a liaison officer who owes reports on the cadence, files one, and an urgent one tells organisers', async () => {
    const liaisonOrg = await t.organisation('enterprise');
    await t.participate(liaisonOrg, organiser, sessionId, 'borrower');
    // Monday 2 November 2026; weekly reports fall due on the 9th, the 16th, …
    setNow('2026-11-02T09:00:00+08:00');
    const designated: Liaison = (
      await as(organiser).put(`/events/${eventId}/liaisons/${liaisonOrg.organisationId}`, { userId: liaisonOrg.userId, cadence: 'weekly' }).expect(200)
    ).body;
    expect(designated).toMatchObject({ cadence: 'weekly', userId: liaisonOrg.userId, since: '2026-11-02', nextDueOn: '2026-11-09' });
    await as(organiser).put(`/events/${eventId}/liaisons/${liaisonOrg.organisationId}`, { userId: enterprise.userId, cadence: 'weekly' }).expect(400);

    const mine: MyLiaisonReports = (await as(liaisonOrg).get('/me/liaison-reports').expect(200)).body;
    expect(mine.owed.map((o) => o.dueOn)).toEqual(['2026-11-09', '2026-11-16']);
    const first: Obligation = mine.owed[0];
    const fields = {
      production: '日产 300 吨',
      sales: '订单饱满',
      inventory: '库存 2 万吨',
      capital: '流动资金偏紧',
      transport: '铁路运力紧张',
      difficulties: '',
    };
    await as(enterprise)
      .post(`/obligations/${first.id}/liaison-report`, { ...fields, urgent: false, version: first.version })
      .expect(403);
    const report: LiaisonReport = (
      await as(liaisonOrg)
        .post(`/obligations/${first.id}/liaison-report`, { ...fields, urgent: false, version: first.version }, randomUUID())
        .expect(201)
    ).body;
    expect(report).toMatchObject({ obligationId: first.id, dueOn: '2026-11-09', urgent: false, production: '日产 300 吨' });
    const after: MyLiaisonReports = (await as(liaisonOrg).get('/me/liaison-reports').expect(200)).body;
    expect(after.owed.map((o) => o.dueOn)).toEqual(['2026-11-16', '2026-11-23']);

    const urgent: LiaisonReport = (
      await as(liaisonOrg)
        .post(`/obligations/${after.owed[0].id}/liaison-report`, { ...fields, difficulties: SHORTAGE, urgent: true, version: 1 })
        .expect(201)
    ).body;
    expect(urgent.urgent).toBe(true);
    // The organiser is the seeded admin that other suites (the matrix) also tell of urgent reports, so
    // this report's notice is picked out by its title rather than by count or order.
    const told = (await notifications(organiser.userId, 'liaison.urgent')).filter((n) => n.params.title === SHORTAGE);
    expect(told).toHaveLength(1);
    expect(told[0].params).toMatchObject({ name: expect.stringContaining('测试') });

    // Outside the cadence, and only by a designated enterprise.
    setNow('2026-11-02T15:00:00+08:00');
    await as(liaisonOrg)
      .post(`/events/${eventId}/liaison-reports/urgent`, { ...fields, difficulties: BLIZZARD })
      .expect(201);
    await as(bank)
      .post(`/events/${eventId}/liaison-reports/urgent`, { ...fields, difficulties: BLIZZARD })
      .expect(403);
    const blizzard = (await notifications(organiser.userId, 'liaison.urgent')).filter((n) => n.params.title === BLIZZARD);
    expect(blizzard).toHaveLength(1);
    const listed: Page<LiaisonReport> = (
      await as(organiser).get(`/events/${eventId}/liaison-reports?urgent=true&organisationId=${liaisonOrg.organisationId}`).expect(200)
    ).body;
    expect(listed.items.map((r) => r.difficulties)).toEqual([BLIZZARD, SHORTAGE]);

    // The daily pass owes what has come due since; stopping waives what is still owed.
    setNow('2026-12-01T09:00:00+08:00');
    await t.app.get(LiaisonService).reconcileAll();
    const later: MyLiaisonReports = (await as(liaisonOrg).get('/me/liaison-reports').expect(200)).body;
    expect(later.owed.map((o) => o.dueOn)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']);
    const listedLiaisons: Liaison[] = (await as(organiser).get(`/events/${eventId}/liaisons`).expect(200)).body;
    expect(listedLiaisons.find((l) => l.organisationId === liaisonOrg.organisationId)).toMatchObject({ reportsFiled: 3, overdue: 2 });
    await as(organiser).delete(`/events/${eventId}/liaisons/${liaisonOrg.organisationId}`).expect(204);
    expect((await as(liaisonOrg).get('/me/liaison-reports').expect(200)).body.owed).toEqual([]);
    await as(liaisonOrg).post(`/events/${eventId}/liaison-reports/urgent`, fields).expect(403);
  });

  it('lets the designated liaison officer and the organisation administrator report urgently, and refuses other members with 403', async () => {
    const keyOrg = await t.organisation('enterprise');
    await t.participate(keyOrg, organiser, sessionId, 'borrower');
    const [officer, colleague] = [await member(keyOrg), await member(keyOrg)];
    setNow('2026-11-02T09:00:00+08:00');
    await as(organiser).put(`/events/${eventId}/liaisons/${keyOrg.organisationId}`, { userId: officer.userId, cadence: 'weekly' }).expect(200);
    const fields = { production: '日产 80 吨', sales: '平稳', inventory: '正常', capital: '充足', transport: '正常', difficulties: '停电检修' };
    const filedBy = async (reportId: string) =>
      (await t.dataSource.query(`SELECT "filedByUserId" FROM liaison_report WHERE id = $1`, [reportId]))[0].filedByUserId as string;

    // Outside the cadence: a plain member who is not the officer is refused, and nothing is filed or pushed.
    const pushed = (await notifications(organiser.userId, 'liaison.urgent')).length;
    const refused = await as(colleague).post(`/events/${eventId}/liaison-reports/urgent`, fields).expect(403);
    expect(refused.body).toMatchObject({ code: 'forbidden', message: expect.stringContaining('designated liaison officer or its administrator') });
    const byOfficer: LiaisonReport = (await as(officer).post(`/events/${eventId}/liaison-reports/urgent`, fields).expect(201)).body;
    const byAdmin: LiaisonReport = (await as(keyOrg).post(`/events/${eventId}/liaison-reports/urgent`, fields).expect(201)).body;
    expect([await filedBy(byOfficer.id), await filedBy(byAdmin.id)]).toEqual([officer.userId, keyOrg.userId]);
    expect(await notifications(organiser.userId, 'liaison.urgent')).toHaveLength(pushed + 2);

    // On the cadence: the member files the report owed, but not flagged urgent.
    const [owed]: Obligation[] = (await as(colleague).get('/me/liaison-reports').expect(200)).body.owed;
    const flagged = await as(colleague)
      .post(`/obligations/${owed.id}/liaison-report`, { ...fields, urgent: true, version: owed.version })
      .expect(403);
    expect(flagged.body.code).toBe('forbidden');
    expect((await as(colleague).get('/me/liaison-reports').expect(200)).body.owed[0]).toMatchObject({ id: owed.id, state: 'open' });
    const plain: LiaisonReport = (
      await as(colleague)
        .post(`/obligations/${owed.id}/liaison-report`, { ...fields, urgent: false, version: owed.version })
        .expect(201)
    ).body;
    expect(plain).toMatchObject({ obligationId: owed.id, urgent: false });
    const [next]: Obligation[] = (await as(officer).get('/me/liaison-reports').expect(200)).body.owed;
    expect(
      (
        await as(officer)
          .post(`/obligations/${next.id}/liaison-report`, { ...fields, urgent: true, version: next.version })
          .expect(201)
      ).body.urgent,
    ).toBe(true);

    // Organisations change people: once another officer is designated, the former one is a plain member.
    await as(organiser).put(`/events/${eventId}/liaisons/${keyOrg.organisationId}`, { userId: colleague.userId, cadence: 'weekly' }).expect(200);
    await as(officer).post(`/events/${eventId}/liaison-reports/urgent`, fields).expect(403);
    await as(colleague).post(`/events/${eventId}/liaison-reports/urgent`, fields).expect(201);
  });

  it('tells organisers of at most 3 urgent problems and 3 urgent reports an hour from one organisation; the rest are kept as urgent', async () => {
    const own = (await t.event(organiser)).id;
    const s = (await t.session(organiser, own, 'bank_enterprise', 'live')).id;
    const [flooder, other] = await Promise.all([t.organisation('enterprise'), t.organisation('enterprise')]);
    await t.participate(flooder, organiser, s, 'borrower');
    await t.participate(other, organiser, s, 'borrower');
    await as(organiser).put(`/events/${own}/liaisons/${flooder.organisationId}`, { userId: flooder.userId, cadence: 'monthly' }).expect(200);
    const told = async (kind: string) =>
      (
        await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE "userId" = $1 AND kind = $2 AND "eventId" = $3`, [
          organiser.userId,
          kind,
          own,
        ])
      )[0].n as number;
    const fields = { production: '', sales: '', inventory: '', capital: '', transport: '', difficulties: '停电' };

    setNow('2026-11-20T10:00:00+08:00');
    for (let i = 0; i < 5; i++) {
      await as(flooder)
        .post(`/events/${own}/problems`, problem({ urgency: 'urgent' }))
        .expect(201);
      await as(flooder).post(`/events/${own}/liaison-reports/urgent`, fields).expect(201);
    }
    expect([await told('problem.raised'), await told('liaison.urgent')]).toEqual([3, 3]);
    // Every one is kept, and listed as urgent.
    const queue: Page<Problem> = (await as(organiser).get(`/events/${own}/problems?urgency=urgent`).expect(200)).body;
    expect(queue.total).toBe(5);
    const reports: Page<LiaisonReport> = (await as(organiser).get(`/events/${own}/liaison-reports?urgent=true`).expect(200)).body;
    expect(reports.total).toBe(5);
    // Another organisation is told at once meanwhile; the flooder again an hour later.
    await as(other)
      .post(`/events/${own}/problems`, problem({ urgency: 'urgent' }))
      .expect(201);
    expect(await told('problem.raised')).toBe(4);
    setNow('2026-11-20T11:00:01+08:00');
    await as(flooder)
      .post(`/events/${own}/problems`, problem({ urgency: 'urgent' }))
      .expect(201);
    await as(flooder).post(`/events/${own}/liaison-reports/urgent`, fields).expect(201);
    expect([await told('problem.raised'), await told('liaison.urgent')]).toEqual([5, 4]);
  });

  it('makes the weekly summary once per week even when the job runs twice, with the week’s figures', async () => {
    const ownEvent = await t.event(organiser);
    const own = ownEvent.id;
    const s = (await t.session(organiser, own, 'bank_enterprise', 'live')).id;
    const [a, b] = await Promise.all([t.organisation('enterprise'), t.organisation('enterprise')]);
    await t.participate(a, organiser, s, 'borrower');
    await t.participate(b, organiser, s, 'borrower');
    const dept: Department = (await as(organiser).post(`/events/${own}/departments`, { name: '商务厅', organisationId: organiser.organisationId }).expect(201))
      .body;
    // The week of Monday 9 November 2026 (Beijing).
    setNow('2026-11-10T10:00:00+08:00');
    const p1: Problem = (
      await as(a)
        .post(`/events/${own}/problems`, problem({ category: 'land', urgency: 'urgent' }))
        .expect(201)
    ).body;
    const p2: Problem = (
      await as(b)
        .post(`/events/${own}/problems`, problem({ category: 'land' }))
        .expect(201)
    ).body;
    await as(b)
      .post(`/events/${own}/problems`, problem({ category: 'approval' }))
      .expect(201);
    await as(organiser).post(`/problems/${p1.id}/route`, { departmentId: dept.id, answerWorkingDays: 1, version: 1 }).expect(200);
    await as(organiser).post(`/problems/${p2.id}/route`, { departmentId: dept.id, answerWorkingDays: 2, version: 1 }).expect(200);
    setNow('2026-11-11T10:00:00+08:00');
    await as(organiser).post(`/problems/${p1.id}/answer`, { answer: '已协调', version: 2 }).expect(200);
    await as(organiser).put(`/events/${own}/liaisons/${a.organisationId}`, { userId: a.userId, cadence: 'monthly' }).expect(200);
    const fields = { production: '', sales: '', inventory: '', capital: '', transport: '', difficulties: '停电' };
    await as(a).post(`/events/${own}/liaison-reports/urgent`, fields).expect(201);
    // Sunday 15 November 23:30 in Beijing is still the week; Monday 16 November 00:30 is the next.
    setNow('2026-11-15T23:30:00+08:00');
    await as(a).post(`/events/${own}/liaison-reports/urgent`, fields).expect(201);
    setNow('2026-11-16T00:30:00+08:00');
    await as(a).post(`/events/${own}/liaison-reports/urgent`, fields).expect(201);

    // Monday 16 November 08:00: the job runs, twice (two processes, or a retry).
    setNow('2026-11-16T08:00:00+08:00');
    const summaries = t.app.get(SummariesService);
    await summaries.runWeekly();
    await summaries.runWeekly();
    const list: WeeklySummaryListItem[] = (await as(organiser).get(`/events/${own}/weekly-summaries`).expect(200)).body;
    expect(list.map((x) => x.weekStart)).toEqual(['2026-11-09']);
    const summary: WeeklySummary = (await as(organiser).get(`/weekly-summaries/${list[0].id}`).expect(200)).body;
    expect(summary.figures).toMatchObject({
      from: '2026-11-09',
      to: '2026-11-16',
      obligations: {
        filed: { problem_answer: 1 },
        accepted: 1,
        returned: 0,
        // p2's answer was due at the end of 12 November.
        overdue: { count: 1, organisations: [{ id: organiser.organisationId, count: 1 }] },
      },
      problems: {
        opened: { land: 2, approval: 1, power: 0 },
        solved: { land: 1 },
        open: { land: 1, approval: 1 },
        urgentOpened: 1,
      },
      liaison: { reports: 2, urgent: 2 },
    });
    // Organisers asking for the same week get the one kept; a week not ended is refused.
    const again: WeeklySummary = (await as(organiser).post(`/events/${own}/weekly-summaries`, {}).expect(200)).body;
    expect(again.id).toBe(summary.id);
    await as(organiser).post(`/events/${own}/weekly-summaries`, { weekStart: '2026-11-16' }).expect(400);
    await as(organiser).post(`/events/${own}/weekly-summaries`, { weekStart: '2026-11-10' }).expect(400);
    expect((await notifications(organiser.userId, 'summary.weekly')).filter((n) => n.params.name === ownEvent.name)).toEqual([
      { params: expect.objectContaining({ dueOn: '2026-11-09', count: 1 }) },
    ]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM weekly_summary WHERE "eventId" = $1`, [own]);
    expect(n).toBe(1);
  });
});
