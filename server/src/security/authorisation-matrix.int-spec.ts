// The authorisation matrix: every route of the running app × seven kinds of caller, checked
// against the declared policy (authorisation-policy.ts), plus socket joins and rooms.
// Writes are sent with an empty body (or, where a route checks ownership only after the body,
// a well-formed one that cannot take effect): an allowed caller may get 400/404/409 but never
// 401/403; a refused one must get 401/403/404.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@duijie/shared';
import { rooms } from '@duijie/shared';
import { BoardGateway } from '../board/board.gateway';
import { placeMeeting } from '../testing/meetings';
import { routeTable, type Route } from '../testing/route-table';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';
import { PRINCIPALS, POLICY, ROOM_POLICY, SOCKET_POLICY, type Fixture, type PrincipalKind } from './authorisation-policy';

/** Codes by which a route refuses the caller (rather than the request's state or content). */
const REFUSALS = new Set(['unauthorized', 'forbidden', 'organisation_not_approved']);

type Outcome = { route: string; principal: PrincipalKind; allowed: boolean; status: number; code: string | undefined; violation: string | null };

function judge(allowed: boolean, status: number, code: string | undefined): string | null {
  if (status >= 500) return `server error ${status}`;
  if (allowed) {
    if (status === 401 || (status === 403 && (code === undefined || REFUSALS.has(code)))) return `allowed caller refused (${status} ${code ?? ''})`;
    return null;
  }
  if (status === 401 || status === 403 || status === 404) return null;
  return `refused caller got ${status}${code ? ` ${code}` : ''}`;
}

