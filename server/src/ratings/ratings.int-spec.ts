import type { InstitutionRating, InstitutionRatingSummary, Page, RatableDealing } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { placeMeeting } from '../testing/meetings';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { ratingAverages } from './ratings.repository';

describe('ratings: enterprises rate the institutions they dealt with (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let enterprise: Actor;
  let other: Actor;
  let bank: Actor;
  let otherBank: Actor;
  let eventId: string;
  let sessionId: string;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}, key?: string) => {
      const req = t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' });
      return (key ? req.set('Idempotency-Key', key) : req).send(body);
    },
  });
  const held = async (a: Actor, b: Actor, topic = '洽谈技改贷款', inEvent = eventId, inSession = sessionId) =>
    (
      await placeMeeting(t.dataSource, {
        eventId: inEvent,
        sessionId: inSession,
        a: a.organisationId,
        b: b.organisationId,
        topic,
        slot: null,
        table: null,
        status: 'held',
      })
    ).id;
  const scores = (speed: number, attitude: number, terms: number, comment?: string) => ({ speed, attitude, terms, ...(comment ? { comment } : {}) });
  const ratable = async (actor: Actor): Promise<RatableDealing[]> => (await as(actor).get('/me/ratable-dealings').expect(200)).body;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    [enterprise, other, bank, otherBank] = await Promise.all([
      t.organisation('enterprise', { name: `评价企业${randomUUID().slice(0, 6)}` }),
      t.organisation('enterprise'),
      t.organisation('bank', { name: `评价银行${randomUUID().slice(0, 6)}` }),
      t.organisation('bank'),
    ]);
    await t.participate(enterprise, organiser, sessionId, 'borrower');
    await t.participate(other, organiser, sessionId, 'borrower');
    await t.participate(bank, organiser, sessionId, 'lender');
    await t.participate(otherBank, organiser, sessionId, 'lender');
    for (const a of [enterprise, bank]) await as(a).post('/auth/step-up', { password: PASSWORD }).expect(200);
  });
  afterAll(() => t.close());

  it('lets the enterprise rate the bank after a held meeting, once: a second rating is 409, the same request retried is answered again', async () => {
    const meetingId = await held(enterprise, bank, '洽谈流动资金贷款');
    const before = (await ratable(enterprise)).find((d) => d.dealingId === meetingId);
    expect(before).toMatchObject({ dealing: 'meeting', institutionId: bank.organisationId, title: '洽谈流动资金贷款', rating: null });

    const key = randomUUID();
    const body = { dealing: 'meeting', dealingId: meetingId, ...scores(5, 4, 3, '  放款快，服务好  ') };
    const rating: InstitutionRating = (await as(enterprise).post('/institution-ratings', body, key).expect(201)).body;
    expect(rating).toMatchObject({ dealing: 'meeting', speed: 5, attitude: 4, terms: 3, comment: '放款快，服务好' });

    const replay = await as(enterprise).post('/institution-ratings', body, key).expect(201);
    expect(replay.body.id).toBe(rating.id);
    const again = await as(enterprise)
      .post('/institution-ratings', { ...body, speed: 1 }, randomUUID())
      .expect(409);
    expect(again.body.code).toBe('already_rated');

    expect((await ratable(enterprise)).find((d) => d.dealingId === meetingId)?.rating).toEqual(rating);
    const [row] = await t.dataSource.query(`SELECT "eventId", "institutionId", "raterUserId", speed FROM institution_rating WHERE id = $1`, [rating.id]);
    expect(row).toEqual({ eventId, institutionId: bank.organisationId, raterUserId: enterprise.userId, speed: 5 });
    const [audit] = await t.dataSource.query(`SELECT action, "actorUserId", data FROM audit_record WHERE "entityId" = $1`, [rating.id]);
    expect(audit).toMatchObject({ action: 'rating.given', actorUserId: enterprise.userId, data: { dealing: 'meeting', institutionId: bank.organisationId } });
  });

  it('refuses a rating on a dealing the enterprise was not in, one not held, and a rating by the institution itself', async () => {
    const meetingId = await held(enterprise, bank);
    const body = { dealing: 'meeting', dealingId: meetingId, ...scores(3, 3, 3) };
    expect((await as(other).post('/institution-ratings', body).expect(404)).body.code).toBe('not_found');
    expect((await ratable(other)).some((d) => d.dealingId === meetingId)).toBe(false);

    const notHeld = (
      await placeMeeting(t.dataSource, {
        eventId,
        sessionId,
        a: enterprise.organisationId,
        b: bank.organisationId,
        slot: null,
        table: null,
        status: 'scheduled',
      })
    ).id;
    await as(enterprise)
      .post('/institution-ratings', { ...body, dealingId: notHeld })
      .expect(404);
    // The meeting's id named as another kind of dealing is not that dealing.
    await as(enterprise)
      .post('/institution-ratings', { ...body, dealing: 'disbursement' })
      .expect(404);
    // Two enterprises meeting: neither side is an institution to rate.
    const peers = await held(enterprise, other);
    await as(enterprise)
      .post('/institution-ratings', { ...body, dealingId: peers })
      .expect(404);

    expect((await as(bank).post('/institution-ratings', body).expect(403)).body.code).toBe('forbidden');
    await as(organiser).post('/institution-ratings', body).expect(403);
    expect(await ratable(bank)).toEqual([]);
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM institution_rating WHERE "dealingId" = ANY($1::uuid[])`, [
      [meetingId, notHeld, peers],
    ]);
    expect(n).toBe(0);
  });

  it('lists answered applications and disbursed loans as ratable, not pending applications or loans nothing was disbursed on', async () => {
    const need = (
      await as(enterprise)
        .post(`/sessions/${sessionId}/listings`, {
          type: 'financing_need',
          title: '设备更新贷款',
          financing: { amount: 30_000_000, termMonths: 24, purpose: 'technical_upgrade', collateral: '设备', guaranteeNeeded: false },
        })
        .expect(201)
    ).body.id;
    const offer = async (title: string, by: Actor) =>
      (
        await as(by)
          .post(`/sessions/${sessionId}/listings`, {
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
            },
          })
          .expect(201)
      ).body.id;
    const declinedOffer = await offer('科创贷', bank);
    const pendingOffer = await offer('惠企贷', otherBank);
    const declined = (await as(enterprise).post(`/listings/${declinedOffer}/applications`, { needListingId: need }).expect(201)).body.id;
    const pending = (await as(enterprise).post(`/listings/${pendingOffer}/applications`, { needListingId: need }).expect(201)).body.id;
    await as(bank).post(`/applications/${declined}/answer`, { accept: false, reason: '额度已满' }).expect(200);
    // A meeting request the bank declined is an answered application too; one still pending is not.
    const declinedRequest = (await as(enterprise).post('/meeting-requests', { toListingId: declinedOffer, topic: '商谈科创贷额度' }).expect(201)).body.id;
    await as(bank).post(`/meeting-requests/${declinedRequest}/answer`, { accept: false, reason: '本期不安排' }).expect(200);
    const pendingRequest = (await as(enterprise).post('/meeting-requests', { toListingId: pendingOffer, topic: '商谈惠企贷' }).expect(201)).body.id;

    const draft = (
      await as(enterprise)
        .post(`/sessions/${sessionId}/agreements`, {
          kind: 'loan',
          title: '设备更新贷款合同',
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
    for (const a of [enterprise, bank]) await as(a).post(`/agreements/${draft.id}/sign`, { contentHash: draft.contentHash }).expect(200);

    let dealings = await ratable(enterprise);
    expect(dealings.find((d) => d.dealingId === declined)).toMatchObject({ dealing: 'application', institutionId: bank.organisationId, title: '科创贷' });
    expect(dealings.some((d) => d.dealingId === pending)).toBe(false);
    expect(dealings.find((d) => d.dealingId === declinedRequest)).toMatchObject({
      dealing: 'application',
      institutionId: bank.organisationId,
      title: '商谈科创贷额度',
    });
    expect(dealings.some((d) => d.dealingId === pendingRequest)).toBe(false);
    expect(dealings.some((d) => d.dealingId === draft.id)).toBe(false);
    await as(enterprise)
      .post('/institution-ratings', { dealing: 'disbursement', dealingId: draft.id, ...scores(4, 4, 4) })
      .expect(404);
    await as(enterprise)
      .post('/institution-ratings', { dealing: 'application', dealingId: pending, ...scores(4, 4, 4) })
      .expect(404);

    await as(bank).post(`/agreements/${draft.id}/ledger`, { kind: 'approved', amount: 20_000_000, occurredOn: '2026-12-20', evidence: '授信批复' }).expect(201);
    await as(bank)
      .post(`/agreements/${draft.id}/ledger`, { kind: 'disbursed', amount: 10_000_000, occurredOn: '2026-12-22', evidence: '借据 001' })
      .expect(201);
    dealings = await ratable(enterprise);
    expect(dealings[0]).toMatchObject({ dealing: 'disbursement', dealingId: draft.id, institutionId: bank.organisationId, title: '设备更新贷款合同' });
    const times = dealings.map((d) => d.at);
    expect(times).toEqual([...times].sort().reverse());

    await as(enterprise)
      .post('/institution-ratings', { dealing: 'disbursement', dealingId: draft.id, ...scores(2, 3, 4) })
      .expect(201);
    await as(enterprise)
      .post('/institution-ratings', { dealing: 'application', dealingId: declined, ...scores(1, 2, 2, '拒贷理由不清楚') })
      .expect(201);
    // The lender rates no one: it was not the borrowing side.
    await as(bank)
      .post('/institution-ratings', { dealing: 'disbursement', dealingId: draft.id, ...scores(5, 5, 5) })
      .expect(403);
  });

  it("shows the bank its average and comments without the rater's name or ids; enterprises have none to see", async () => {
    const mine = (await as(bank).get('/me/institution-ratings?pageSize=50').expect(200)).body as {
      summary: InstitutionRatingSummary;
      ratings: Page<InstitutionRating>;
    };
    const rows: { speed: number; attitude: number; terms: number }[] = await t.dataSource.query(
      `SELECT speed, attitude, terms FROM institution_rating WHERE "institutionId" = $1`,
      [bank.organisationId],
    );
    expect(rows.length).toBeGreaterThan(0);
    const mean = (f: (r: (typeof rows)[number]) => number) => Math.round((rows.reduce((s, r) => s + f(r), 0) / rows.length) * 100) / 100;
    expect(mine.summary).toEqual({
      organisationId: bank.organisationId,
      name: expect.stringContaining('评价银行'),
      count: rows.length,
      speed: mean((r) => r.speed),
      attitude: mean((r) => r.attitude),
      terms: mean((r) => r.terms),
      overall: mean((r) => (r.speed + r.attitude + r.terms) / 3),
    });
    expect(mine.ratings.total).toBe(rows.length);
    expect(mine.ratings.items.map((r) => r.comment)).toEqual(expect.arrayContaining(['放款快，服务好', '拒贷理由不清楚']));
    for (const r of mine.ratings.items) expect(Object.keys(r).sort()).toEqual(['attitude', 'comment', 'createdAt', 'dealing', 'id', 'speed', 'terms']);
    const text = JSON.stringify(mine);
    for (const secret of [enterprise.organisationId, enterprise.userId, '评价企业']) expect(text).not.toContain(secret);

    const page = (await as(bank).get('/me/institution-ratings?page=2&pageSize=1').expect(200)).body.ratings as Page<InstitutionRating>;
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: rows.length });
    expect(page.items).toHaveLength(1);
    expect((await as(enterprise).get('/me/institution-ratings').expect(403)).body.code).toBe('forbidden');
  });

  it("gives organisers every institution's averages in the event, unrated ones last", async () => {
    const summaries: InstitutionRatingSummary[] = (await as(organiser).get(`/events/${eventId}/institution-ratings`).expect(200)).body;
    const averages = await ratingAverages(t.dataSource.manager, eventId, [bank.organisationId]);
    expect(summaries.map((s) => s.organisationId)).toEqual([bank.organisationId, otherBank.organisationId]);
    expect(summaries[0]).toMatchObject({ count: averages.get(bank.organisationId)!.count, overall: averages.get(bank.organisationId)!.overall });
    expect(summaries[1]).toMatchObject({ count: 0, speed: null, attitude: null, terms: null, overall: null });
    await as(bank).get(`/events/${eventId}/institution-ratings`).expect(403);
    await as(organiser).get(`/events/${randomUUID()}/institution-ratings`).expect(404);
  });

  it('lets one of two ratings of the same dealing sent at once through, and answers the other 409', async () => {
    const dealingId = await held(other, bank, '并发评价');
    const send = (speed: number) => as(other).post('/institution-ratings', { dealing: 'meeting', dealingId, ...scores(speed, 3, 3) }, randomUUID());
    const answers = await Promise.all([send(4), send(2)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)?.body.code).toBe('already_rated');
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM institution_rating WHERE "dealingId" = $1`, [dealingId]);
    expect(n).toBe(1);
  });

  it('refuses scores outside 1–5 and long comments, naming the field', async () => {
    const dealingId = await held(enterprise, otherBank);
    const bad = async (change: object, field: string) => {
      const res = await as(enterprise)
        .post('/institution-ratings', { dealing: 'meeting', dealingId, ...scores(3, 3, 3), ...change })
        .expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    };
    await bad({ speed: 0 }, 'speed');
    await bad({ attitude: 2.5 }, 'attitude');
    await bad({ terms: 6 }, 'terms');
    await bad({ terms: '5' }, 'terms');
    await bad({ comment: '好'.repeat(501) }, 'comment');
    await bad({ dealing: 'visit' }, 'dealing');
    await bad({ dealingId: 'x' }, 'dealingId');
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM institution_rating WHERE "dealingId" = $1`, [dealingId]);
    expect(n).toBe(0);
  });

  it("computes each institution's count and overall mean in one event (ratingAverages), ignoring other events", async () => {
    const event2 = (await t.event(organiser)).id;
    const session2 = (await t.session(organiser, event2, 'bank_enterprise', 'live')).id;
    const [e1, e2, lender] = await Promise.all([t.organisation('enterprise'), t.organisation('enterprise'), t.organisation('microlender')]);
    const rate = async (rater: Actor, s: ReturnType<typeof scores>, inEvent: string, inSession: string) => {
      const dealingId = (
        await placeMeeting(t.dataSource, {
          eventId: inEvent,
          sessionId: inSession,
          a: rater.organisationId,
          b: lender.organisationId,
          slot: null,
          table: null,
          status: 'held',
        })
      ).id;
      await as(rater)
        .post('/institution-ratings', { dealing: 'meeting', dealingId, ...s })
        .expect(201);
    };
    await rate(e1, scores(5, 4, 3), event2, session2); // 4
    await rate(e2, scores(2, 3, 3), event2, session2); // 2.67
    await rate(e1, scores(1, 1, 1), eventId, sessionId); // another event
    const averages = await ratingAverages(t.dataSource.manager, event2, [lender.organisationId, bank.organisationId]);
    expect([...averages.entries()]).toEqual([[lender.organisationId, { count: 2, overall: 3.33 }]]);
    expect((await ratingAverages(t.dataSource.manager, eventId, [lender.organisationId])).get(lender.organisationId)).toEqual({ count: 1, overall: 1 });
    expect((await ratingAverages(t.dataSource.manager, event2, [])).size).toBe(0);
  });
});
