import type { Agreement, AgreementFollowUp, CriticismCandidate, CriticismNotice, Obligation, SupervisionIssueResult, SupervisionNotice } from '@duijie/shared';
import { addWorkingDays, countWorkingDays, dueInstant, workingDayCalendarYears } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { LadderService } from './ladder.service';

describe('the ladder: reminders, overdue marks, supervision notices and the notice of criticism (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let ladder: LadderService;
  let organiser: Actor;
  let enterprise: Actor;
  let bank: Actor;
  let outsider: Actor;
  let eventId: string;
  let sessionId: string;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  const sweepAt = (iso: string) => {
    setNow(iso);
    return ladder.sweep(new Date(iso));
  };
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await t.dataSource.query(sql, params))[0].n);
  const notifications = (kind: string, dedupeKey: string) =>
    count(`SELECT count(*) AS n FROM notification WHERE kind = $1 AND "dedupeKey" = $2`, [kind, dedupeKey]);
  const audits = (action: string, entityId: string) =>
    count(`SELECT count(*) AS n FROM audit_record WHERE action = $1 AND "entityId" = $2`, [action, entityId]);
  const usersOf = async (actor: Actor) => count(`SELECT count(*) AS n FROM app_user WHERE "organisationId" = $1 AND active`, [actor.organisationId]);

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    ladder = t.app.get(LadderService);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    [enterprise, bank, outsider] = await Promise.all([t.organisation('enterprise'), t.organisation('bank'), t.organisation('enterprise')]);
    await t.participate(enterprise, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    for (const a of [enterprise, bank]) await as(a).post('/auth/step-up', { password: PASSWORD }).expect(200);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  /** A loan signed at `signedAt`: the bank owes a financing report every 2 weeks (the first due 14 days later). */
  async function signedLoan(signedAt: string): Promise<Obligation[]> {
    const draft: Agreement = (
      await as(enterprise)
        .post(`/sessions/${sessionId}/agreements`, {
          kind: 'loan',
          title: `流动资金贷款 ${randomUUID().slice(0, 6)}`,
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
    setNow(signedAt);
    for (const s of [enterprise, bank]) await as(s).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);
    const plan: AgreementFollowUp = (await as(organiser).get(`/agreements/${draft.id}/follow-up`).expect(200)).body;
    return plan.obligations;
  }
  const obligation = async (id: string): Promise<Obligation> =>
    ((await as(bank).get('/me/obligations').expect(200)).body as Obligation[]).find((o) => o.id === id)!;
  const file = async (id: string) => {
    const o = await obligation(id);
    return as(bank).post(`/obligations/${id}/report`, { version: o.version, narrative: '已放款，按期报送', lines: [] }).expect(201);
  };

  it('reminds the owing organisation once, three working days before the due day in the event’s zone', async () => {
    const [first] = await signedLoan('2026-03-02T10:00:00+08:00');
    expect(first.dueOn).toBe('2026-03-16');
    const key = `obligation:${first.id}:reminder:2026-03-16`;

    // Tuesday 10 March: the third working day ahead is Friday the 13th, before the due day.
    await sweepAt('2026-03-10T09:00:00+08:00');
    expect(await notifications('obligation.reminder', key)).toBe(0);

    // Wednesday 11 March: Thursday, Friday, Monday the 16th: reminded, once however often the sweep runs.
    const swept = await sweepAt('2026-03-11T09:00:00+08:00');
    expect(swept.reminded).toBeGreaterThanOrEqual(1);
    await sweepAt('2026-03-11T10:00:00+08:00');
    expect(await notifications('obligation.reminder', key)).toBe(await usersOf(bank));
    expect(
      await count(`SELECT count(*) AS n FROM notification WHERE "dedupeKey" = $1 AND "userId" IN (SELECT id FROM app_user WHERE "organisationId" = $2)`, [
        key,
        enterprise.organisationId,
      ]),
    ).toBe(0);
    expect(await audits('obligation.reminded', first.id)).toBe(1);
  });

  it('marks an obligation overdue once its due day has ended in the event’s zone, not before, with a digest to organisers', async () => {
    const [first] = await signedLoan('2026-03-02T11:00:00+08:00');
    const key = `obligation:${first.id}:overdue:2026-03-16`;

    // 23:30 on the due day in Shanghai (15:30 UTC): not yet overdue; nor a day before.
    await sweepAt('2026-03-15T12:00:00+08:00');
    await sweepAt('2026-03-16T23:30:00+08:00');
    expect(await notifications('obligation.overdue', key)).toBe(0);

    const at = '2026-03-17T00:30:00+08:00';
    const swept = await sweepAt(at);
    expect(swept.overdue).toBeGreaterThanOrEqual(1);
    await sweepAt('2026-03-17T01:30:00+08:00');
    expect(await notifications('obligation.overdue', key)).toBe(await usersOf(bank));
    expect(await audits('obligation.overdue_marked', first.id)).toBe(1);
    const [digest] = await t.dataSource.query(`SELECT params FROM notification WHERE "userId" = $1 AND "dedupeKey" = $2`, [
      organiser.userId,
      `event:${eventId}:overdue:${new Date(at).toISOString()}`,
    ]);
    // The sweep covers every event of the (shared) database; the digest counts this event's marks.
    const marked = await count(`SELECT count(*) AS n FROM obligation_mark WHERE "eventId" = $1 AND kind = 'overdue' AND "markedAt" = $2`, [
      eventId,
      new Date(at),
    ]);
    expect(marked).toBeGreaterThanOrEqual(1);
    expect(digest.params.count).toBe(marked);
    expect((await obligation(first.id)).timing).toBe('overdue');
  });

  it('issues supervision notices in bulk for overdue obligations only, acknowledged by the owing organisation, resolved by filing', async () => {
    const [first, second] = await signedLoan('2026-03-02T12:00:00+08:00');
    setNow('2026-03-17T10:00:00+08:00');
    const unknown = randomUUID();
    const issued: SupervisionIssueResult = (
      await as(organiser)
        .post(`/events/${eventId}/supervision-notices`, { obligationIds: [first.id, second.id, unknown], workingDays: 5, note: '请于期限内报送放款进度' })
        .expect(201)
    ).body;
    expect(issued.issued).toHaveLength(1);
    expect(issued.skipped).toEqual([
      { obligationId: second.id, reason: 'not_overdue' },
      { obligationId: unknown, reason: 'not_found' },
    ]);
    const notice = issued.issued[0];
    expect(notice).toMatchObject({
      obligationId: first.id,
      organisationId: bank.organisationId,
      state: 'issued',
      deadlineOn: addWorkingDays('2026-03-17', 5),
      timeZone: 'Asia/Shanghai',
      note: '请于期限内报送放款进度',
    });
    expect(await notifications('supervision.issued', `supervision:${notice.id}:issued`)).toBe(await usersOf(bank));

    // Issued again: it is already under an open notice.
    const again: SupervisionIssueResult = (
      await as(organiser)
        .post(`/events/${eventId}/supervision-notices`, { obligationIds: [first.id], workingDays: 3 })
        .expect(201)
    ).body;
    expect(again).toEqual({ issued: [], skipped: [{ obligationId: first.id, reason: 'under_notice' }] });

    // Only the owing organisation acknowledges: not the other party, nor an organiser.
    await as(enterprise).post(`/supervision-notices/${notice.id}/acknowledge`, { version: notice.version }).expect(403);
    await as(organiser).post(`/supervision-notices/${notice.id}/acknowledge`, { version: notice.version }).expect(403);
    expect(((await as(bank).get('/me/supervision-notices').expect(200)).body as SupervisionNotice[]).map((n) => n.id)).toContain(notice.id);
    expect((await as(enterprise).get('/me/supervision-notices').expect(200)).body).toEqual([]);
    const acknowledged: SupervisionNotice = (await as(bank).post(`/supervision-notices/${notice.id}/acknowledge`, { version: notice.version }).expect(200))
      .body;
    expect(acknowledged).toMatchObject({ state: 'acknowledged', version: notice.version + 1 });
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    // A retry answers the same; an old version from elsewhere is a conflict.
    await as(bank).post(`/supervision-notices/${notice.id}/acknowledge`, { version: notice.version }).expect(200);
    await as(bank).post(`/supervision-notices/${notice.id}/acknowledge`, { version: acknowledged.version }).expect(409);
    expect(await notifications('supervision.acknowledged', `supervision:${notice.id}:acknowledged`)).toBeGreaterThanOrEqual(1);

    await file(first.id);
    const page = (await as(organiser).get(`/events/${eventId}/supervision-notices?state=resolved`).expect(200)).body;
    expect(page.items.find((n: SupervisionNotice) => n.id === notice.id)).toMatchObject({ state: 'resolved', obligationState: 'submitted' });
    for (const action of ['supervision.issued', 'supervision.acknowledged', 'supervision.resolved']) expect(await audits(action, notice.id)).toBe(1);
  });

  it('lapses a notice unacknowledged past its deadline, lists the organisation for criticism, and lets it leave once it files', async () => {
    const [first] = await signedLoan('2026-03-02T13:00:00+08:00');
    setNow('2026-03-17T10:00:00+08:00');
    const { issued }: SupervisionIssueResult = (
      await as(organiser)
        .post(`/events/${eventId}/supervision-notices`, { obligationIds: [first.id], workingDays: 1 })
        .expect(201)
    ).body;
    const notice = issued[0];
    expect(notice.deadlineOn).toBe('2026-03-18');

    await sweepAt('2026-03-18T23:00:00+08:00');
    expect(
      (await as(organiser).get(`/events/${eventId}/supervision-notices?state=issued`).expect(200)).body.items.map((n: SupervisionNotice) => n.id),
    ).toContain(notice.id);
    const swept = await sweepAt('2026-03-19T01:00:00+08:00');
    expect(swept.lapsed).toBeGreaterThanOrEqual(1);
    const lapsed = (await as(organiser).get(`/events/${eventId}/supervision-notices?state=lapsed`).expect(200)).body.items as SupervisionNotice[];
    expect(lapsed.find((n) => n.id === notice.id)?.lapsedAt).not.toBeNull();
    expect(await notifications('supervision.overdue', `supervision:${notice.id}:lapsed`)).toBeGreaterThanOrEqual(1);
    expect(await audits('supervision.lapsed', notice.id)).toBe(1);
    // A lapsed notice is no longer acknowledged.
    await as(bank)
      .post(`/supervision-notices/${notice.id}/acknowledge`, { version: notice.version + 1 })
      .expect(409);

    const candidates: CriticismCandidate[] = (await as(organiser).get(`/events/${eventId}/criticism/candidates`).expect(200)).body;
    expect(candidates).toEqual([
      expect.objectContaining({ organisationId: bank.organisationId, obligations: [expect.objectContaining({ id: first.id, deadlineOn: '2026-03-18' })] }),
    ]);

    // Only candidates are named.
    await as(organiser)
      .post(`/events/${eventId}/criticism-notices`, { title: '关于未按期报送的通报', body: '以下单位逾期未报送', organisationIds: [enterprise.organisationId] })
      .expect(400);
    await as(bank)
      .post(`/events/${eventId}/criticism-notices`, { title: '通报', body: '通报', organisationIds: [bank.organisationId] })
      .expect(403);
    const published: CriticismNotice = (
      await as(organiser)
        .post(`/events/${eventId}/criticism-notices`, {
          title: '关于未按期报送的通报',
          body: '以下单位逾期未报送跟踪报告',
          organisationIds: [bank.organisationId],
        })
        .expect(201)
    ).body;
    expect(published.entries).toEqual([expect.objectContaining({ organisationId: bank.organisationId, rectifiedAt: null })]);
    expect(await audits('criticism.published', published.id)).toBe(1);
    // Named once: it is no longer a candidate for what it is named for.
    expect((await as(organiser).get(`/events/${eventId}/criticism/candidates`).expect(200)).body).toEqual([]);
    expect(await notifications('criticism.published', `criticism:${published.id}:published`)).toBe(await usersOf(bank));

    // Published to the event's participants; not to an organisation outside it.
    expect((await as(enterprise).get(`/criticism-notices/${published.id}`).expect(200)).body.title).toBe('关于未按期报送的通报');
    expect(((await as(enterprise).get(`/events/${eventId}/criticism-notices`).expect(200)).body as CriticismNotice[]).map((n) => n.id)).toContain(published.id);
    await as(outsider).get(`/criticism-notices/${published.id}`).expect(404);
    await as(outsider).get(`/events/${eventId}/criticism-notices`).expect(403);

    setNow('2026-03-19T09:00:00+08:00');
    await file(first.id);
    const after: CriticismNotice = (await as(organiser).get(`/criticism-notices/${published.id}`).expect(200)).body;
    expect(after.entries[0].rectifiedAt).toBe(new Date('2026-03-19T09:00:00+08:00').toISOString());
    expect(await audits('criticism.rectified', published.id)).toBe(1);
    expect(await notifications('criticism.rectified', `criticism:${published.id}:rectified:${bank.organisationId}`)).toBeGreaterThanOrEqual(1);
    expect((await as(organiser).get(`/events/${eventId}/criticism/candidates`).expect(200)).body).toEqual([]);
    // The lapsed notice stays lapsed (its history); the organisation has nothing open left.
    expect(((await as(bank).get('/me/supervision-notices').expect(200)).body as SupervisionNotice[]).map((n) => n.id)).not.toContain(notice.id);
  });

  it('recounts a provisional due day on the calendar once it knows the year, leaving agreement reports to follow-up', async () => {
    const { lastYear } = workingDayCalendarYears();
    const day = `${lastYear}-10-01`;
    const expected = countWorkingDays(day, 0).day;
    expect(expected).not.toBe(day);
    const insert = async (kind: string, subjectType: string, title: string): Promise<string> =>
      (
        await t.dataSource.query(
          `INSERT INTO obligation (kind, "eventId", "sessionId", "organisationId", "subjectType", "subjectId", "subjectTitle", step, seq, "dueOn", "dueAt", "dueProvisional")
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'filing', 1, $8, $9, true) RETURNING id`,
          [kind, eventId, sessionId, bank.organisationId, subjectType, randomUUID(), title, day, `${day}T16:00:00Z`],
        )
      )[0].id;
    const filing = await insert('statistics_filing', 'event', '国庆期间到期的统计报送');
    // An agreement's report is recounted by follow-up from its schedule's anchor, not here.
    const report = await insert('agreement_report', 'agreement', '国庆期间到期的报告');

    const swept = await sweepAt('2026-03-20T09:00:00+08:00');
    expect(swept.recounted).toBeGreaterThanOrEqual(1);
    const read = async (id: string) =>
      (await t.dataSource.query(`SELECT "dueOn"::text AS "dueOn", "dueAt", "dueProvisional" FROM obligation WHERE id = $1`, [id]))[0];
    const moved = await read(filing);
    expect(moved).toMatchObject({ dueOn: expected, dueProvisional: false });
    expect(new Date(moved.dueAt).toISOString()).toBe(dueInstant(expected, 'Asia/Shanghai').toISOString());
    expect(await audits('obligation.rescheduled', filing)).toBe(1);
    expect(await read(report)).toMatchObject({ dueOn: day, dueProvisional: true });
    expect(await audits('obligation.rescheduled', report)).toBe(0);
  });
});
