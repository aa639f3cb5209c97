import type { Agreement, AgreementFollowUp, LedgerEntry, Obligation, ObligationReports, Page } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { FollowUpService } from './follow-up.service';

describe('follow-up: report schedules, filing and review (integration)', () => {
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

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}, key?: string) => {
      const req = t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' });
      return (key ? req.set('Idempotency-Key', key) : req).send(body);
    },
    put: (path: string, body: object) => t.http.put(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  /** The clock the follow-up rules read (the signing day, today), set to an instant in China. */
  const setNow = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));

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
    for (const a of [enterprise, bank, supplier, buyer]) await as(a).post('/auth/step-up', { password: PASSWORD }).expect(200);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  /** Drafted by the first signer, signed by every signer in turn (the last signature completes it at `signedAt`). */
  async function signed(sessionId: string, terms: object, signers: Actor[], signedAt: string): Promise<Agreement> {
    const draft: Agreement = (await as(signers[0]).post(`/sessions/${sessionId}/agreements`, terms).expect(201)).body;
    setNow(signedAt);
    for (const s of signers) await as(s).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);
    return draft;
  }
  const loan = (amount = 50_000_000, lender: Actor = bank) => ({
    kind: 'loan',
    title: `技改项目贷款 ${randomUUID().slice(0, 6)}`,
    amount,
    termMonths: 24,
    keyTerms: '按季付息',
    parties: [
      { organisationId: enterprise.organisationId, role: 'borrower' },
      { organisationId: lender.organisationId, role: 'lender' },
    ],
  });
  const signedLoan = (signedAt: string, amount?: number) => signed(bankSession, loan(amount), [enterprise, bank], signedAt);
  const followUpOf = async (agreementId: string, actor: Actor = organiser): Promise<AgreementFollowUp> =>
    (await as(actor).get(`/agreements/${agreementId}/follow-up`).expect(200)).body;
  const report = (obligation: Obligation, lines: object[] = [], narrative = '本期按计划推进') => ({ version: obligation.version, narrative, lines });

  it('gives each signed agreement its schedule from the plan, owed by the party that records the step', async () => {
    const signedAt = '2026-03-02T10:00:00+08:00';
    const a = await signedLoan(signedAt);
    const loanPlan = await followUpOf(a.id);
    expect(loanPlan).toMatchObject({ cadence: { every: 2, unit: 'week' }, anchorDay: '2026-03-02', timeZone: 'Asia/Shanghai' });
    expect(loanPlan.obligations.map((o) => [o.subject.step, o.subject.seq, o.dueOn, o.organisationId, o.state])).toEqual([
      ['financing', 1, '2026-03-16', bank.organisationId, 'open'],
      ['financing', 2, '2026-03-30', bank.organisationId, 'open'],
      ['financing', 3, '2026-04-13', bank.organisationId, 'open'],
    ]);
    expect(loanPlan.obligations[0]).toMatchObject({
      kind: 'agreement_report',
      dueAt: '2026-03-16T16:00:00.000Z',
      subject: { type: 'agreement', title: a.title },
    });

    // Supply: the supplier reports delivery monthly; 2 May is in the Labour Day holiday, so the 6th.
    const supply = await signed(
      goodsSession,
      {
        kind: 'supply_contract',
        title: '螺纹钢供货合同',
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
      [buyer, supplier],
      signedAt,
    );
    expect((await followUpOf(supply.id)).obligations.map((o) => [o.subject.step, o.dueOn, o.organisationId])).toEqual([
      ['delivery', '2026-04-02', supplier.organisationId],
      ['delivery', '2026-05-06', supplier.organisationId],
      ['delivery', '2026-06-02', supplier.organisationId],
    ]);

    // A target responsibility letter: the enterprise reports its project's progress, not the organiser that grants the funds.
    // (The sign route is for participants' users; the organiser's signature is put in place here, and the enterprise's completes it.)
    const letter: Agreement = (
      await as(enterprise)
        .post(`/sessions/${bankSession}/agreements`, {
          kind: 'target_responsibility',
          title: '项目建设目标责任书',
          amount: 120_000_000,
          keyTerms: '总投资 1.2 亿元，2027 年底建成投产',
          parties: [
            { organisationId: organiser.organisationId, role: 'organiser' },
            { organisationId: enterprise.organisationId, role: 'borrower' },
          ],
        })
        .expect(201)
    ).body;
    await t.dataSource.query(
      `INSERT INTO agreement_signature ("agreementId", "partyId", "userId", "contentHash")
       SELECT "agreementId", id, $2, $3 FROM agreement_party WHERE "agreementId" = $1 AND role = 'organiser'`,
      [letter.id, organiser.userId, letter.contentHash],
    );
    await as(enterprise).post(`/agreements/${letter.id}/sign`, { contentHash: letter.contentHash }).expect(200);
    expect((await followUpOf(letter.id)).obligations.map((o) => [o.subject.step, o.organisationId])).toEqual([
      ['progress', enterprise.organisationId],
      ['progress', enterprise.organisationId],
      ['progress', enterprise.organisationId],
    ]);

    // An intent agreement binds no one to report.
    const intent = await signed(bankSession, { ...loan(), kind: 'intent', title: '合作意向书' }, [enterprise, bank], signedAt);
    expect(await followUpOf(intent.id)).toMatchObject({ cadence: null, obligations: [] });
  });

  it('lets organisers change the plan; agreements signed afterwards follow it, those signed before keep theirs', async () => {
    const plan = (await as(organiser).get(`/events/${eventId}/follow-up-plan`).expect(200)).body;
    expect(plan).toMatchObject({ version: 0, cadences: { loan: { every: 2, unit: 'week' }, intent: null, supply_contract: { every: 1, unit: 'month' } } });
    await as(enterprise).put(`/events/${eventId}/follow-up-plan`, { version: 0, cadences: plan.cadences }).expect(403);
    const before = await signedLoan('2026-03-02T10:00:00+08:00');
    const cadences = { ...plan.cadences, loan: { every: 1, unit: 'month' } };
    const bad = await as(organiser).put(`/events/${eventId}/follow-up-plan`, { version: 0, cadences: { ...cadences, loan: { every: 13, unit: 'month' } } });
    expect([bad.status, bad.body.fields?.[0]?.field]).toEqual([400, 'cadences.loan.every']);
    const missingKind = await as(organiser).put(`/events/${eventId}/follow-up-plan`, { version: 0, cadences: { loan: null } });
    expect(missingKind.status).toBe(400);
    const saved = (await as(organiser).put(`/events/${eventId}/follow-up-plan`, { version: 0, cadences }).expect(200)).body;
    expect(saved).toMatchObject({ version: 1, cadences: { loan: { every: 1, unit: 'month' } } });
    expect((await as(organiser).put(`/events/${eventId}/follow-up-plan`, { version: 0, cadences }).expect(409)).body.code).toBe('stale_version');

    const after = await signedLoan('2026-03-02T10:00:00+08:00');
    expect((await followUpOf(after.id)).obligations.map((o) => o.dueOn)).toEqual(['2026-04-02', '2026-05-06', '2026-06-02']);
    expect((await followUpOf(before.id)).obligations.map((o) => o.dueOn)).toEqual(['2026-03-16', '2026-03-30', '2026-04-13']);
    await as(organiser).put(`/events/${eventId}/follow-up-plan`, { version: 1, cadences: plan.cadences }).expect(200);
  });

  it('counts due dates across the 2025 National Day holiday and its make-up working day (调休) in working days of the event’s zone', async () => {
    const a = await signedLoan('2025-09-17T10:00:00+08:00');
    const [first, second] = (await followUpOf(a.id)).obligations;
    // 1 October is a holiday until the 8th: due Thursday 9 October, at its end in China.
    expect([first.dueOn, first.dueAt, first.dueProvisional]).toEqual(['2025-10-09', '2025-10-09T16:00:00.000Z', false]);
    expect(second.dueOn).toBe('2025-10-15');
    // On the Monday before the holiday it is three working days away (30 September, 9 October): due soon.
    setNow('2025-09-29T10:00:00+08:00');
    const mine: Obligation[] = (await as(bank).get('/me/obligations').expect(200)).body;
    expect(mine.find((o) => o.id === first.id)).toMatchObject({ timing: 'due_soon', state: 'open' });
    setNow('2025-10-10T00:00:00+08:00');
    expect((await as(bank).get('/me/obligations').expect(200)).body.find((o: Obligation) => o.id === first.id)).toMatchObject({ timing: 'overdue' });

    // Signed on Saturday 27 September: two weeks on is Saturday 11 October, a make-up working day (调休) after the holiday, so it is due that Saturday.
    const b = await signedLoan('2025-09-27T10:00:00+08:00');
    const [made] = (await followUpOf(b.id)).obligations;
    expect([made.dueOn, made.dueAt]).toEqual(['2025-10-11', '2025-10-11T16:00:00.000Z']);
  });

  it('lets only the organisation that owes a report file it: not the other party, another bank or an organiser', async () => {
    const a = await signedLoan('2026-03-02T10:00:00+08:00');
    const [first] = (await followUpOf(a.id)).obligations;
    for (const actor of [enterprise, otherBank, organiser]) {
      const refused = await as(actor).post(`/obligations/${first.id}/report`, report(first)).expect(403);
      expect(refused.body.code).toBe('forbidden');
    }
    await as(otherBank).get(`/obligations/${first.id}/reports`).expect(404);
    await as(otherBank).get(`/agreements/${a.id}/follow-up`).expect(404);
    const filed: ObligationReports = (await as(bank).post(`/obligations/${first.id}/report`, report(first)).expect(201)).body;
    expect(filed.obligation).toMatchObject({ state: 'submitted', version: first.version + 1 });
    // The other party and organisers read it.
    await as(enterprise).get(`/obligations/${first.id}/reports`).expect(200);
  });

  it('records a report’s lines as the ledger’s entries: reading either shows the same, and a refused line refuses the report', async () => {
    const a = await signedLoan('2026-03-02T10:00:00+08:00', 50_000_000);
    const [first, second] = (await followUpOf(a.id)).obligations;
    const lines = [
      { kind: 'approved', amount: 40_000_000, occurredOn: '2026-12-10', evidence: '授信批复 QH-2026-118' },
      { kind: 'disbursed', amount: 25_000_000, occurredOn: '2026-12-15', evidence: '借据 001' },
    ];
    const filed: ObligationReports = (
      await as(bank)
        .post(`/obligations/${first.id}/report`, report(first, lines, '已审批并首笔放款'))
        .expect(201)
    ).body;
    const [filing] = filed.reports;
    expect(filing).toMatchObject({ round: 1, narrative: '已审批并首笔放款', problems: '' });
    const ledger: LedgerEntry[] = (await as(enterprise).get(`/agreements/${a.id}/ledger`).expect(200)).body;
    expect(ledger).toEqual(filing.lines);
    expect(ledger.map((e) => [e.kind, e.amount])).toEqual([
      ['approved', 40_000_000],
      ['disbursed', 25_000_000],
    ]);
    const read: ObligationReports = (await as(organiser).get(`/obligations/${first.id}/reports`).expect(200)).body;
    expect(read.reports[0].lines).toEqual(ledger);
    const figures = (await as(organiser).get(`/events/${eventId}/agreement-figures`).expect(200)).body;
    expect(figures.agreements.find((f: { agreementId: string }) => f.agreementId === a.id)).toMatchObject({ approved: 40_000_000, disbursed: 25_000_000 });

    // Disbursing past the approval breaks the ledger's rule: the whole report is refused, nothing recorded.
    const over = await as(bank)
      .post(`/obligations/${second.id}/report`, report(second, [{ kind: 'disbursed', amount: 20_000_000, occurredOn: '2026-12-20', evidence: '借据 002' }]))
      .expect(400);
    expect(over.body.fields[0].field).toBe('lines.0.amount');
    expect((await as(bank).get(`/agreements/${a.id}/ledger`).expect(200)).body).toHaveLength(2);
    expect((await followUpOf(a.id)).obligations.find((o) => o.id === second.id)).toMatchObject({ state: 'open', version: second.version });
  });

  it('has organisers accept a report or return it with a reason, and the party file it again', async () => {
    const a = await signedLoan('2026-03-02T10:00:00+08:00');
    const [first] = (await followUpOf(a.id)).obligations;
    const early = await as(organiser).post(`/obligations/${first.id}/review`, { version: first.version, accept: true }).expect(409);
    expect(early.body.code).toBe('not_submitted');
    const filed: ObligationReports = (await as(bank).post(`/obligations/${first.id}/report`, report(first)).expect(201)).body;
    const v = filed.obligation.version;
    await as(bank).post(`/obligations/${first.id}/review`, { version: v, accept: true }).expect(403);
    const noReason = await as(organiser).post(`/obligations/${first.id}/review`, { version: v, accept: false }).expect(400);
    expect(noReason.body.fields[0].field).toBe('reason');
    const returned: Obligation = (
      await as(organiser).post(`/obligations/${first.id}/review`, { version: v, accept: false, reason: '请补充放款凭证编号' }).expect(200)
    ).body;
    expect(returned).toMatchObject({ state: 'returned', returnReason: '请补充放款凭证编号', reviewedBy: expect.any(String) });
    // Returned reports are back on the party's 待办, with the reason.
    expect((await as(bank).get('/me/obligations').expect(200)).body.find((o: Obligation) => o.id === first.id)).toMatchObject({ state: 'returned' });

    const again: ObligationReports = (
      await as(bank)
        .post(`/obligations/${first.id}/report`, report(returned, [], '补充：借据 QH-001'))
        .expect(201)
    ).body;
    expect(again.reports.map((r) => [r.round, r.narrative])).toEqual([
      [1, '本期按计划推进'],
      [2, '补充：借据 QH-001'],
    ]);
    expect((await as(organiser).post(`/obligations/${first.id}/review`, { version: v, accept: true }).expect(409)).body.code).toBe('stale_version');
    const accepted: Obligation = (await as(organiser).post(`/obligations/${first.id}/review`, { version: again.obligation.version, accept: true }).expect(200))
      .body;
    expect(accepted).toMatchObject({ state: 'accepted', returnReason: null });
    // The same review sent again is a no-op; filing an accepted report is refused.
    const retried = await as(organiser).post(`/obligations/${first.id}/review`, { version: again.obligation.version, accept: true }).expect(200);
    expect(retried.body.version).toBe(accepted.version);
    expect((await as(bank).post(`/obligations/${first.id}/report`, report(accepted)).expect(409)).body.code).toBe('not_owed');
    const audit = await t.dataSource.query(`SELECT action FROM audit_record WHERE "entityType" = 'obligation' AND "entityId" = $1 ORDER BY id`, [first.id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'obligation.owed',
      'obligation.submitted',
      'obligation.returned',
      'obligation.submitted',
      'obligation.accepted',
    ]);
  });

  it('answers a retried filing without recording it twice, with or without an Idempotency-Key', async () => {
    const a = await signedLoan('2026-03-02T10:00:00+08:00');
    const [first] = (await followUpOf(a.id)).obligations;
    const body = report(first, [{ kind: 'approved', amount: 10_000_000, occurredOn: '2026-12-10' }]);
    const key = randomUUID();
    const one = await as(bank).post(`/obligations/${first.id}/report`, body, key).expect(201);
    const two = await as(bank).post(`/obligations/${first.id}/report`, body, key).expect(201);
    expect(two.body).toEqual(one.body);
    // Without a key: the same user's filing at the version it was made on is answered, not recorded again.
    const three = await as(bank).post(`/obligations/${first.id}/report`, body).expect(201);
    expect(three.body.reports).toHaveLength(1);
    expect((await as(bank).get(`/agreements/${a.id}/ledger`).expect(200)).body).toHaveLength(1);
    // Once the report has moved on (reviewed), a filing on the old copy is stale.
    await as(organiser)
      .post(`/obligations/${first.id}/review`, { version: first.version + 1, accept: true })
      .expect(200);
    const stale = await as(bank).post(`/obligations/${first.id}/report`, body);
    expect([stale.status, stale.body.code]).toEqual([409, 'stale_version']);
    const [count] = await t.dataSource.query(`SELECT count(*)::int AS n FROM agreement_report WHERE "obligationId" = $1`, [first.id]);
    expect(count.n).toBe(1);
    expect((await as(bank).get(`/agreements/${a.id}/ledger`).expect(200)).body).toHaveLength(1);
  });

  it('owes later reports as they fall due or earlier ones are filed, and none once the agreement is performed', async () => {
    const a = await signedLoan('2025-09-17T10:00:00+08:00');
    expect((await followUpOf(a.id)).obligations).toHaveLength(3);
    // Five weeks on, reports 1–4 have fallen due (9, 15, 29 October, 12 November): four, and three more.
    setNow('2025-11-20T10:00:00+08:00');
    const [first] = (await followUpOf(a.id)).obligations;
    await as(bank).post(`/obligations/${first.id}/report`, report(first)).expect(201);
    const owed = (await followUpOf(a.id)).obligations;
    expect(owed.map((o) => o.subject.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(owed.slice(1, 4).map((o) => o.timing)).toEqual(['overdue', 'overdue', 'overdue']);

    const performed = owed[1];
    await as(bank)
      .post(`/obligations/${performed.id}/report`, report(performed, [{ kind: 'performed', occurredOn: '2026-12-20', reason: '已全部放款并结清' }]))
      .expect(201);
    const closed = (await followUpOf(a.id)).obligations;
    expect(closed.map((o) => o.state)).toEqual(['submitted', 'submitted', 'waived', 'waived', 'waived', 'waived', 'waived']);
    expect((await as(bank).get('/me/obligations').expect(200)).body.filter((o: Obligation) => o.subject.id === a.id)).toEqual([]);
    // An organiser reopens the ledger: what was waived is owed again.
    await as(organiser).post(`/agreements/${a.id}/ledger/reopen`, { reason: '放款凭证有误，重新核对' }).expect(200);
    expect((await followUpOf(a.id)).obligations.slice(2).map((o) => o.state)).toEqual(['open', 'open', 'open', 'open', 'open']);
  });

  it('lists a party’s 待办 soonest due first and the event’s obligations for organisers by session, organisation and state', async () => {
    const loanA = await signedLoan('2026-03-02T10:00:00+08:00');
    const loanB = await signedLoan('2026-03-09T10:00:00+08:00');
    setNow('2026-03-26T10:00:00+08:00');
    const mine: Obligation[] = (await as(bank).get('/me/obligations').expect(200)).body;
    const ours = mine.filter((o) => o.subject.id === loanA.id || o.subject.id === loanB.id);
    expect(ours.map((o) => [o.subject.id === loanA.id ? 'A' : 'B', o.dueOn, o.timing])).toEqual([
      ['A', '2026-03-16', 'overdue'],
      ['B', '2026-03-23', 'overdue'],
      ['A', '2026-03-30', 'due_soon'],
      ['B', '2026-04-07', 'on_time'],
      ['A', '2026-04-13', 'on_time'],
      ['B', '2026-04-20', 'on_time'],
    ]);
    expect(mine.map((o) => o.dueAt)).toEqual([...mine.map((o) => o.dueAt)].sort());
    expect((await as(enterprise).get('/me/obligations').expect(200)).body.some((o: Obligation) => o.subject.id === loanA.id)).toBe(false);

    const list = async (query: string): Promise<Page<Obligation>> => (await as(organiser).get(`/events/${eventId}/obligations?${query}`).expect(200)).body;
    const byBank = `organisationId=${bank.organisationId}&sessionId=${bankSession}`;
    const overdue = await list(`${byBank}&state=overdue&pageSize=200`);
    expect(overdue.items.every((o) => o.timing === 'overdue' && o.organisationId === bank.organisationId)).toBe(true);
    expect(overdue.items.map((o) => o.id)).toEqual(expect.arrayContaining(ours.slice(0, 2).map((o) => o.id)));
    const soon = await list(`${byBank}&state=due_soon&pageSize=200`);
    expect(soon.items.every((o) => o.timing === 'due_soon')).toBe(true);
    expect(soon.items.map((o) => o.id)).toContain(ours[2].id);
    const page = await list(`${byBank}&pageSize=2&page=2`);
    expect([page.items.length, page.page, page.pageSize, page.total >= ours.length]).toEqual([2, 2, 2, true]);
    expect((await list(`sessionId=${goodsSession}&organisationId=${bank.organisationId}`)).total).toBe(0);
    await as(organiser).get(`/events/${eventId}/obligations?state=late`).expect(400);
    await as(bank).get(`/events/${eventId}/obligations`).expect(403);
  });

  it('gives a signed agreement that has no schedule one when re-checked, counted from its signing day', async () => {
    const a = await signedLoan('2026-03-02T10:00:00+08:00');
    await t.dataSource.query(`DELETE FROM obligation WHERE "subjectId" = $1`, [a.id]);
    await t.dataSource.query(`DELETE FROM follow_up_schedule WHERE "agreementId" = $1`, [a.id]);
    expect((await followUpOf(a.id)).obligations).toEqual([]);
    // Counted from its signing day (moved to March here), with the clock then.
    await t.dataSource.query(`UPDATE agreement SET "signedAt" = '2026-03-02T02:00:00Z' WHERE id = $1`, [a.id]);
    setNow('2026-03-02T10:00:00+08:00');
    const followUp = t.app.get(FollowUpService);
    expect(await followUp.recheck(organiser.userId)).toBeGreaterThanOrEqual(1);
    const owed = (await followUpOf(a.id)).obligations;
    expect(owed.map((o) => o.dueOn)).toEqual(['2026-03-16', '2026-03-30', '2026-04-13']);
    await followUp.recheck(organiser.userId);
    expect((await followUpOf(a.id)).obligations).toEqual(owed);
  });

  it('owes the next reports from the daily sweep as the clock reaches the last one owed, once, and audits it as the system', async () => {
    const a = await signedLoan('2026-03-02T10:00:00+08:00');
    const followUp = t.app.get(FollowUpService);
    // A week after signing the last report owed (13 April) is weeks away: nothing to do yet.
    setNow('2026-03-09T10:00:00+08:00');
    await followUp.sweep();
    expect((await followUpOf(a.id)).obligations.map((o) => o.dueOn)).toEqual(['2026-03-16', '2026-03-30', '2026-04-13']);
    // On 1 April it is within two weeks: the reports due so far (16 and 30 March) and three more are owed.
    setNow('2026-04-01T09:00:00+08:00');
    const first = await followUp.sweep();
    expect(first.extended).toBeGreaterThanOrEqual(1);
    const owed = (await followUpOf(a.id)).obligations;
    expect(owed.map((o) => o.dueOn)).toEqual(['2026-03-16', '2026-03-30', '2026-04-13', '2026-04-27', '2026-05-11']);
    // The same day again owes nothing more.
    await followUp.sweep();
    expect((await followUpOf(a.id)).obligations).toEqual(owed);
    const [row] = await t.dataSource.query(`SELECT "actorUserId" FROM audit_record WHERE action = 'obligation.owed' AND "entityId" = $1`, [owed[4].id]);
    expect(row).toEqual({ actorUserId: null });
  });
});