describe('authorisation matrix (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let enterprise: Actor;
  let bank: Actor;
  let other: Actor;
  let pending: Actor;
  let screenToken: string;
  const fixtures = {} as Record<Fixture, string>;
  const sockets: Socket[] = [];

  const as = (actor: Actor) => ({
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });

  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
    organiser = await t.organiser();
    const event = await t.event(organiser);
    const session = await t.session(organiser, event.id, 'bank_enterprise', 'live');
    [enterprise, bank, other, pending] = await Promise.all([
      t.organisation('enterprise'),
      t.organisation('bank'),
      t.organisation('enterprise'),
      t.organisation('enterprise', { approve: false }),
    ]);
    const spare = await t.organisation('enterprise', { approve: false });
    await t.participate(enterprise, organiser, session.id, 'borrower');
    await t.participate(bank, organiser, session.id, 'lender');
    await t.participate(other, organiser, session.id, 'borrower');
    const listingA = (
      await as(enterprise)
        .post(`/sessions/${session.id}/listings`, {
          type: 'financing_need',
          title: '技改贷款',
          financing: { amount: 30_000_000, termMonths: 24, purpose: 'technical_upgrade', collateral: '设备', guaranteeNeeded: false },
        })
        .expect(201)
    ).body.id;
    const listingB = (
      await as(bank)
        .post(`/sessions/${session.id}/listings`, {
          type: 'credit_offer',
          title: '抵押经营贷',
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
    const agreement = (
      await as(enterprise)
        .post(`/sessions/${session.id}/agreements`, {
          kind: 'loan',
          title: '技改项目贷款合同',
          amount: 80_000_000,
          termMonths: 36,
          keyTerms: '按季付息',
          parties: [
            { organisationId: enterprise.organisationId, role: 'borrower' },
            { organisationId: bank.organisationId, role: 'lender' },
          ],
        })
        .expect(201)
    ).body.id;
    const request = (await as(enterprise).post('/meeting-requests', { toListingId: listingB, fromListingId: listingA, topic: '洽谈技改贷款' }).expect(201)).body
      .id;
    const application = (await as(enterprise).post(`/listings/${listingB}/applications`, { needListingId: listingA }).expect(201)).body.id;
    const meeting = await placeMeeting(t.dataSource, {
      eventId: event.id,
      sessionId: session.id,
      a: enterprise.organisationId,
      b: bank.organisationId,
      slot: null,
      table: null,
    });
    const [participation] = await t.dataSource.query(`SELECT id FROM participation WHERE "sessionId" = $1 AND "organisationId" = $2`, [
      session.id,
      enterprise.organisationId,
    ]);
    // A report A owes about the A–B agreement (as a schedule would owe it), for the follow-up routes.
    const [obligation] = await t.dataSource.query(
      `INSERT INTO obligation (kind, "eventId", "sessionId", "organisationId", "subjectType", "subjectId", "subjectTitle", step, seq, "dueOn", "dueAt")
       VALUES ('agreement_report', $1, $2, $3, 'agreement', $4, '技改项目贷款合同', 'progress', 1, '2026-12-31', '2026-12-31T16:00:00Z') RETURNING id`,
      [event.id, session.id, enterprise.organisationId, agreement],
    );
    // An evidence file A attached to that report, for the evidence routes.
    const evidence = (
      await t.http
        .post(`/api/obligations/${obligation.id}/evidence`)
        .auth(enterprise.token, { type: 'bearer' })
        .attach('file', Buffer.from('%PDF-1.4\n%矩阵\n'), { filename: 'matrix.pdf', contentType: 'application/pdf' })
        .expect(201)
    ).body.id;
    // A notification of A's user, for the read route.
    const [notification] = await t.dataSource.query(
      `INSERT INTO notification ("userId", kind, "eventId", params, link) VALUES ($1, 'obligation.owed', $2, '{"title":"矩阵"}', '/my/todo') RETURNING id`,
      [enterprise.userId, event.id],
    );
    // A supervision notice on that report, and a published notice of criticism naming A, for the ladder's routes.
    const [supervisionNotice] = await t.dataSource.query(
      `INSERT INTO supervision_notice ("eventId", "obligationId", "organisationId", "issuedByUserId", "deadlineOn", "deadlineAt")
       VALUES ($1, $2, $3, $4, '2026-12-31', '2026-12-31T16:00:00Z') RETURNING id`,
      [event.id, obligation.id, enterprise.organisationId, organiser.userId],
    );
    const [criticismNotice] = await t.dataSource.query(
      `INSERT INTO criticism_notice ("eventId", title, body, "publishedByUserId", "publishedAt") VALUES ($1, '矩阵通报', '矩阵测试', $2, now()) RETURNING id`,
      [event.id, organiser.userId],
    );
    await t.dataSource.query(`INSERT INTO criticism_entry ("noticeId", "organisationId", "obligationIds") VALUES ($1, $2, ARRAY[$3]::uuid[])`, [
      criticismNotice.id,
      enterprise.organisationId,
      obligation.id,
    ]);
    // A survey of the event sent to A (free questions only), for the survey routes.
    const survey = (
      await as(organiser).post(`/events/${event.id}/surveys`, { title: '矩阵摸底', listingType: null, questions: [], deadlineWorkingDays: 5 }).expect(201)
    ).body.id;
    await as(organiser)
      .post(`/surveys/${survey}/send`, { organisationIds: [enterprise.organisationId] })
      .expect(200);
    const [surveyResponse] = await t.dataSource.query(`SELECT id FROM survey_response WHERE "surveyId" = $1`, [survey]);
    // A problem A raised in the event, and A designated a key enterprise (its liaison files urgent reports).
    const problem = (
      await as(enterprise).post(`/events/${event.id}/problems`, { category: 'power', urgency: 'normal', title: '矩阵问题', description: '矩阵' }).expect(201)
    ).body.id;
    await t.http
      .put(`/api/events/${event.id}/liaisons/${enterprise.organisationId}`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ userId: enterprise.userId, cadence: 'monthly' })
      .expect(200);
    const screenLink = (await as(organiser).post(`/events/${event.id}/screen-links`, { label: '撤销用' }).expect(201)).body.id;
    // A published producers' directory of the session (no entries), for the directory routes.
    const [directory] = await t.dataSource.query(
      `INSERT INTO producer_directory ("eventId", "sessionId", title, status, "compiledAt", "publishedAt", "publishedByUserId", "createdByUserId")
       VALUES ($1, $2, '矩阵名录', 'published', now(), now(), $3, $3) RETURNING id`,
      [event.id, session.id, organiser.userId],
    );
    screenToken = (await as(organiser).post(`/events/${event.id}/screen-links`, { label: '矩阵大屏' }).expect(201)).body.token;
    // A published summary table of the event, for its participants' downloads.
    await t.dataSource.query(`INSERT INTO event_summary_publication ("eventId", version, "publishedByUserId", "publishedAt") VALUES ($1, 1, $2, now())`, [
      event.id,
      organiser.userId,
    ]);
    // A briefing of the event (its PDF stored), for the briefing routes.
    const briefing = (await as(organiser).post(`/events/${event.id}/briefings`).expect(201)).body.id;
    // A reporting period of the event, a draft reward program and a computed run of it (A's award at 0), for the rewards routes.
    const [rewardPeriod] = await t.dataSource.query(
      `INSERT INTO reward_period ("eventId", name, "startsOn", "endsOn", cadence, "dueOn", classes, "createdByUserId")
       VALUES ($1, '矩阵统计期', '2026-10-01', '2026-12-31', 'quarterly', '2027-01-15', ARRAY['bank','enterprise'], $2) RETURNING id`,
      [event.id, organiser.userId],
    );
    const [rewardProgram] = await t.dataSource.query(
      `INSERT INTO reward_program ("eventId", lineage, "versionNo", name, state, content, "createdByUserId", version)
       VALUES ($1, gen_random_uuid(), 1, '矩阵办法', 'draft', '{"rules":[],"schemes":[]}', $2, 1) RETURNING id`,
      [event.id, organiser.userId],
    );
    const [rewardRun] = await t.dataSource.query(
      `INSERT INTO reward_run ("eventId", "periodId", "programId", seq, state, institutions, unconfirmed, late, totals, changes, "computedAt", "computedByUserId", version)
       VALUES ($1, $2, $3, 1, 'computed', 1, '[]', '[]', '{"total":0,"byRule":{},"byClass":{}}', '[]', now(), $4, 1) RETURNING id`,
      [event.id, rewardPeriod.id, rewardProgram.id, organiser.userId],
    );
    await t.dataSource.query(
      `INSERT INTO reward_award ("runId", "organisationId", class, amount, outcomes, scores) VALUES ($1, $2, 'enterprise', 0, '[]', '[]')`,
      [rewardRun.id, enterprise.organisationId],
    );
    // A reporting period whose enterprise form A owes (opened again through the API: owed to the participants), for the statistics routes.
    await t.dataSource.query(
      `INSERT INTO reward_period ("eventId", name, "startsOn", "endsOn", cadence, "dueOn", classes, "createdByUserId")
       VALUES ($1, '矩阵报表期', '2026-10-01', '2026-12-31', 'quarterly', '2099-12-31', ARRAY['enterprise'], $2)`,
      [event.id, organiser.userId],
    );
    await as(organiser)
      .post(`/events/${event.id}/reward-periods`, {
        name: '矩阵报表期',
        startsOn: '2026-10-01',
        endsOn: '2026-12-31',
        cadence: 'quarterly',
        dueOn: '2099-12-31',
        classes: ['enterprise'],
      })
      .expect(201);
    const [statisticsForm] = await t.dataSource.query(
      `SELECT f."obligationId" FROM statistics_form f JOIN reward_period p ON p.id = f."periodId" WHERE p."eventId" = $1 AND p.name = '矩阵报表期' AND f."organisationId" = $2`,
      [event.id, enterprise.organisationId],
    );
    Object.assign(fixtures, {
      event: event.id,
      session: session.id,
      listingA,
      listingB,
      agreementAB: agreement,
      meetingRequestAB: request,
      meetingAB: meeting.id,
      applicationAB: application,
      obligationA: obligation.id,
      evidenceA: evidence,
      problemA: problem,
      surveyE: survey,
      surveyResponseA: surveyResponse.id,
      supervisionNoticeA: supervisionNotice.id,
      criticismNotice: criticismNotice.id,
      notificationA: notification.id,
      participationA: participation.id,
      orgA: enterprise.organisationId,
      userA: enterprise.userId,
      orgSpare: spare.organisationId,
      screenLink,
      unknownId: randomUUID(),
      unknownToken: 'no-such-invitation-token',
      directory: directory.id,
      briefing,
      rewardPeriod: rewardPeriod.id,
      rewardProgram: rewardProgram.id,
      rewardRun: rewardRun.id,
      statisticsFormA: statisticsForm.obligationId,
    } satisfies Record<Fixture, string>);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(() => t.close());

  const bearer = (principal: PrincipalKind): string | null =>
    ({
      anonymous: null,
      screen: screenToken,
      pending: pending.token,
      enterprise: enterprise.token,
      bank: bank.token,
      other: other.token,
      organiser: organiser.token,
    })[principal];

  // Logging out ends the login it is sent with: each caller logs out a login of its own.
  const freshLogin = async (principal: PrincipalKind): Promise<string | null> => {
    const actor = { pending, enterprise, bank, other }[principal as 'pending'];
    if (principal === 'organiser') return (await t.organiser()).token;
    return actor ? (await t.login(actor.email, PASSWORD)).token : bearer(principal);
  };

  const send = async (route: Route, principal: PrincipalKind) => {
    const rule = POLICY[route.key];
    let path = route.path;
    for (const param of route.params) {
      const fixture = rule.params?.[param];
      if (!fixture) throw new Error(`${route.key}: the policy names no fixture for :${param}`);
      path = path.replace(`:${param}`, fixtures[fixture]);
    }
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = t.http[method](path);
    const token = route.key === 'POST /api/auth/logout' ? await freshLogin(principal) : bearer(principal);
    if (token) req = req.auth(token, { type: 'bearer' });
    return method === 'get' ? req : req.send(rule.body?.(fixtures) ?? {});
  };

  it('declares a policy for every route, and none for a route that no longer exists', () => {
    const keys = routeTable(t.app).map((r) => r.key);
    expect(keys.filter((k) => !(k in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('lets through exactly whom the policy allows on every route (0 violations)', async () => {
    const routes = routeTable(t.app).filter((r) => r.key in POLICY);
    const outcomes: Outcome[] = [];
    // Refused callers first, then allowed ones, organisers last: a write that succeeds changes
    // only what later, allowed, requests see.
    const order = (route: Route) =>
      [...PRINCIPALS].sort(
        (a, b) =>
          Number(POLICY[route.key].allow.includes(a)) - Number(POLICY[route.key].allow.includes(b)) || (a === 'organiser' ? 1 : b === 'organiser' ? -1 : 0),
      );
    for (const route of routes) {
      for (const principal of order(route)) {
        const allowed = POLICY[route.key].allow.includes(principal);
        const res = await send(route, principal);
        const code = typeof res.body === 'object' && res.body !== null ? (res.body as { code?: string }).code : undefined;
        outcomes.push({ route: route.key, principal, allowed, status: res.status, code, violation: judge(allowed, res.status, code) });
      }
    }
    const violations = outcomes.filter((o) => o.violation);
    const width = Math.max(...routes.map((r) => r.key.length));
    const lines = [
      `authorisation matrix: ${routes.length} routes × ${PRINCIPALS.length} principals = ${outcomes.length} requests, ${violations.length} violations`,
      `${'route'.padEnd(width)}  ${PRINCIPALS.map((p) => p.slice(0, 9).padEnd(9)).join(' ')}`,
      ...routes.map(
        (r) =>
          `${r.key.padEnd(width)}  ${PRINCIPALS.map((p) => {
            const o = outcomes.find((x) => x.route === r.key && x.principal === p)!;
            return `${o.allowed ? '+' : '-'}${o.status}${o.violation ? '!' : ''}`.padEnd(9);
          }).join(' ')}`,
      ),
      '(+ allowed by the policy, - refused; the status received; ! a violation)',
      ...violations.map((v) => `VIOLATION ${v.route} as ${v.principal}: ${v.violation}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(violations.map((v) => `${v.route} as ${v.principal}: ${v.violation}`)).toEqual([]);
  });

  it('lets sockets connect, join boards and ceremonies, and sit in rooms only as the policy says', async () => {
    type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
    const gateway = t.app.get(BoardGateway);
    const users: Record<PrincipalKind, string | null> = {
      anonymous: null,
      screen: null,
      pending: pending.userId,
      enterprise: enterprise.userId,
      bank: bank.userId,
      other: other.userId,
      organiser: organiser.userId,
    };
    const own: Record<PrincipalKind, string | null> = {
      anonymous: null,
      screen: null,
      pending: pending.organisationId,
      enterprise: enterprise.organisationId,
      bank: bank.organisationId,
      other: other.organisationId,
      organiser: organiser.organisationId,
    };
    const problems: string[] = [];
    const rows: string[] = [];
    for (const principal of PRINCIPALS) {
      const token = bearer(principal);
      const auth = principal === 'screen' ? { screenToken: token! } : token ? { token } : {};
      const socket: Client = io(t.url!, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const connected = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      const result: Record<string, boolean> = { connect: connected, 'board:join': false, 'ceremony:join': false };
      if (connected) {
        result['board:join'] = (await socket.timeout(10_000).emitWithAck('board:join', { sessionId: fixtures.session, lastSeq: null })).ok;
        result['ceremony:join'] = (await socket.timeout(10_000).emitWithAck('ceremony:join', { eventId: fixtures.event })).ok;
      }
      for (const [what, allowed] of Object.entries(SOCKET_POLICY)) {
        if (result[what] !== allowed.includes(principal)) problems.push(`${principal} ${what}: ${result[what] ? 'passed' : 'refused'}`);
      }
      // The private rooms it is in, read on the server.
      const inRooms = connected ? [...((await gateway.server.in(socket.id!).fetchSockets())[0]?.rooms ?? [])] : [];
      const kinds = inRooms.flatMap((room) => {
        if (room === socket.id || room.startsWith('session:') || room.startsWith('screen:')) return [];
        // Its own user and login rooms, by which revocations close it.
        if ((users[principal] && room === rooms.user(users[principal])) || room.startsWith(rooms.authSession(''))) return [];
        if (room === rooms.organisers) return ['organisers'];
        if (room === rooms.event(fixtures.event)) return ['event'];
        if (own[principal] && room === rooms.organisation(own[principal])) return ['own-org'];
        return [`foreign ${room}`];
      });
      const expected = [...ROOM_POLICY[principal]];
      // Joining the ceremony puts members in the event room too: public figures.
      if (result['ceremony:join'] && !expected.includes('event')) expected.push('event');
      if ([...kinds].sort().join() !== [...expected].sort().join())
        problems.push(`${principal} rooms: ${kinds.join(', ') || 'none'}, expected ${expected.join(', ') || 'none'}`);
      rows.push(
        `${principal.padEnd(10)} ${Object.entries(result)
          .map(([k, v]) => `${k} ${v ? 'yes' : 'no'}`)
          .join(', ')}; rooms: ${kinds.join(', ') || 'none'}`,
      );
      socket.disconnect();
    }
    process.stdout.write(`socket matrix (${PRINCIPALS.length} principals × 3 steps + rooms), ${problems.length} violations\n${rows.join('\n')}\n`);
    expect(problems).toEqual([]);
  });
});
