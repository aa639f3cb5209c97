import { dueSoonUntil, TRACKING_STATES, type Agreement, type TrackingPage, type TrackingRow } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { TrackingService } from './tracking.service';

describe('tracking: the organisers’ 跟踪落实 view of signed agreements (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let organiser: Actor;
  let enterprise: Actor;
  let bank: Actor;
  let otherBank: Actor;
  let supplier: Actor;
  let buyer: Actor;
  let eventId: string;
  let bankSession: string;
  let goodsSession: string;
  /** By name: overdue (signed 2 March), dueSoon (5 March), onTime (9 March), supervised (2 March), supply (2 March, steel). */
  const a: Record<string, Agreement> = {};

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  const tracking = async (query = ''): Promise<TrackingPage> => (await as(organiser).get(`/events/${eventId}/tracking${query}`).expect(200)).body;
  const row = (page: TrackingPage, agreement: Agreement): TrackingRow | undefined => page.items.find((r) => r.agreementId === agreement.id);
  const stateOf = async (agreement: Agreement) => row(await tracking('?pageSize=100'), agreement)?.state;

  async function signed(sessionId: string, terms: object, signers: Actor[], signedAt: string): Promise<Agreement> {
    const draft: Agreement = (await as(signers[0]).post(`/sessions/${sessionId}/agreements`, terms).expect(201)).body;
    setNow(signedAt);
    for (const s of signers) await as(s).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);
    jest.restoreAllMocks();
    return draft;
  }
  const loan = (lender: Actor, signedAt: string) =>
    signed(
      bankSession,
      {
        kind: 'loan',
        title: `流动资金贷款 ${randomUUID().slice(0, 6)}`,
        amount: 30_000_000,
        termMonths: 12,
        keyTerms: '按月付息',
        parties: [
          { organisationId: enterprise.organisationId, role: 'borrower' },
          { organisationId: lender.organisationId, role: 'lender' },
        ],
      },
      [enterprise, lender],
      signedAt,
    );

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    bankSession = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    goodsSession = (await t.session(organiser, eventId, 'upstream_downstream', 'live')).id;
    [enterprise, bank, otherBank, supplier, buyer] = await Promise.all([
      t.organisation('enterprise'),
      t.organisation('bank'),
      t.organisation('bank'),
      t.organisation('enterprise'),
      t.organisation('enterprise'),
    ]);
    await t.participate(enterprise, organiser, bankSession, 'borrower');
    await t.participate(bank, organiser, bankSession, 'lender');
    await t.participate(otherBank, organiser, bankSession, 'lender');
    await t.participate(supplier, organiser, goodsSession, 'supplier');
    await t.participate(buyer, organiser, goodsSession, 'buyer');
    await as(organiser).post('/auth/step-up', { password: process.env.ADMIN_PASSWORD! }).expect(200);
    for (const x of [enterprise, bank, otherBank, supplier, buyer]) await as(x).post('/auth/step-up', { password: PASSWORD }).expect(200);

    // Loans report every two weeks from the signing day: due 16, 19 and 23 March (and 16 March).
    a.overdue = await loan(bank, '2026-03-02T10:00:00+08:00');
    a.dueSoon = await loan(otherBank, '2026-03-05T10:00:00+08:00');
    a.onTime = await loan(bank, '2026-03-09T10:00:00+08:00');
    a.supervised = await loan(otherBank, '2026-03-02T11:00:00+08:00');
    a.supply = await signed(
      goodsSession,
      {
        kind: 'supply_contract',
        title: `螺纹钢供货合同 ${randomUUID().slice(0, 6)}`,
        amount: 18_000_000,
        product: 'steel',
        quantity: 5000,
        unit: '吨',
        keyTerms: '分批交货',
        parties: [
          { organisationId: supplier.organisationId, role: 'supplier' },
          { organisationId: buyer.organisationId, role: 'buyer' },
        ],
      },
      [supplier, buyer],
      '2026-03-02T12:00:00+08:00',
    );
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('reads each agreement’s state from the clock: on time, due soon within 3 working days, overdue past its due instant', async () => {
    // 17 March, 10:00 in China: the loan of 2 March owed report 1 by the end of 16 March; the loan of
    // 5 March owes it on the 19th (within 3 working days); the loan of 9 March on the 23rd.
    setNow('2026-03-17T10:00:00+08:00');
    const page = await tracking('?pageSize=100');
    expect(row(page, a.overdue)).toMatchObject({
      state: 'overdue',
      stage: 'signed',
      nextDue: { dueOn: '2026-03-16', organisationId: bank.organisationId, state: 'open' },
      reports: { filed: 0, accepted: 0, awaitingReview: 0, overdue: 1 },
    });
    expect(row(page, a.overdue)!.overdueObligationIds).toEqual([row(page, a.overdue)!.nextDue!.obligationId]);
    expect(row(page, a.dueSoon)).toMatchObject({ state: 'due_soon', nextDue: { dueOn: '2026-03-19' }, overdueObligationIds: [] });
    expect(row(page, a.onTime)).toMatchObject({ state: 'on_time', nextDue: { dueOn: '2026-03-23' } });
    expect(row(page, a.supply)).toMatchObject({
      state: 'on_time',
      chain: 'iron_steel_construction',
      supplierOrganisationId: supplier.organisationId,
      lenderOrganisationId: null,
      nextDue: { dueOn: '2026-04-02', organisationId: supplier.organisationId },
    });
    expect(row(page, a.onTime)).toMatchObject({
      title: a.onTime.title,
      kind: 'loan',
      amount: 30_000_000,
      session: { id: bankSession, kind: 'bank_enterprise' },
      lenderOrganisationId: bank.organisationId,
    });
    expect(
      row(page, a.onTime)!
        .parties.map((p) => [p.organisationId, p.role])
        .sort(),
    ).toEqual(
      [
        [enterprise.organisationId, 'borrower'],
        [bank.organisationId, 'lender'],
      ].sort(),
    );
    expect(page.timeZone).toBe('Asia/Shanghai');

    // Sorted by the next due instant, soonest first.
    const dues = page.items.map((r) => r.nextDue?.dueAt ?? '9999');
    expect(dues).toEqual([...dues].sort());

    // The same agreement moves along as the clock does.
    // From Wednesday 18 March, the 23rd (Monday) is the third working day ahead.
    setNow('2026-03-18T10:00:00+08:00');
    expect(await stateOf(a.onTime)).toBe('due_soon');
    setNow('2026-03-24T00:00:00+08:00');
    expect(await stateOf(a.onTime)).toBe('overdue');
  });

  it('shows the ledger’s stage and the report counts, and a filed report leaves the overdue state', async () => {
    setNow('2026-03-17T10:00:00+08:00');
    const next = row(await tracking('?pageSize=100'), a.overdue)!.nextDue!;
    const owed = (await as(bank).get(`/obligations/${next.obligationId}/reports`).expect(200)).body.obligation;
    await as(bank)
      .post(`/obligations/${next.obligationId}/report`, {
        version: owed.version,
        narrative: '已完成授信审批',
        lines: [{ kind: 'approved', amount: 30_000_000, occurredOn: '2026-12-10', evidence: '批复 QH-1' }],
      })
      .expect(201);
    const after = row(await tracking('?pageSize=100'), a.overdue)!;
    expect(after).toMatchObject({ stage: 'approved', state: 'on_time', reports: { filed: 1, awaitingReview: 1, accepted: 0, overdue: 0 } });
    expect(after.nextDue).toMatchObject({ dueOn: '2026-03-30' });

    const reviewed = (
      await as(organiser)
        .post(`/obligations/${next.obligationId}/review`, { version: owed.version + 1, accept: true })
        .expect(200)
    ).body;
    expect(reviewed.state).toBe('accepted');
    expect(row(await tracking('?pageSize=100'), a.overdue)!.reports).toMatchObject({ filed: 1, accepted: 1, awaitingReview: 0 });
  });

  it('marks a closed ledger performed and an open supervision notice under supervision', async () => {
    setNow('2026-03-17T10:00:00+08:00');
    await as(organiser).post(`/agreements/${a.supply.id}/ledger`, { kind: 'performed', occurredOn: '2026-12-10', reason: '已全部交货' }).expect(201);
    const performed = row(await tracking('?pageSize=100'), a.supply)!;
    expect(performed).toMatchObject({ state: 'performed', stage: 'performed', nextDue: null });

    const overdue = row(await tracking('?pageSize=100'), a.supervised)!;
    expect(overdue.state).toBe('overdue');
    await as(organiser)
      .post(`/events/${eventId}/supervision-notices`, { obligationIds: overdue.overdueObligationIds, workingDays: 5, note: '请尽快报送' })
      .expect(201);
    expect(await stateOf(a.supervised)).toBe('under_supervision');
  });

  it('filters by session, chain, organisation, bank and state, with totals per state under the other filters', async () => {
    setNow('2026-03-17T10:00:00+08:00');
    const all = await tracking('?pageSize=100');
    expect(all.total).toBe(5);
    expect(all.totals.all).toBe(5);
    const counted = all.items.reduce<Record<string, number>>((n, r) => ({ ...n, [r.state]: (n[r.state] ?? 0) + 1 }), {});
    for (const state of ['on_time', 'due_soon', 'overdue', 'under_supervision', 'performed'] as const) expect(all.totals[state]).toBe(counted[state] ?? 0);

    const goods = await tracking(`?sessionId=${goodsSession}`);
    expect(goods.items.map((r) => r.agreementId)).toEqual([a.supply.id]);
    expect((await tracking('?chain=iron_steel_construction')).items.map((r) => r.agreementId)).toEqual([a.supply.id]);
    expect((await tracking('?chain=other')).total).toBe(4);
    expect((await tracking('?chain=silicon_pv')).total).toBe(0);

    const ofOtherBank = await tracking(`?bankId=${otherBank.organisationId}`);
    expect(ofOtherBank.items.map((r) => r.agreementId).sort()).toEqual([a.dueSoon.id, a.supervised.id].sort());
    expect(ofOtherBank.totals).toMatchObject({ all: 2, due_soon: 1, under_supervision: 1, overdue: 0 });
    // The enterprise is a party (the borrower) but lends nothing.
    expect((await tracking(`?bankId=${enterprise.organisationId}`)).total).toBe(0);
    expect((await tracking(`?organisationId=${enterprise.organisationId}`)).total).toBe(4);
    expect((await tracking(`?organisationId=${buyer.organisationId}`)).items.map((r) => r.agreementId)).toEqual([a.supply.id]);

    const dueSoon = await tracking('?state=due_soon');
    expect(dueSoon.items.map((r) => r.agreementId)).toEqual([a.dueSoon.id]);
    expect(dueSoon.total).toBe(1);
    // The header's totals ignore the state filter, so every tab of the header keeps its count.
    expect(dueSoon.totals.all).toBe(5);
  });

  it('pages the rows in the order of the next due instant, at most 100 a page', async () => {
    setNow('2026-03-17T10:00:00+08:00');
    const all = (await tracking('?pageSize=100')).items.map((r) => r.agreementId);
    const pages = [];
    for (let page = 1; page <= 3; page += 1) pages.push(await tracking(`?pageSize=2&page=${page}`));
    expect(pages.flatMap((p) => p.items.map((r) => r.agreementId))).toEqual(all);
    expect(pages.map((p) => [p.items.length, p.total, p.page, p.pageSize])).toEqual([
      [2, 5, 1, 2],
      [2, 5, 2, 2],
      [1, 5, 3, 2],
    ]);
    expect((await tracking('?pageSize=2&page=4')).items).toEqual([]);
    await as(organiser).get(`/events/${eventId}/tracking?pageSize=101`).expect(400);
    await as(organiser).get(`/events/${eventId}/tracking?state=late`).expect(400);
    await as(organiser).get(`/events/${eventId}/tracking?chain=unknown`).expect(400);
  });

  it('answers organisers only; an unknown event is 404', async () => {
    for (const x of [enterprise, bank, supplier]) await as(x).get(`/events/${eventId}/tracking`).expect(403);
    await t.http.get(`/api/events/${eventId}/tracking`).expect(401);
    await as(organiser).get(`/events/${randomUUID()}/tracking`).expect(404);
  });

  /**
   * Each agreement of the event as recomputed from the obligation table itself (not the summary the
   * tab reads): its soonest outstanding report, its state by the same rules, its report counts, in
   * the tab's order (next due instant, day, id; owing nothing, latest signed first).
   */
  const recomputed = async (): Promise<[string, string, string | null, number, number, number][]> =>
    (
      await t.dataSource.query(
        `WITH next AS (
           SELECT DISTINCT ON (o."subjectId") o."subjectId" AS id, o.id AS "nextId", o."dueAt", o."dueOn" FROM obligation o
            WHERE o."eventId" = $1 AND o.kind = 'agreement_report' AND o.state IN ('open', 'returned')
            ORDER BY o."subjectId", o."dueAt", o.id
         ), counts AS (
           SELECT o."subjectId" AS id, count(*) FILTER (WHERE o."firstSubmittedAt" IS NOT NULL)::int AS filed,
                  count(*) FILTER (WHERE o.state = 'accepted')::int AS accepted, count(*) FILTER (WHERE o.state = 'submitted')::int AS awaiting
             FROM obligation o WHERE o."eventId" = $1 AND o.kind = 'agreement_report' GROUP BY o."subjectId"
         )
         SELECT a.id, next."nextId", coalesce(c.filed, 0) AS filed, coalesce(c.accepted, 0) AS accepted, coalesce(c.awaiting, 0) AS awaiting,
                CASE WHEN EXISTS (SELECT 1 FROM agreement_ledger_entry l WHERE l."agreementId" = a.id AND l.kind IN ('performed', 'terminated') AND l."reopenedAt" IS NULL) THEN 'performed'
                     WHEN EXISTS (SELECT 1 FROM supervision_notice n JOIN obligation so ON so.id = n."obligationId"
                                   WHERE so."subjectId" = a.id AND n.state IN ('issued', 'acknowledged')) THEN 'under_supervision'
                     WHEN next."dueAt" <= $2 THEN 'overdue'
                     WHEN next."dueOn" <= $3::date THEN 'due_soon'
                     ELSE 'on_time' END AS state
           FROM agreement a LEFT JOIN next ON next.id = a.id LEFT JOIN counts c ON c.id = a.id
          WHERE a."eventId" = $1 AND a.status IN ('signed', 'confirmed')
          ORDER BY next."dueAt" NULLS LAST, next."dueOn" NULLS LAST, CASE WHEN next."dueAt" IS NULL THEN a."signedAt" END DESC NULLS LAST, a.id`,
        [eventId, clock.now(), dueSoonUntil(clock.now(), 'Asia/Shanghai')],
      )
    ).map((r: { id: string; state: string; nextId: string | null; filed: number; accepted: number; awaiting: number }) => [
      r.id,
      r.state,
      r.nextId,
      r.filed,
      r.accepted,
      r.awaiting,
    ]);
  const agreesWithRecomputation = async (): Promise<TrackingPage> => {
    const page = await tracking('?pageSize=100');
    const expected = await recomputed();
    expect(
      page.items.map((r) => [r.agreementId, r.state, r.nextDue?.obligationId ?? null, r.reports.filed, r.reports.accepted, r.reports.awaitingReview]),
    ).toEqual(expected);
    for (const state of TRACKING_STATES) expect([state, page.totals[state]]).toEqual([state, expected.filter((r) => r[1] === state).length]);
    expect(page.totals.all).toBe(expected.length);
    // Each state's own page lists the same agreements in the same order.
    for (const state of TRACKING_STATES) {
      const only = await tracking(`?pageSize=100&state=${state}`);
      expect(only.items.map((r) => r.agreementId)).toEqual(expected.filter((r) => r[1] === state).map((r) => r[0]));
    }
    return page;
  };

  it('agrees with a recomputation from the reports themselves after a report is filed and after reports are waived', async () => {
    setNow('2026-03-17T10:00:00+08:00');
    const before = await agreesWithRecomputation();
    // The loan of 5 March files its next report (due 19 March) early: its next is the one after.
    const next = row(before, a.dueSoon)!.nextDue!;
    const filer = [bank, otherBank, enterprise].find((x) => x.organisationId === next.organisationId)!;
    const owed = (await as(filer).get(`/obligations/${next.obligationId}/reports`).expect(200)).body.obligation;
    await as(filer)
      .post(`/obligations/${next.obligationId}/report`, {
        version: owed.version,
        narrative: '授信审批中',
        lines: [{ kind: 'approved', amount: 30_000_000, occurredOn: '2026-12-10', evidence: '批复 QH-2' }],
      })
      .expect(201);
    const filed = await agreesWithRecomputation();
    expect(row(filed, a.dueSoon)).toMatchObject({ state: 'on_time', reports: { filed: 1, awaitingReview: 1 } });
    expect(row(filed, a.dueSoon)!.nextDue!.obligationId).not.toBe(next.obligationId);

    // The loan of 9 March is terminated: what it still owes is waived, and it owes nothing.
    await as(organiser).post(`/agreements/${a.onTime.id}/ledger`, { kind: 'terminated', occurredOn: '2026-12-10', reason: '借款人提前还款' }).expect(201);
    const waived = await agreesWithRecomputation();
    expect(row(waived, a.onTime)).toMatchObject({ state: 'performed', stage: 'terminated', nextDue: null });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM obligation WHERE "subjectId" = $1 AND state = 'waived'`, [a.onTime.id]);
    expect(n).toBeGreaterThan(0);
  });

  it('is callable as a service method (the bench calls it) with the same answer as the route', async () => {
    setNow('2026-03-17T10:00:00+08:00');
    const direct = await t.app.get(TrackingService).agreements(eventId, { pageSize: 100 });
    expect(JSON.parse(JSON.stringify(direct))).toEqual(await tracking('?pageSize=100'));
  });
});
