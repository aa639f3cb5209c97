import type { FinancingApplication, ListingInput, ListingPublic, Notification, OverdueByOrganisation, Page } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { TestApp, type Actor } from '../testing/test-app';

describe('matchmaking supermarket (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let eventId: string;
  let session: string;
  let borrower: Actor;
  let otherBorrower: Actor;
  let bank: Actor;
  let otherBank: Actor;
  let guarantor: Actor;
  let needId: string;
  let loanId: string;
  let greenId: string;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const credit = (title: string, over: Partial<NonNullable<ListingInput['credit']>>): ListingInput => ({
    type: 'credit_offer',
    title,
    credit: {
      amountMin: 1_000_000,
      amountMax: 50_000_000,
      totalLine: 2_000_000_000,
      termMinMonths: 6,
      termMaxMonths: 36,
      rateMinBp: 345,
      rateMaxBp: 480,
      targetIndustries: [],
      targetSizes: [],
      guaranteeRequirement: 'collateral',
      ...over,
    },
  });
  /** The actor's notifications of this kind about this spec's event (specs share the database). */
  const told = async (actor: Actor, kind: Notification['kind']) =>
    ((await as(actor).get('/me/notifications?pageSize=100').expect(200)).body.items as Notification[]).filter((n) => n.eventId === eventId && n.kind === kind);
  const post = async (actor: Actor, body: ListingInput) => (await as(actor).post(`/sessions/${session}/listings`, body).expect(201)).body.id as string;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    session = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    [borrower, otherBorrower, bank, otherBank, guarantor] = await Promise.all([
      t.organisation('enterprise'),
      t.organisation('enterprise'),
      t.organisation('bank'),
      t.organisation('bank'),
      t.organisation('guarantor'),
    ]);
    await t.participate(borrower, organiser, session, 'borrower');
    await t.participate(otherBorrower, organiser, session, 'borrower');
    await t.participate(bank, organiser, session, 'lender');
    await t.participate(otherBank, organiser, session, 'lender');
    await t.participate(guarantor, organiser, session, 'guarantor');
    needId = await post(borrower, {
      type: 'financing_need',
      title: '技改贷款',
      financing: { amount: 30_000_000, termMonths: 24, purpose: 'technical_upgrade', collateral: '设备', guaranteeNeeded: false },
    });
    loanId = await post(bank, credit('抵押经营贷', {}));
    greenId = await post(
      otherBank,
      credit('绿色信贷', {
        amountMin: 50_000_000,
        amountMax: 500_000_000,
        termMinMonths: 36,
        termMaxMonths: 120,
        rateMinBp: 300,
        targetIndustries: ['D44'],
        guaranteeRequirement: 'none',
      }),
    );
    await post(guarantor, { type: 'guarantee_offer', title: '融资担保', guarantee: { capacity: 100_000_000, feeRateBp: 150, targetIndustries: [] } });
  });
  afterAll(() => t.close());

  it('shows every credit and guarantee product, filtered by amount, term, rate, industry and guarantee', async () => {
    const shelf = async (query: string) =>
      ((await as(borrower).get(`/events/${eventId}/supermarket${query}`).expect(200)).body as Page<ListingPublic>).items.map((l) => l.title).sort();
    expect(await shelf('')).toEqual(['抵押经营贷', '绿色信贷', '融资担保'].sort());
    expect(await shelf('?amount=30000000')).toEqual(['抵押经营贷', '融资担保'].sort());
    expect(await shelf('?type=credit_offer&termMonths=60')).toEqual(['绿色信贷']);
    expect(await shelf('?type=credit_offer&maxRateBp=320')).toEqual(['绿色信贷']);
    expect(await shelf('?type=credit_offer&industry=C31')).toEqual(['抵押经营贷']);
    expect(await shelf('?guaranteeRequirement=none')).toEqual(['绿色信贷']);
    const bad = await as(borrower).get(`/events/${eventId}/supermarket?amount=abc&guaranteeRequirement=maybe`).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['amount', 'guaranteeRequirement']);
  });

  it('takes one application per need and product, from the need’s owner only', async () => {
    const application: FinancingApplication = (await as(borrower).post(`/listings/${loanId}/applications`, { needListingId: needId }).expect(201)).body;
    expect(application).toMatchObject({ status: 'pending', overdue: false, need: { id: needId }, offer: { id: loanId } });
    expect(new Date(application.answerBy).getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);
    expect(application.need).not.toHaveProperty('confidential');
    // The bank is told, with the need, the product and the deadline in the event's zone; the other bank is not.
    expect((await told(bank, 'application.submitted')).map((n) => n.params)).toEqual([
      {
        organisation: application.need.organisationName,
        title: '抵押经营贷',
        need: '技改贷款',
        answerBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      },
    ]);
    expect(await told(otherBank, 'application.submitted')).toEqual([]);
    const again = await as(borrower).post(`/listings/${loanId}/applications`, { needListingId: needId }).expect(409);
    expect(again.body.code).toBe('already_applied');
    const notMine = await as(otherBorrower).post(`/listings/${loanId}/applications`, { needListingId: needId }).expect(400);
    expect(notMine.body.fields[0].field).toBe('needListingId');
    await as(borrower).post(`/listings/${needId}/applications`, { needListingId: needId }).expect(404);
    // A retry with the same idempotency key gets the first answer, not a 409.
    const key = randomUUID();
    const first = await as(borrower).post(`/listings/${greenId}/applications`, { needListingId: needId }).set('Idempotency-Key', key).expect(201);
    const retry = await as(borrower).post(`/listings/${greenId}/applications`, { needListingId: needId }).set('Idempotency-Key', key).expect(201);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('lets only the bank answer: accept into negotiation, or decline with a reason', async () => {
    const [application] = ((await as(bank).get('/me/applications').expect(200)).body as FinancingApplication[]).filter((a) => a.offer.id === loanId);
    await as(borrower).post(`/applications/${application.id}/answer`, { accept: true }).expect(403);
    await as(otherBank).post(`/applications/${application.id}/answer`, { accept: true }).expect(404);
    const noReason = await as(bank).post(`/applications/${application.id}/answer`, { accept: false }).expect(400);
    expect(noReason.body.fields[0].field).toBe('reason');
    const accepted: FinancingApplication = (await as(bank).post(`/applications/${application.id}/answer`, { accept: true }).expect(200)).body;
    expect(accepted).toMatchObject({ status: 'accepted', answeredAt: expect.any(String) });
    await as(bank).post(`/applications/${application.id}/answer`, { accept: true }).expect(200);
    // The applicant is told once (the repeated answer changes nothing), the bank not at all.
    expect((await told(borrower, 'application.answered')).map((n) => [n.params.title, n.params.decision, n.link])).toEqual([
      ['抵押经营贷', 'accepted', '/my/requests?tab=applications-sent'],
    ]);
    expect(await told(bank, 'application.answered')).toEqual([]);
    const late = await as(bank).post(`/applications/${application.id}/answer`, { accept: false, reason: '额度已满' }).expect(409);
    expect(late.body.code).toBe('already_answered');
    const mine = (await as(borrower).get('/me/applications').expect(200)).body as FinancingApplication[];
    expect(mine.find((a) => a.id === application.id)?.status).toBe('accepted');
  });

  it('shows organisers the unanswered applications past their deadline, per bank', async () => {
    const [green] = ((await as(otherBank).get('/me/applications').expect(200)).body as FinancingApplication[]).filter((a) => a.offer.id === greenId);
    await t.dataSource.query(`UPDATE financing_application SET "answerBy" = now() - interval '2 hours' WHERE id = $1`, [green.id]);
    const overdue: OverdueByOrganisation[] = (await as(organiser).get(`/events/${eventId}/applications/overdue`).expect(200)).body;
    expect(overdue).toEqual([
      { organisationId: otherBank.organisationId, organisationName: expect.any(String), overdue: 1, pending: 1, oldestAnswerBy: expect.any(String) },
    ]);
    const seen = ((await as(otherBank).get('/me/applications').expect(200)).body as FinancingApplication[]).find((a) => a.id === green.id);
    expect(seen?.overdue).toBe(true);
    await as(bank).get(`/events/${eventId}/applications/overdue`).expect(403);
    const declined: FinancingApplication = (
      await as(otherBank).post(`/applications/${green.id}/answer`, { accept: false, reason: '不在绿色信贷支持范围' }).expect(200)
    ).body;
    expect(declined).toMatchObject({ status: 'declined', reason: '不在绿色信贷支持范围', overdue: false });
    expect((await told(borrower, 'application.answered')).find((n) => n.params.title === '绿色信贷')?.params).toMatchObject({
      decision: 'declined',
      reason: '不在绿色信贷支持范围',
    });
    expect((await as(organiser).get(`/events/${eventId}/applications/overdue`).expect(200)).body).toEqual([]);
  });
});
