import { CeremonyService } from '../ceremony/ceremony.service';
import { Clock } from '../common/clock';
import { TestApp } from '../testing/test-app';
import {
  DEMO_AGREEMENTS,
  DEMO_DEPARTMENTS,
  DEMO_EVENT,
  DEMO_LIAISON,
  DEMO_LISTINGS,
  DEMO_MEETINGS,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_PROBLEMS,
  DEMO_SESSIONS,
  DEMO_SUPERVISION,
} from './demo-data';
import { loadDemo } from './load-demo';

describe('demo event (integration)', () => {
  let t: TestApp;
  let eventId: string;
  let loadMs: number;
  beforeAll(async () => {
    t = await TestApp.start();
    const started = Date.now();
    expect(await loadDemo(t.app)).toBe(true);
    loadMs = Date.now() - started;
    [{ id: eventId }] = await t.dataSource.query(`SELECT id FROM match_event WHERE name = $1`, [DEMO_EVENT.name]);
  });
  afterAll(() => t.close());

  it('loads once through the services, with every session, participant and listing', async () => {
    expect(await loadDemo(t.app)).toBe(false);
    // It runs at the first `npm start -- --demo`: it stays quick (a few seconds on an idle machine; bounded loosely for a busy CI).
    expect(loadMs).toBeLessThan(30_000);

    const sessions = await t.dataSource.query(`SELECT kind, status FROM match_session WHERE "eventId" = $1`, [eventId]);
    expect(sessions).toHaveLength(DEMO_SESSIONS.length);
    const [{ n: listings }] = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM listing WHERE "eventId" = $1`, [eventId]);
    expect(listings).toBe(DEMO_LISTINGS.length);
    // Every demo meeting is agreed; those with a slot are booked and published.
    const meetings: { status: string; published: boolean }[] = await t.dataSource.query(`SELECT status, published FROM meeting WHERE "eventId" = $1`, [
      eventId,
    ]);
    expect(meetings).toHaveLength(DEMO_MEETINGS.length);
    expect(meetings.filter((m) => m.status === 'scheduled' && m.published)).toHaveLength(DEMO_MEETINGS.filter((m) => m.slot).length);

    // A demo user logs in and sees the live board of a session.
    const someone = DEMO_ORGANISATIONS[0];
    const actor = await t.login(someone.adminEmail, DEMO_PASSWORD);
    const detail = await t.http.get(`/api/events/${eventId}`).auth(actor.token, { type: 'bearer' }).expect(200);
    const live = detail.body.sessions.find((s: { status: string }) => s.status === 'live');
    const board = await t.http.get(`/api/sessions/${live.id}/board`).auth(actor.token, { type: 'bearer' }).expect(200);
    expect(board.body.listingsOpen).toBeGreaterThan(0);
  });

  it('has agreements signed by every party in all four sessions, some of them weeks ago, counted on the big screen', async () => {
    const rows: { kind: string; status: string; signedAt: Date; amount: string }[] = await t.dataSource.query(
      `SELECT s.kind, a.status, a."signedAt", a.amount::text AS amount FROM agreement a JOIN match_session s ON s.id = a."sessionId" WHERE a."eventId" = $1`,
      [eventId],
    );
    expect(rows).toHaveLength(DEMO_AGREEMENTS.length);
    expect(rows.every((r) => r.status === 'signed' || r.status === 'confirmed')).toBe(true);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(DEMO_SESSIONS.map((s) => s.kind)));
    const now = t.app.get(Clock).now().getTime();
    expect(rows.filter((r) => now - new Date(r.signedAt).getTime() > 42 * 86_400_000).length).toBeGreaterThanOrEqual(3);
    const [{ n: unsigned }] = await t.dataSource.query(
      `SELECT COUNT(*)::int AS n FROM agreement_party p JOIN agreement a ON a.id = p."agreementId"
        WHERE a."eventId" = $1 AND NOT EXISTS (SELECT 1 FROM agreement_signature s WHERE s."partyId" = p.id AND s."voidedAt" IS NULL)`,
      [eventId],
    );
    expect(unsigned).toBe(0);
    const totals = await t.app.get(CeremonyService).totals(eventId);
    expect(totals.signedCount).toBe(DEMO_AGREEMENTS.length);
    expect(totals.signedAmount).toBe(rows.reduce((sum, r) => sum + Number(r.amount), 0));
    expect(totals.bySessionKind).toHaveLength(DEMO_SESSIONS.length);
  });

  it('has reports filed (one returned and filed again), others overdue by the clock, and one under acknowledged supervision', async () => {
    const obligations: { state: string; dueAt: Date; id: string }[] = await t.dataSource.query(
      `SELECT id, state, "dueAt" FROM obligation WHERE "eventId" = $1 AND kind = 'agreement_report'`,
      [eventId],
    );
    const filed = DEMO_AGREEMENTS.reduce((n, a) => n + (a.reports?.length ?? 0), 0);
    expect(obligations.filter((o) => o.state === 'accepted' || o.state === 'submitted')).toHaveLength(filed);
    expect(obligations.filter((o) => o.state === 'submitted')).toHaveLength(DEMO_AGREEMENTS.flatMap((a) => a.reports ?? []).filter((r) => r.returned).length);
    const now = t.app.get(Clock).now().getTime();
    const overdue = obligations.filter((o) => o.state === 'open' && new Date(o.dueAt).getTime() <= now);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    const [{ rounds }] = await t.dataSource.query(
      `SELECT max(n)::int AS rounds FROM (SELECT COUNT(*) AS n FROM agreement_report r JOIN agreement a ON a.id = r."agreementId" WHERE a."eventId" = $1 GROUP BY r."obligationId") x`,
      [eventId],
    );
    expect(rounds).toBe(2);
    // Disbursements recorded through the reports are ledger entries of their agreements.
    const [{ n: disbursed }] = await t.dataSource.query(
      `SELECT COUNT(*)::int AS n FROM agreement_ledger_entry l JOIN agreement a ON a.id = l."agreementId" WHERE a."eventId" = $1 AND l.kind = 'disbursed'`,
      [eventId],
    );
    expect(disbursed).toBe(
      DEMO_AGREEMENTS.flatMap((a) => a.reports ?? [])
        .flatMap((r) => r.lines)
        .filter((l) => l.kind === 'disbursed').length,
    );

    const notices: { state: string; obligationId: string; title: string; createdAt: Date; acknowledgedAt: Date | null }[] = await t.dataSource.query(
      `SELECT n.state, n."obligationId", a.title, n."createdAt", n."acknowledgedAt" FROM supervision_notice n JOIN obligation o ON o.id = n."obligationId" JOIN agreement a ON a.id = o."subjectId"
        WHERE n."eventId" = $1`,
      [eventId],
    );
    expect(notices).toHaveLength(1);
    expect(notices[0].state).toBe(DEMO_SUPERVISION.acknowledged ? 'acknowledged' : 'issued');
    expect(notices[0].title).toBe(DEMO_AGREEMENTS.find((a) => a.key === DEMO_SUPERVISION.agreement)!.title);
    expect(overdue.map((o) => o.id)).toContain(notices[0].obligationId);
    // Issued in the past, acknowledged after it was issued.
    expect(new Date(notices[0].createdAt).getTime()).toBeLessThan(now);
    expect(new Date(notices[0].acknowledgedAt!).getTime()).toBeGreaterThan(new Date(notices[0].createdAt).getTime());

    // The sweep ran once: the bell has overdue marks and reminders for the owing organisations.
    const marks: { kind: string }[] = await t.dataSource.query(`SELECT kind FROM obligation_mark WHERE "eventId" = $1`, [eventId]);
    expect(marks.some((m) => m.kind === 'reminder')).toBe(true);
    const [{ n: bell }] = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM notification WHERE "eventId" = $1 AND kind = 'obligation.reminder'`, [
      eventId,
    ]);
    expect(bell).toBeGreaterThan(0);
  });

  it('has the departments, problems received, in progress and resolved, a liaison report and an urgent one, and a weekly summary', async () => {
    const [{ n: departments }] = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM event_department WHERE "eventId" = $1`, [eventId]);
    expect(departments).toBe(DEMO_DEPARTMENTS.length);
    const problems: { state: string; urgency: string; answer: string | null }[] = await t.dataSource.query(
      `SELECT state, urgency, answer FROM coordination_problem WHERE "eventId" = $1`,
      [eventId],
    );
    expect(problems).toHaveLength(DEMO_PROBLEMS.length);
    expect(new Set(problems.map((p) => p.state))).toEqual(new Set(['received', 'in_progress', 'resolved']));
    expect(problems.find((p) => p.state === 'resolved')!.answer).toBeTruthy();

    const liaison: { urgent: boolean; obligationId: string | null }[] = await t.dataSource.query(
      `SELECT urgent, "obligationId" FROM liaison_report WHERE "eventId" = $1`,
      [eventId],
    );
    expect(liaison.filter((r) => !r.urgent && r.obligationId)).toHaveLength(DEMO_LIAISON.filed.length);
    expect(liaison.filter((r) => r.urgent)).toHaveLength(1);

    const [{ n: summaries }] = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM weekly_summary WHERE "eventId" = $1`, [eventId]);
    expect(summaries).toBe(1);
  });

  it("has last month's statistics filed by most banks (one returned), the seed's rules published and a run waiting for approval", async () => {
    const forms: { state: string; n: number }[] = await t.dataSource.query(
      `SELECT state, COUNT(*)::int AS n FROM obligation WHERE "eventId" = $1 AND kind = 'statistics_filing' GROUP BY state ORDER BY state`,
      [eventId],
    );
    // Six banks, two guarantee institutions and the micro-loan company owe a form: four confirmed, one returned, four still open.
    expect(forms).toEqual([
      { state: 'accepted', n: 4 },
      { state: 'open', n: 4 },
      { state: 'returned', n: 1 },
    ]);
    const [run]: { state: string; institutions: number }[] = await t.dataSource.query(
      `SELECT r.state, r.institutions FROM reward_run r JOIN reward_period p ON p.id = r."periodId" WHERE p."eventId" = $1`,
      [eventId],
    );
    expect(run).toEqual({ state: 'computed', institutions: 4 });
    // ICBC: lending 48亿 against 40亿 (20%), 6亿 over the 5% line → 300万; first in small/micro growth (12亿) → 15万;
    // small/micro NPL 2.8%: 60% × 12亿 × 0.8% → 576万. Together 891万.
    const [icbc]: { amount: string }[] = await t.dataSource.query(
      `SELECT a.amount FROM reward_award a JOIN organisation o ON o.id = a."organisationId" WHERE o.name = '中国工商银行股份有限公司青海省分行'`,
    );
    expect(Number(icbc.amount)).toBe(8_910_000);
  });
});
