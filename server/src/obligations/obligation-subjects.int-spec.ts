import { randomUUID } from 'node:crypto';
import type { Principal } from '../access/principal';
import type { Tx } from '../common/unit-of-work/unit-of-work';
import { TestApp, type Actor } from '../testing/test-app';
import type { ObligationEntity } from './obligation.entity';
import { ObligationsService, type OweInput } from './obligations.service';

type Summary = {
  nextObligationId: string | null;
  nextDueOn: string | null;
  nextOrganisationId: string | null;
  filed: number;
  accepted: number;
  submitted: number;
  outstanding: number;
};

describe('obligation subjects: the per-subject summary every write keeps (integration)', () => {
  let t: TestApp;
  let obligations: ObligationsService;
  let organiser: Actor;
  let bank: Actor;
  let supplier: Actor;
  let eventId: string;

  const principal = (actor: Actor): Principal => ({
    userId: actor.userId,
    organisationId: actor.organisationId,
    organisationStatus: 'approved',
    role: 'org_admin',
    displayName: actor.email,
  });
  const inTx = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => t.dataSource.transaction((manager) => work({ manager, emit: () => undefined }));
  const owing = (organisationId: string, subjectId: string, seq: number, dueOn: string, step = 'progress'): OweInput => ({
    kind: 'agreement_report',
    eventId,
    sessionId: null,
    organisationId,
    subject: { type: 'spec_agreement', id: subjectId, title: '汇总测试', step, seq },
    due: { dueOn, dueAt: new Date(`${dueOn}T16:00:00Z`), provisional: false },
    actorUserId: organiser.userId,
  });
  const subject = (id: string) => ({ type: 'spec_agreement', id });
  const read = (id: string) => obligations.get(t.dataSource.manager, id);
  const summaryOf = async (subjectId: string): Promise<Summary | undefined> =>
    (
      await t.dataSource.query(
        `SELECT "nextObligationId", "nextDueOn"::text AS "nextDueOn", "nextOrganisationId", filed, accepted, submitted, outstanding
           FROM obligation_subject WHERE kind = 'agreement_report' AND "subjectType" = 'spec_agreement' AND "subjectId" = $1`,
        [subjectId],
      )
    )[0];

  /**
   * Every difference between the event's summary rows and the same summary recomputed from the
   * obligation table by one GROUP BY (a row missing, left over, or with another value).
   */
  const drift = async (): Promise<unknown[]> =>
    t.dataSource.query(
      `WITH recomputed AS (
         SELECT g.kind, g."subjectType", g."subjectId", g."eventId", nx.id AS "nextObligationId", nx."dueAt" AS "nextDueAt", nx."dueOn" AS "nextDueOn",
                nx."organisationId" AS "nextOrganisationId", g.filed, g.accepted, g.submitted, g.outstanding
           FROM (SELECT kind, "subjectType", "subjectId", (array_agg("eventId"))[1] AS "eventId",
                        count(*) FILTER (WHERE "firstSubmittedAt" IS NOT NULL)::int AS filed,
                        count(*) FILTER (WHERE state = 'accepted')::int AS accepted,
                        count(*) FILTER (WHERE state = 'submitted')::int AS submitted,
                        count(*) FILTER (WHERE state IN ('open', 'returned'))::int AS outstanding
                   FROM obligation WHERE "eventId" = $1 GROUP BY kind, "subjectType", "subjectId") g
           LEFT JOIN (SELECT DISTINCT ON (kind, "subjectType", "subjectId") kind, "subjectType", "subjectId", id, "dueAt", "dueOn", "organisationId"
                        FROM obligation WHERE "eventId" = $1 AND state IN ('open', 'returned')
                       ORDER BY kind, "subjectType", "subjectId", "dueAt", id) nx USING (kind, "subjectType", "subjectId")
       ),
       kept AS (SELECT * FROM obligation_subject WHERE "eventId" = $1)
       SELECT to_jsonb(r) AS recomputed, to_jsonb(k) AS kept
         FROM recomputed r FULL JOIN kept k USING (kind, "subjectType", "subjectId")
        WHERE to_jsonb(r) IS DISTINCT FROM to_jsonb(k)`,
      [eventId],
    );

  beforeAll(async () => {
    t = await TestApp.start();
    obligations = t.app.get(ObligationsService);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    [bank, supplier] = await Promise.all([t.organisation('bank'), t.organisation('enterprise')]);
  });
  afterAll(() => t.close());

  it('equals a recomputation from the obligations after owe, oweMany, submit, return, accept, reschedule, waive, restore and waiveMany', async () => {
    const a = randomUUID();
    const b = randomUUID();
    // owe, one at a time: the soonest outstanding is the next one.
    const [second, first] = [
      (await inTx((tx) => obligations.owe(tx, owing(bank.organisationId, a, 2, '2027-02-01')))).obligation,
      (await inTx((tx) => obligations.owe(tx, owing(supplier.organisationId, a, 1, '2027-01-15', 'delivery')))).obligation,
    ];
    expect(await summaryOf(a)).toEqual({
      nextObligationId: first.id,
      nextDueOn: '2027-01-15',
      nextOrganisationId: supplier.organisationId,
      filed: 0,
      accepted: 0,
      submitted: 0,
      outstanding: 2,
    });
    expect(await drift()).toEqual([]);

    // oweMany, over two subjects (one of them owed already: unchanged).
    const many = await inTx((tx) =>
      obligations.oweMany(tx, [
        owing(bank.organisationId, a, 3, '2027-03-01'),
        owing(bank.organisationId, b, 1, '2027-01-20'),
        owing(bank.organisationId, b, 2, '2027-02-20'),
        owing(bank.organisationId, a, 2, '2027-02-01'),
      ]),
    );
    expect(many.map((o) => o.created)).toEqual([true, true, true, false]);
    expect(await summaryOf(a)).toMatchObject({ nextObligationId: first.id, outstanding: 3 });
    expect(await summaryOf(b)).toMatchObject({ nextObligationId: many[1].obligation.id, nextDueOn: '2027-01-20', outstanding: 2 });
    expect(await drift()).toEqual([]);

    // submit: the next one moves on to the one after it.
    await inTx(async (tx) => obligations.submit(tx, await obligations.lock(tx.manager, first.id), principal(supplier), first.version));
    expect(await summaryOf(a)).toMatchObject({ nextObligationId: second.id, nextDueOn: '2027-02-01', filed: 1, submitted: 1, outstanding: 2 });
    expect(await drift()).toEqual([]);

    // review: returned is owed again (and next again); filed again and accepted.
    const filed = await read(first.id);
    await obligations.review(principal(organiser), first.id, { accept: false, reason: '请补充放款凭证', version: filed.version });
    expect(await summaryOf(a)).toMatchObject({ nextObligationId: first.id, filed: 1, submitted: 0, outstanding: 3 });
    expect(await drift()).toEqual([]);
    const returned = await read(first.id);
    await inTx(async (tx) => obligations.submit(tx, await obligations.lock(tx.manager, first.id), principal(supplier), returned.version));
    await obligations.review(principal(organiser), first.id, { accept: true, version: returned.version + 1 });
    expect(await summaryOf(a)).toMatchObject({ nextObligationId: second.id, filed: 1, accepted: 1, submitted: 0, outstanding: 2 });
    expect(await drift()).toEqual([]);

    // reschedule: report 3 moved before report 2 becomes the next.
    const third = many[0].obligation;
    await inTx(async (tx) =>
      obligations.reschedule(
        tx,
        await obligations.lock(tx.manager, third.id),
        { dueOn: '2027-01-25', dueAt: new Date('2027-01-25T16:00:00Z'), provisional: false },
        null,
      ),
    );
    expect(await summaryOf(a)).toMatchObject({ nextObligationId: third.id, nextDueOn: '2027-01-25', nextOrganisationId: bank.organisationId });
    expect(await drift()).toEqual([]);

    // waive: nothing is owed any more (what was filed stays counted); restore: owed again.
    expect(await inTx((tx) => obligations.waive(tx, subject(a), 'ledger_closed', organiser.userId))).toBe(2);
    expect(await summaryOf(a)).toEqual({
      nextObligationId: null,
      nextDueOn: null,
      nextOrganisationId: null,
      filed: 1,
      accepted: 1,
      submitted: 0,
      outstanding: 0,
    });
    expect(await drift()).toEqual([]);
    expect(await inTx((tx) => obligations.restore(tx, subject(a), organiser.userId))).toBe(2);
    expect(await summaryOf(a)).toMatchObject({ nextObligationId: third.id, outstanding: 2 });
    expect(await drift()).toEqual([]);

    // waiveMany: the first of b goes, its second is next.
    expect(await inTx((tx) => obligations.waiveMany(tx, [many[1].obligation.id], 'closed', organiser.userId))).toBe(1);
    expect(await summaryOf(b)).toMatchObject({ nextObligationId: many[2].obligation.id, nextDueOn: '2027-02-20', outstanding: 1 });
    expect(await drift()).toEqual([]);
  });

  it('counts both of two reports of one subject filed at the same time by two transactions', async () => {
    const a = randomUUID();
    const [x, y] = (
      await inTx((tx) =>
        obligations.oweMany(tx, [owing(bank.organisationId, a, 1, '2027-05-01'), owing(supplier.organisationId, a, 1, '2027-05-01', 'delivery')]),
      )
    ).map((o) => o.obligation);
    let firstFiled!: () => void;
    const filedFirst = new Promise<void>((resolve) => (firstFiled = resolve));
    const file = (tx: Tx, o: ObligationEntity, actor: Actor) =>
      obligations.lock(tx.manager, o.id).then((locked) => obligations.submit(tx, locked, principal(actor), o.version));
    // The first files and holds its transaction open while the second files (and waits for it).
    const one = inTx(async (tx) => {
      await file(tx, x, bank);
      firstFiled();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const two = filedFirst.then(() => inTx((tx) => file(tx, y, supplier)));
    await Promise.all([one, two]);
    expect(await summaryOf(a)).toMatchObject({ nextObligationId: null, filed: 2, submitted: 2, outstanding: 0 });
    expect(await drift()).toEqual([]);
  });
});
