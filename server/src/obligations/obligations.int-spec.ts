import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { Tx } from '../common/unit-of-work/unit-of-work';
import type { DomainEvent } from '../common/unit-of-work/domain-events';
import { TestApp, type Actor } from '../testing/test-app';
import { ObligationsService, type OweInput } from './obligations.service';

describe('owing and waiving many obligations at once (integration)', () => {
  let t: TestApp;
  let obligations: ObligationsService;
  let organiser: Actor;
  let eventId: string;
  let orgs: Actor[];

  /** Runs in one transaction of its own, collecting the domain events the change emits. */
  const inTx = async <T>(work: (tx: Tx) => Promise<T>): Promise<{ result: T; events: DomainEvent[] }> => {
    const events: DomainEvent[] = [];
    const result = await t.dataSource.transaction((manager) => work({ manager, emit: (e) => void events.push(e) }));
    return { result, events };
  };
  const input = (organisationId: string, subjectId = randomUUID(), dueOn = '2027-01-15', seq = 1): OweInput => ({
    kind: 'survey_response',
    eventId,
    sessionId: null,
    organisationId,
    subject: { type: 'spec_subject', id: subjectId, title: '批量测试', step: 'response', seq },
    due: { dueOn, dueAt: new Date(`${dueOn}T16:00:00Z`), provisional: false },
    actorUserId: organiser.userId,
  });
  const auditCount = async (ids: string[], action: string): Promise<Map<string, number>> => {
    const rows: { entityId: string; n: number }[] = await t.dataSource.query(
      `SELECT "entityId", COUNT(*)::int AS n FROM audit_record WHERE "entityType" = 'obligation' AND action = $2 AND "entityId" = ANY($1) GROUP BY 1`,
      [ids, action],
    );
    return new Map(rows.map((r) => [r.entityId, r.n]));
  };

  beforeAll(async () => {
    t = await TestApp.start();
    obligations = t.app.get(ObligationsService);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    orgs = await Promise.all([t.organisation('distributor'), t.organisation('distributor'), t.organisation('distributor')]);
  });
  afterAll(() => t.close());

  it('owes every input in one go: rows answered in the order of the inputs, each audited once and told once', async () => {
    const inputs = [input(orgs[2].organisationId), input(orgs[0].organisationId, randomUUID(), '2027-02-01'), input(orgs[1].organisationId)];
    const { result, events } = await inTx((tx) => obligations.oweMany(tx, inputs));
    expect(result.map((r) => [r.obligation.subjectId, r.obligation.organisationId, r.created])).toEqual(
      inputs.map((i) => [i.subject.id, i.organisationId, true]),
    );
    expect(result[1].obligation).toMatchObject({ state: 'open', version: 1, dueOn: '2027-02-01', subjectTitle: '批量测试', kind: 'survey_response' });
    const ids = result.map((r) => r.obligation.id);
    expect([...(await auditCount(ids, 'obligation.owed')).values()]).toEqual([1, 1, 1]);
    const [audit]: { data: Record<string, unknown>; actorUserId: string }[] = await t.dataSource.query(
      `SELECT data, "actorUserId" FROM audit_record WHERE action = 'obligation.owed' AND "entityId" = $1`,
      [ids[1]],
    );
    expect(audit).toEqual({
      actorUserId: organiser.userId,
      data: {
        kind: 'survey_response',
        subjectType: 'spec_subject',
        subjectId: inputs[1].subject.id,
        step: 'response',
        seq: 1,
        organisationId: orgs[0].organisationId,
        dueOn: '2027-02-01',
      },
    });
    expect(events.map((e) => e.type === 'obligation.changed' && e.obligation.id)).toEqual(ids);
    expect((await t.app.get(AuditService).verify()).ok).toBe(true);
  });

  it('is idempotent: the same inputs again create nothing, record nothing, tell nothing and answer the same rows', async () => {
    const inputs = orgs.map((o) => input(o.organisationId));
    const first = await inTx((tx) => obligations.oweMany(tx, inputs));
    const second = await inTx((tx) => obligations.oweMany(tx, inputs));
    expect(second.result.map((r) => r.created)).toEqual([false, false, false]);
    expect(second.result.map((r) => r.obligation.id)).toEqual(first.result.map((r) => r.obligation.id));
    expect(second.events).toEqual([]);
    const ids = first.result.map((r) => r.obligation.id);
    expect([...(await auditCount(ids, 'obligation.owed')).values()]).toEqual([1, 1, 1]);
  });

  it('answers what is owed already as it stands (not overwritten) beside what it creates, in the order of the inputs', async () => {
    const existing = input(orgs[0].organisationId, randomUUID(), '2027-03-01');
    const { result: owedFirst } = await inTx((tx) => obligations.owe(tx, existing));
    expect(owedFirst.created).toBe(true);
    const inputs = [input(orgs[1].organisationId), { ...existing, due: { ...existing.due, dueOn: '2027-09-09' } }, input(orgs[2].organisationId)];
    const { result, events } = await inTx((tx) => obligations.oweMany(tx, inputs));
    expect(result.map((r) => r.created)).toEqual([true, false, true]);
    expect(result[1].obligation).toMatchObject({ id: owedFirst.obligation.id, dueOn: '2027-03-01', version: 1 });
    expect(result.map((r) => r.obligation.subjectId)).toEqual(inputs.map((i) => i.subject.id));
    expect(events.map((e) => e.type === 'obligation.changed' && e.obligation.id)).toEqual([result[0].obligation.id, result[2].obligation.id]);
    expect((await auditCount([owedFirst.obligation.id], 'obligation.owed')).get(owedFirst.obligation.id)).toBe(1);
  });

  it('creates a row named twice in one call once: the first input creates it, the second answers it', async () => {
    const twice = input(orgs[0].organisationId);
    const { result, events } = await inTx((tx) => obligations.oweMany(tx, [twice, input(orgs[1].organisationId), { ...twice }]));
    expect(result.map((r) => r.created)).toEqual([true, true, false]);
    expect(result[2].obligation.id).toBe(result[0].obligation.id);
    expect(events).toHaveLength(2);
    expect((await auditCount([result[0].obligation.id], 'obligation.owed')).get(result[0].obligation.id)).toBe(1);
  });

  it('owes more than one statement holds across statements, still in the order of the inputs', async () => {
    const subject = randomUUID();
    const inputs = Array.from({ length: 5003 }, (_, i) => input(orgs[i % 3].organisationId, subject, '2027-04-01', i + 1));
    const reordered = [...inputs].reverse();
    const { result, events } = await inTx((tx) => obligations.oweMany(tx, reordered));
    expect(result.map((r) => r.obligation.seq)).toEqual(reordered.map((i) => i.subject.seq));
    expect(result.every((r) => r.created)).toBe(true);
    expect(events).toHaveLength(5003);
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM obligation WHERE "subjectId" = $1`, [subject]);
    expect(n).toBe(5003);
    const [{ audited }] = await t.dataSource.query(
      `SELECT COUNT(*)::int AS audited FROM audit_record WHERE action = 'obligation.owed' AND data->>'subjectId' = $1`,
      [subject],
    );
    expect(audited).toBe(5003);
  });

  it('waives, in one go, those named that are still outstanding, each audited with the state it left; again it waives nothing', async () => {
    const { result } = await inTx((tx) => obligations.oweMany(tx, [...orgs.map((o) => input(o.organisationId)), input(orgs[0].organisationId)]));
    const [open, returned, accepted, alreadyWaived] = result.map((r) => r.obligation.id);
    await t.dataSource.query(`UPDATE obligation SET state = 'returned', "returnReason" = '补充', "firstSubmittedAt" = now() WHERE id = $1`, [returned]);
    await t.dataSource.query(`UPDATE obligation SET state = 'accepted' WHERE id = $1`, [accepted]);
    await t.dataSource.query(`UPDATE obligation SET state = 'waived' WHERE id = $1`, [alreadyWaived]);
    const { result: waived, events } = await inTx((tx) =>
      obligations.waiveMany(tx, [open, returned, accepted, alreadyWaived, randomUUID()], 'survey closed', organiser.userId),
    );
    expect(waived).toBe(2);
    const rows: { id: string; state: string; version: number }[] = await t.dataSource.query(`SELECT id, state, version FROM obligation WHERE id = ANY($1)`, [
      [open, returned, accepted, alreadyWaived],
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.state, r.version]]))).toEqual({
      [open]: ['waived', 2],
      [returned]: ['waived', 2],
      [accepted]: ['accepted', 1],
      [alreadyWaived]: ['waived', 1],
    });
    const audits: { entityId: string; data: unknown; actorUserId: string }[] = await t.dataSource.query(
      `SELECT "entityId", data, "actorUserId" FROM audit_record WHERE action = 'obligation.waived' AND "entityId" = ANY($1)`,
      [[open, returned, accepted, alreadyWaived]],
    );
    expect(Object.fromEntries(audits.map((a) => [a.entityId, a.data]))).toEqual({
      [open]: { from: 'open', reason: 'survey closed' },
      [returned]: { from: 'returned', reason: 'survey closed' },
    });
    expect(audits.every((a) => a.actorUserId === organiser.userId)).toBe(true);
    expect(events.map((e) => e.type === 'obligation.changed' && [e.obligation.id, e.obligation.state]).sort()).toEqual(
      [
        [open, 'waived'],
        [returned, 'waived'],
      ].sort(),
    );
    const again = await inTx((tx) => obligations.waiveMany(tx, [open, returned], 'survey closed', organiser.userId));
    expect(again).toEqual({ result: 0, events: [] });
    expect((await t.app.get(AuditService).verify()).ok).toBe(true);
  });
});
