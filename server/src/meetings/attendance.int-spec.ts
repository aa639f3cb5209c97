import type { BoardTotalsUpdate, ClientToServerEvents, Meeting, MeetingChanged, MeetingStats, ServerToClientEvents } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { BoardQueryService } from '../board/board-query.service';
import { placeMeeting } from '../testing/meetings';
import { supplyListing, TestApp, type Actor } from '../testing/test-app';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('meeting attendance and figures (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let eventId: string;
  let sessionId: string;
  let a: Actor;
  let b: Actor;
  let c: Actor;
  const sockets: Client[] = [];

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const mark = (actor: Actor, id: string, status: unknown) => as(actor).post(`/meetings/${id}/attendance`, { status });
  const place = (slot: number | null, table: number | null, opts: { published?: boolean; status?: Meeting['status']; pair?: [Actor, Actor] } = {}) =>
    placeMeeting(t.dataSource, {
      eventId,
      sessionId,
      a: (opts.pair ?? [a, b])[0].organisationId,
      b: (opts.pair ?? [a, b])[1].organisationId,
      slot,
      table,
      published: opts.published,
      status: opts.status,
    });
  const audits = (id: string): Promise<{ actorUserId: string; at: Date; data: { from: string; to: string } }[]> =>
    t.dataSource.query(
      `SELECT "actorUserId", at, data FROM audit_record WHERE "entityType" = 'meeting' AND "entityId" = $1 AND action = 'meeting.attendance' ORDER BY id`,
      [id],
    );
  const connect = (token: string): Promise<Client> =>
    new Promise((resolve, reject) => {
      const socket: Client = io(t.url!, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    sessionId = (await t.session(organiser, eventId, 'building_materials', 'live')).id;
    // The session began an hour ago: slots 1–3 have started, slot 10 is two hours away.
    await t.dataSource.query(
      `UPDATE match_session SET "startsAt" = date_trunc('minute', now()) - interval '1 hour', "endsAt" = date_trunc('minute', now()) + interval '7 hours' WHERE id = $1`,
      [sessionId],
    );
    [a, b, c] = await Promise.all([t.organisation('construction_unit'), t.organisation('enterprise'), t.organisation('enterprise')]);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(() => t.close());

  it('marks a started meeting held, corrects it to no-show, and repeats harmlessly, audited with who and when', async () => {
    const m = await place(1, 1);
    const held: Meeting = (await mark(organiser, m.id, 'held').expect(200)).body;
    expect(held).toMatchObject({ id: m.id, status: 'held', version: 2, slot: 1, table: 1 });
    const again: Meeting = (await mark(organiser, m.id, 'held').expect(200)).body;
    expect(again).toMatchObject({ status: 'held', version: 2 });
    const noShow: Meeting = (await mark(organiser, m.id, 'no_show').expect(200)).body;
    expect(noShow).toMatchObject({ status: 'no_show', version: 3 });
    const rows = await audits(m.id);
    expect(rows.map((r) => [r.actorUserId, r.data.from, r.data.to])).toEqual([
      [organiser.userId, 'scheduled', 'held'],
      [organiser.userId, 'held', 'no_show'],
    ]);
    expect(Date.now() - new Date(rows[1].at).getTime()).toBeLessThan(60_000);
  });

  it('is for organisers only, even for the meeting’s own parties', async () => {
    const m = await place(2, 1);
    expect((await mark(a, m.id, 'held').expect(403)).body.code).toBe('forbidden');
    await mark(b, m.id, 'no_show').expect(403);
    await as(a).get(`/sessions/${sessionId}/meeting-stats`).expect(403);
    expect((await audits(m.id)).length).toBe(0);
  });

  it('names the field of bad input and answers 404 for an unknown meeting', async () => {
    const m = await place(5, 1);
    expect((await as(organiser).post(`/meetings/${m.id}/attendance`, {}).expect(400)).body.fields[0].field).toBe('status');
    expect((await mark(organiser, m.id, 'cancelled').expect(400)).body.fields[0].field).toBe('status');
    expect((await mark(organiser, m.id, 'scheduled').expect(400)).body.fields[0].field).toBe('status');
    expect((await as(organiser).post(`/meetings/${m.id}/attendance`, { status: 'held', extra: 1 }).expect(400)).body.fields[0].field).toBe('extra');
    expect((await mark(organiser, 'not-a-uuid', 'held').expect(400)).body.fields[0].field).toBe('id');
    await mark(organiser, randomUUID(), 'held').expect(404);
    expect((await as(organiser).get('/sessions/nope/meeting-stats').expect(400)).body.fields[0].field).toBe('id');
    await as(organiser).get(`/sessions/${randomUUID()}/meeting-stats`).expect(404);
  });

  it('refuses meetings not yet placed, published or started, and cancelled ones, saying which', async () => {
    const cases: [Promise<{ id: string }>, string, string][] = [
      [place(null, null), 'not_scheduled', 'id'],
      [place(3, 1, { published: false }), 'not_published', 'id'],
      [place(3, 2, { status: 'cancelled' }), 'meeting_cancelled', 'status'],
      [place(10, 1), 'slot_not_started', 'status'],
    ];
    for (const [made, code, field] of cases) {
      const m = await made;
      const res = await mark(organiser, m.id, 'held').expect(409);
      expect([res.body.code, res.body.fields[0].field]).toEqual([code, field]);
    }
  });

  it('counts a session’s meetings, and the board’s totals carry the scheduled and held ones', async () => {
    const session = (await t.session(organiser, eventId, 'upstream_downstream', 'live')).id;
    await t.dataSource.query(
      `UPDATE match_session SET "startsAt" = date_trunc('minute', now()) - interval '2 hours', "endsAt" = date_trunc('minute', now()) + interval '6 hours' WHERE id = $1`,
      [session],
    );
    const put = (slot: number | null, table: number | null, opts: { published?: boolean; status?: Meeting['status'] } = {}) =>
      placeMeeting(t.dataSource, { eventId, sessionId: session, a: a.organisationId, b: c.organisationId, slot, table, ...opts });
    const statsOf = async (): Promise<MeetingStats> => (await as(organiser).get(`/sessions/${session}/meeting-stats`).expect(200)).body;
    const empty = await statsOf();
    expect(empty).toEqual({ sessionId: session, total: 0, unscheduled: 0, scheduled: 0, published: 0, held: 0, noShow: 0, attendanceRate: null });

    const [one, two, three] = [await put(1, 1), await put(2, 1), await put(3, 1)];
    await put(4, 1, { published: false });
    await put(null, null);
    await put(null, null, { status: 'cancelled' });
    const totals = () => t.app.get(BoardQueryService).totals(session);
    expect(await totals()).toMatchObject({ meetingsScheduled: 3, meetingsHeld: 0 });

    // A board watcher and one of the parties hear of the change after it commits.
    const party = await connect(c.token);
    const watcher = await connect(a.token);
    const changed: MeetingChanged[] = [];
    const pushed: BoardTotalsUpdate[] = [];
    party.on('meeting:changed', (u) => void changed.push(u));
    watcher.on('board:totals', (u) => void pushed.push(u));
    const joined = await watcher.timeout(10_000).emitWithAck('board:join', { sessionId: session, lastSeq: null });
    if (!joined.ok || joined.mode !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(joined)}`);
    expect(joined.snapshot.totals).toMatchObject({ meetingsScheduled: 3, meetingsHeld: 0 });

    await mark(organiser, one.id, 'held').expect(200);
    await until(() => changed.length > 0 && pushed.some((p) => p.totals.meetingsHeld === 1), 'meeting:changed and fresh totals');
    expect(changed[0]).toEqual({ sessionId: session, meetingIds: [one.id] });
    expect(pushed.find((p) => p.totals.meetingsHeld === 1)!.totals).toMatchObject({ sessionId: session, meetingsScheduled: 3 });

    await mark(organiser, two.id, 'held').expect(200);
    await mark(organiser, three.id, 'no_show').expect(200);
    expect(await statsOf()).toEqual({ sessionId: session, total: 5, unscheduled: 1, scheduled: 4, published: 3, held: 2, noShow: 1, attendanceRate: 2 / 3 });
    expect(await totals()).toMatchObject({ meetingsScheduled: 3, meetingsHeld: 2 });

    // Publishing the last placed meeting answers with the same figures the stats endpoint gives.
    const afterPublish: MeetingStats = (await as(organiser).post(`/sessions/${session}/meetings/publish`).expect(200)).body;
    expect(afterPublish).toEqual({ sessionId: session, total: 5, unscheduled: 1, scheduled: 4, published: 4, held: 2, noShow: 1, attendanceRate: 2 / 3 });
    expect(await statsOf()).toEqual(afterPublish);
  });

  it('marks a meeting agreed and self-booked through the API once its slot has begun, and the parties’ agendas show it', async () => {
    const session = (await t.session(organiser, eventId, 'building_materials', 'live')).id;
    await t.dataSource.query(`UPDATE match_session SET "meetingMode" = 'self_booking' WHERE id = $1`, [session]);
    await t.participate(a, organiser, session, 'builder');
    await t.participate(c, organiser, session, 'producer');
    const listing = (await as(c).post(`/sessions/${session}/listings`, supplyListing()).expect(201)).body as { id: string };
    const request = (await as(a).post('/meeting-requests', { toListingId: listing.id, topic: '现场洽谈' }).expect(201)).body as { id: string };
    await as(c).post(`/meeting-requests/${request.id}/answer`, { accept: true }).expect(200);
    const [{ id }]: { id: string }[] = await t.dataSource.query(`SELECT id FROM meeting WHERE "requestId" = $1`, [request.id]);
    const booked: Meeting = (await as(a).post(`/meetings/${id}/book`, { slot: 2 }).expect(200)).body;
    expect(booked).toMatchObject({ status: 'scheduled', slot: 2, published: true });
    // Booked ahead of the day: too early to say whether it was held.
    expect((await mark(organiser, id, 'held').expect(409)).body.code).toBe('slot_not_started');
    const both = await Promise.all(
      [a, c].map(async (actor) => ((await as(actor).get(`/me/agenda?eventId=${eventId}`).expect(200)).body as Meeting[]).find((m) => m.id === id)),
    );
    expect(both.map((m) => [m?.slot, m?.table, m?.startsAt])).toEqual([
      [2, booked.table, booked.startsAt],
      [2, booked.table, booked.startsAt],
    ]);
    // The day comes: the session started 30 minutes ago, so slot 2 (from minute 20) has begun.
    await t.dataSource.query(
      `UPDATE match_session SET "startsAt" = date_trunc('minute', now()) - interval '30 minutes', "endsAt" = date_trunc('minute', now()) + interval '7 hours' WHERE id = $1`,
      [session],
    );
    expect((await mark(organiser, id, 'held').expect(200)).body).toMatchObject({ status: 'held', version: booked.version + 1 });
    expect(await t.app.get(BoardQueryService).totals(session)).toMatchObject({ meetingsScheduled: 1, meetingsHeld: 1 });
    expect((await as(organiser).get(`/sessions/${session}/meeting-stats`).expect(200)).body).toMatchObject({
      total: 1,
      scheduled: 1,
      published: 1,
      held: 1,
      attendanceRate: 1,
    });
  });
});
