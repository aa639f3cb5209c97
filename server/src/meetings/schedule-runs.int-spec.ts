import type { HalfWish, Meeting, MeetingStats, ScheduleRun } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { TestApp, type Actor } from '../testing/test-app';

// A short search: the scheduler stops at its budget or earlier at a proven optimum.
process.env.SCHEDULER_BUDGET_MS = '500';

const MORNING_SLOTS = 9;
const SLOTS = 24;

describe('scheduler runs (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let eventId: string;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });
  const session = async (tableCount: number, meetingMode: 'scheduled' | 'self_booking' = 'scheduled'): Promise<string> => {
    const id = (await t.session(organiser, eventId, 'building_materials', 'live')).id;
    await t.dataSource.query(`UPDATE match_session SET "meetingMode" = $2, "tableCount" = $3 WHERE id = $1`, [id, meetingMode, tableCount]);
    return id;
  };
  const meet = async (sessionId: string, a: string, b: string): Promise<string> =>
    (
      await t.dataSource.query(
        `INSERT INTO meeting ("eventId", "sessionId", "requestId", "organisationAId", "organisationBId", topic, "acceptedAt") VALUES ($1, $2, gen_random_uuid(), $3, $4, '洽谈', clock_timestamp()) RETURNING id`,
        [eventId, sessionId, a, b],
      )
    )[0].id;
  const wish = (sessionId: string, organisationId: string, unavailableSlots: number[], half: HalfWish) =>
    t.dataSource.query(
      `INSERT INTO meeting_availability ("sessionId", "organisationId", "unavailableSlots", half, "updatedByUserId") VALUES ($1, $2, $3, $4, $5)`,
      [sessionId, organisationId, unavailableSlots, half, organiser.userId],
    );
  const meetings = async (sessionId: string): Promise<Meeting[]> => (await as(organiser).get(`/sessions/${sessionId}/meetings`).expect(200)).body;

  /** Starts a run and waits for its end. */
  const run = async (sessionId: string, body: object = {}): Promise<ScheduleRun> => {
    const started: ScheduleRun = (await as(organiser).post(`/sessions/${sessionId}/schedule-runs`, body).expect(202)).body;
    expect(started).toMatchObject({ status: 'running', sessionId });
    for (let i = 0; i < 200; i++) {
      const latest: ScheduleRun = (await as(organiser).get(`/sessions/${sessionId}/schedule-runs/latest`).expect(200)).body;
      if (latest.status !== 'running') return latest;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the run did not finish');
  };

  /** No double booking, tables within the count, unavailable slots and half wishes kept, seats matching. */
  const expectValid = async (sessionId: string, tableCount: number, wishes: Map<string, { unavailable: number[]; half: HalfWish }>) => {
    const placed = (await meetings(sessionId)).filter((m) => m.slot !== null);
    const tables = new Set<string>();
    const seats = new Set<string>();
    for (const m of placed) {
      expect(m.slot).toBeGreaterThanOrEqual(1);
      expect(m.slot).toBeLessThanOrEqual(SLOTS);
      expect(m.table).toBeGreaterThanOrEqual(1);
      expect(m.table).toBeLessThanOrEqual(tableCount);
      expect(tables.has(`${m.slot}:${m.table}`)).toBe(false);
      tables.add(`${m.slot}:${m.table}`);
      for (const p of m.parties) {
        expect(seats.has(`${p.organisationId}:${m.slot}`)).toBe(false);
        seats.add(`${p.organisationId}:${m.slot}`);
        const w = wishes.get(p.organisationId);
        if (w && !m.pinned) {
          expect(w.unavailable).not.toContain(m.slot);
          if (w.half === 'morning') expect(m.slot).toBeLessThanOrEqual(MORNING_SLOTS);
          if (w.half === 'afternoon') expect(m.slot).toBeGreaterThan(MORNING_SLOTS);
        }
      }
    }
    const rows: { organisationId: string; slot: number; meetingId: string }[] = await t.dataSource.query(
      `SELECT "organisationId", slot, "meetingId" FROM meeting_seat WHERE "sessionId" = $1`,
      [sessionId],
    );
    expect(new Set(rows.map((r) => `${r.organisationId}:${r.slot}`))).toEqual(seats);
    for (const r of rows) expect(placed.find((m) => m.id === r.meetingId)?.slot).toBe(r.slot);
    return placed;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
  });
  afterAll(() => t.close());

  it('places a dozen meetings validly, keeps a pin, reports a half conflict, shows participants the plan only once published; a re-run keeps published meetings', async () => {
    const s = await session(3);
    const orgs = Array.from({ length: 6 }, () => randomUUID());
    const wishes = new Map<string, { unavailable: number[]; half: HalfWish }>([
      [orgs[0], { unavailable: [1, 2, 3, 12], half: 'any' }],
      [orgs[1], { unavailable: [], half: 'morning' }],
      [orgs[2], { unavailable: [10, 11], half: 'afternoon' }],
    ]);
    for (const [org, w] of wishes) await wish(s, org, w.unavailable, w.half);
    const pairs = [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [0, 5],
      [1, 3],
      [1, 4],
      [1, 5],
      [2, 3],
      [2, 4],
      [3, 4],
      [4, 5],
    ];
    const ids: string[] = [];
    for (const [a, b] of pairs) ids.push(await meet(s, orgs[a], orgs[b]));
    const conflicted = await meet(s, orgs[1], orgs[2]);
    const pinned: Meeting = (await as(organiser).post(`/meetings/${ids[11]}/pin`, { slot: 20, table: 3 }).expect(200)).body;
    expect(pinned).toMatchObject({ slot: 20, table: 3 });

    const done = await run(s);
    expect(done).toMatchObject({
      status: 'done',
      phase: 'done',
      fraction: 1,
      scheduled: 12,
      unscheduled: [{ meetingId: conflicted, reason: 'half_conflict' }],
      error: null,
      startedByName: expect.any(String),
    });
    expect(done.breaks).toEqual(expect.any(Number));
    const placed = await expectValid(s, 3, wishes);
    expect(placed.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(placed.find((m) => m.id === ids[11])).toMatchObject({ slot: 20, table: 3, pinned: true });
    expect(placed.every((m) => !m.published && m.status === 'scheduled')).toBe(true);
    expect((await meetings(s)).find((m) => m.id === conflicted)).toMatchObject({ status: 'unscheduled', slot: null, unscheduledReason: 'half_conflict' });

    const party = await t.organisation('enterprise');
    const own = await meet(s, party.organisationId, orgs[5]);
    await t.dataSource.query(`UPDATE meeting SET slot = 24, "tableNo" = 1, status = 'scheduled' WHERE id = $1`, [own]);
    const seen: Meeting[] = (await as(party).get(`/sessions/${s}/meetings`).expect(200)).body;
    expect(seen).toEqual([expect.objectContaining({ id: own, status: 'unscheduled', slot: null, table: null, startsAt: null })]);
    await t.dataSource.query(`DELETE FROM meeting WHERE id = $1`, [own]);

    const stats: MeetingStats = (await as(organiser).post(`/sessions/${s}/meetings/publish`).expect(200)).body;
    expect(stats).toMatchObject({ total: 13, scheduled: 12, unscheduled: 1, published: 12 });
    const published = new Map((await meetings(s)).filter((m) => m.published).map((m) => [m.id, [m.slot, m.table]]));
    expect(published.size).toBe(12);

    // More meetings agreed after publishing: a re-run places them around the published ones.
    const added = [await meet(s, orgs[3], orgs[5]), await meet(s, orgs[2], orgs[5]), await meet(s, orgs[0], orgs[1])];
    const again = await run(s);
    expect(again).toMatchObject({ status: 'done', scheduled: 15 });
    const after = await expectValid(s, 3, wishes);
    for (const [id, place] of published) expect(after.find((m) => m.id === id)).toMatchObject({ slot: place[0], table: place[1], published: true });
    expect(after.filter((m) => added.includes(m.id)).every((m) => !m.published)).toBe(true);

    // Allowed to move published meetings, the run still gives a valid plan and keeps the pin.
    const moved = await run(s, { allowMoves: true });
    expect(moved).toMatchObject({ status: 'done', allowMoves: true, scheduled: 15 });
    expect((await expectValid(s, 3, wishes)).find((m) => m.id === ids[11])).toMatchObject({ slot: 20, table: 3 });
    const audit = await t.dataSource.query(`SELECT action FROM audit_record WHERE "entityId" = $1`, [moved.id]);
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual(['schedule_run.applied', 'schedule_run.started']);
  });

  it('refuses to publish a plan that a later availability change contradicts; a new run fits the change', async () => {
    const s = await session(2);
    const orgs = Array.from({ length: 3 }, () => randomUUID());
    const ids = [await meet(s, orgs[0], orgs[1]), await meet(s, orgs[0], orgs[2]), await meet(s, orgs[1], orgs[2])];
    expect(await run(s)).toMatchObject({ status: 'done', scheduled: 3 });
    const slot = (await meetings(s)).find((m) => m.id === ids[0])!.slot!;
    // After the run, a party of the first meeting can no longer make its slot (drafts do not stop the change).
    await wish(s, orgs[1], [slot], 'any');
    const refused = await as(organiser).post(`/sessions/${s}/meetings/publish`).expect(409);
    expect(refused.body).toMatchObject({ code: 'plan_outdated', fields: [{ field: 'meetings', messages: [`洽谈: slot ${slot}`] }] });
    expect((await meetings(s)).every((m) => !m.published)).toBe(true);
    // A half-day wish the plan no longer meets is refused the same way.
    await t.dataSource.query(`UPDATE meeting_availability SET "unavailableSlots" = '{}', half = $3 WHERE "sessionId" = $1 AND "organisationId" = $2`, [
      s,
      orgs[1],
      slot <= MORNING_SLOTS ? 'afternoon' : 'morning',
    ]);
    expect((await as(organiser).post(`/sessions/${s}/meetings/publish`).expect(409)).body.code).toBe('plan_outdated');

    await t.dataSource.query(`UPDATE meeting_availability SET "unavailableSlots" = $3, half = 'any' WHERE "sessionId" = $1 AND "organisationId" = $2`, [
      s,
      orgs[1],
      [slot],
    ]);
    expect(await run(s)).toMatchObject({ status: 'done', scheduled: 3 });
    const stats: MeetingStats = (await as(organiser).post(`/sessions/${s}/meetings/publish`).expect(200)).body;
    expect(stats).toMatchObject({ scheduled: 3, published: 3 });
    const moved = (await meetings(s)).filter((m) => m.parties.some((p) => p.organisationId === orgs[1]));
    expect(moved.map((m) => m.slot)).not.toContain(slot);
  });

  it('runs one at a time per session; a run left behind by a dead process is failed when a new one is asked', async () => {
    const s = await session(2);
    const m = await meet(s, randomUUID(), randomUUID());
    const [left] = await t.dataSource.query(`INSERT INTO schedule_run ("sessionId", "startedByUserId") VALUES ($1, $2) RETURNING id`, [s, organiser.userId]);
    const second = await as(organiser).post(`/sessions/${s}/schedule-runs`).expect(409);
    expect(second.body).toMatchObject({ code: 'run_in_progress', fields: [{ field: 'sessionId' }] });
    expect((await as(organiser).post(`/meetings/${m}/pin`, { slot: 1 }).expect(409)).body.code).toBe('schedule_running');
    expect((await as(organiser).post(`/sessions/${s}/meetings/publish`).expect(409)).body.code).toBe('schedule_running');
    await t.dataSource.query(`UPDATE schedule_run SET "startedAt" = now() - interval '1 hour' WHERE id = $1`, [left.id]);
    const next = await run(s);
    expect(next).toMatchObject({ status: 'done', scheduled: 1 });
    const [old] = await t.dataSource.query(`SELECT status, error FROM schedule_run WHERE id = $1`, [left.id]);
    expect(old).toEqual({ status: 'failed', error: expect.stringContaining('stopped') });
  });

  it('ends a run that crashes as failed, with the error, and leaves the meetings as they were', async () => {
    const s = await session(2);
    const same = randomUUID();
    const broken = await meet(s, same, same);
    const failed = await run(s);
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('two different participants'), finishedAt: expect.any(String) });
    expect((await meetings(s)).find((m) => m.id === broken)).toMatchObject({ status: 'unscheduled', slot: null });
    await t.dataSource.query(`DELETE FROM meeting WHERE id = $1`, [broken]);
    await meet(s, randomUUID(), randomUUID());
    expect(await run(s)).toMatchObject({ status: 'done', scheduled: 1 });
  });

  it('is for organisers of scheduled sessions only', async () => {
    const booking = await session(2, 'self_booking');
    expect((await as(organiser).post(`/sessions/${booking}/schedule-runs`).expect(409)).body.code).toBe('self_booking_session');
    const s = await session(2);
    await as(organiser).get(`/sessions/${s}/schedule-runs/latest`).expect(404);
    const participant = await t.organisation('enterprise');
    await as(participant).post(`/sessions/${s}/schedule-runs`).expect(403);
    await t.dataSource.query(`UPDATE match_session SET "slotMinutes" = 5 WHERE id = $1`, [s]);
    const tooMany = await as(organiser).post(`/sessions/${s}/schedule-runs`).expect(400);
    expect(tooMany.body).toMatchObject({ fields: [{ field: 'slotMinutes' }] });
    expect(tooMany.body.message).toContain('96 slots of 5 minutes');
  });
});
