import type { ClientToServerEvents, MeetingChanged, ScheduleRun, ServerToClientEvents } from '@duijie/shared';
import { io, type Socket } from 'socket.io-client';
import { TestApp, type Actor } from '../testing/test-app';

process.env.SCHEDULER_BUDGET_MS = '500';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('meeting pushes (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let eventId: string;
  let parties: Actor[];
  let outsider: Actor;
  const sockets: Client[] = [];

  const connect = async (actor: Actor): Promise<Client> => {
    const socket: Client = io(t.url!, { auth: { token: actor.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };
  const until = async (done: () => boolean) => {
    const deadline = Date.now() + 10_000;
    while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  };
  const session = async (meetingMode: 'scheduled' | 'self_booking'): Promise<string> => {
    const id = (await t.session(organiser, eventId, 'building_materials', 'live')).id;
    await t.dataSource.query(`UPDATE match_session SET "meetingMode" = $2 WHERE id = $1`, [id, meetingMode]);
    return id;
  };
  const meet = async (sessionId: string, a: Actor, b: Actor): Promise<string> =>
    (
      await t.dataSource.query(
        `INSERT INTO meeting ("eventId", "sessionId", "requestId", "organisationAId", "organisationBId", topic, "acceptedAt") VALUES ($1, $2, gen_random_uuid(), $3, $4, '洽谈', now()) RETURNING id`,
        [eventId, sessionId, a.organisationId, b.organisationId],
      )
    )[0].id;

  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    [outsider, ...parties] = await Promise.all([
      t.organisation('enterprise'),
      t.organisation('enterprise'),
      t.organisation('enterprise'),
      t.organisation('enterprise'),
    ]);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  it('tells both parties and the organisers of a booking, and nobody else; the board counts it', async () => {
    const s = await session('self_booking');
    const m = await meet(s, parties[0], parties[1]);
    const heard = new Map<string, MeetingChanged[]>();
    for (const [name, actor] of [
      ['a', parties[0]],
      ['b', parties[1]],
      ['organiser', organiser],
      ['outsider', outsider],
    ] as const) {
      const socket = await connect(actor);
      heard.set(name, []);
      socket.on('meeting:changed', (u) => heard.get(name)!.push(u));
    }
    // The session's board counts the booked meeting at once.
    const board = await connect(organiser);
    const totals: number[] = [];
    board.on('board:totals', (u) => u.sessionId === s && totals.push(u.totals.meetingsScheduled));
    const joined = await new Promise<{ ok: boolean }>((resolve) => board.emit('board:join', { sessionId: s, lastSeq: null }, resolve));
    expect(joined.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 600)); // totals pushes still due from setting the session up have gone
    totals.length = 0;
    await t.http.post(`/api/meetings/${m}/book`).auth(parties[0].token, { type: 'bearer' }).send({ slot: 4 }).expect(200);
    await until(() => ['a', 'b', 'organiser'].every((n) => heard.get(n)!.length > 0) && totals.includes(1));
    for (const n of ['a', 'b', 'organiser']) expect(heard.get(n)).toEqual([{ sessionId: s, meetingIds: [m] }]);
    expect(heard.get('outsider')).toEqual([]);
    expect(totals.at(-1)).toBe(1);
  });

  it('streams a run’s progress to the organisers and tells each party of its own scheduled meetings', async () => {
    const s = await session('scheduled');
    const ab = await meet(s, parties[0], parties[1]);
    const bc = await meet(s, parties[1], parties[2]);
    const runs: ScheduleRun[] = [];
    const changes: MeetingChanged[] = [];
    const forA: MeetingChanged[] = [];
    const boss = await connect(organiser);
    boss.on('schedule:progress', (r) => runs.push(r));
    boss.on('meeting:changed', (u) => changes.push(u));
    (await connect(parties[0])).on('meeting:changed', (u) => forA.push(u));
    const started = await t.http.post(`/api/sessions/${s}/schedule-runs`).auth(organiser.token, { type: 'bearer' }).send({}).expect(202);
    await until(() => runs.some((r) => r.id === started.body.id && r.status === 'done') && forA.length > 0);
    const ofRun = runs.filter((r) => r.id === started.body.id);
    expect(ofRun[0]).toMatchObject({ status: 'running' });
    expect(ofRun.at(-1)).toMatchObject({ status: 'done', fraction: 1, scheduled: 2 });
    expect(ofRun.map((r) => r.fraction)).toEqual([...ofRun.map((r) => r.fraction)].sort((x, y) => x - y));
    expect(changes.find((c) => c.sessionId === s)?.meetingIds.sort()).toEqual([ab, bc].sort());
    expect(forA).toEqual([{ sessionId: s, meetingIds: [ab] }]);
  });
});
