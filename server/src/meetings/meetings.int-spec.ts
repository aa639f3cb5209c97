import { MAX_SESSION_SLOTS, type Availability, type FreeSlot, type Meeting, type MeetingSlot } from '@duijie/shared';
import { TestApp, type Actor } from '../testing/test-app';

describe('meetings (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let eventId: string;
  let hub: Actor;
  let others: Actor[];

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
    put: (path: string, body: object = {}) => t.http.put(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });

  /** A live session, 09:00–17:00 Beijing in 20-minute slots (9 morning, 15 afternoon). */
  const session = async (meetingMode: 'scheduled' | 'self_booking', tableCount = 12): Promise<string> => {
    const id = (await t.session(organiser, eventId, 'building_materials', 'live')).id;
    await t.dataSource.query(`UPDATE match_session SET "meetingMode" = $2, "tableCount" = $3 WHERE id = $1`, [id, meetingMode, tableCount]);
    return id;
  };
  /** An accepted meeting, straight into the table (the request path is proven in meeting-requests.int-spec). */
  const meet = async (sessionId: string, a: Actor, b: Actor): Promise<string> =>
    (
      await t.dataSource.query(
        `INSERT INTO meeting ("eventId", "sessionId", "requestId", "organisationAId", "organisationBId", topic, "acceptedAt") VALUES ($1, $2, gen_random_uuid(), $3, $4, '洽谈', now()) RETURNING id`,
        [eventId, sessionId, a.organisationId, b.organisationId],
      )
    )[0].id;
  const seats = async (sessionId: string, organisationId: string, slot: number) =>
    (await t.dataSource.query(`SELECT "meetingId" FROM meeting_seat WHERE "sessionId" = $1 AND "organisationId" = $2 AND slot = $3`, [
      sessionId,
      organisationId,
      slot,
    ])) as { meetingId: string }[];

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    [hub, ...others] = await Promise.all(Array.from({ length: 11 }, () => t.organisation('enterprise')));
  });
  afterAll(() => t.close());

  it('lists the slots, every meeting to organisers and only their own to participants', async () => {
    const s = await session('self_booking');
    const slots: MeetingSlot[] = (await as(hub).get(`/sessions/${s}/slots`).expect(200)).body;
    expect(slots).toHaveLength(24);
    expect(slots[0]).toEqual({ slot: 1, startsAt: '2026-12-10T01:00:00.000Z', endsAt: '2026-12-10T01:20:00.000Z', half: 'morning' });
    expect(slots.filter((x) => x.half === 'morning')).toHaveLength(9);
    const mine = await meet(s, hub, others[0]);
    const theirs = await meet(s, others[1], others[2]);
    const all: Meeting[] = (await as(organiser).get(`/sessions/${s}/meetings`).expect(200)).body;
    expect(all.map((m) => m.id).sort()).toEqual([mine, theirs].sort());
    const own: Meeting[] = (await as(hub).get(`/sessions/${s}/meetings`).expect(200)).body;
    expect(own).toEqual([
      expect.objectContaining({
        id: mine,
        status: 'unscheduled',
        slot: null,
        table: null,
        startsAt: null,
        pinned: false,
        published: false,
        parties: [
          { organisationId: hub.organisationId, organisationName: expect.any(String) },
          { organisationId: others[0].organisationId, organisationName: expect.any(String) },
        ],
      }),
    ]);
    expect(own[0].parties[0].organisationName).not.toBe('');
  });

  it('stores an approved participant’s availability, validated against the session’s slots', async () => {
    const s = await session('scheduled');
    await as(hub).get(`/sessions/${s}/availability`).expect(403);
    await t.participate(hub, organiser, s, 'producer');
    expect((await as(hub).get(`/sessions/${s}/availability`).expect(200)).body).toEqual({
      sessionId: s,
      organisationId: hub.organisationId,
      unavailableSlots: [],
      half: 'any',
      updatedAt: null,
    });
    const field = async (body: object) =>
      ((await as(hub).put(`/sessions/${s}/availability`, body).expect(400)).body.fields as { field: string }[]).map((f) => f.field);
    expect(await field({ unavailableSlots: [25], half: 'any' })).toEqual(['unavailableSlots']);
    expect(await field({ unavailableSlots: [0], half: 'any' })).toEqual(['unavailableSlots']);
    expect(await field({ unavailableSlots: [2, 2], half: 'any' })).toEqual(['unavailableSlots']);
    expect(await field({ unavailableSlots: [1], half: 'evening' })).toEqual(['half']);
    const saved: Availability = (
      await as(hub)
        .put(`/sessions/${s}/availability`, { unavailableSlots: [24, 3], half: 'afternoon' })
        .expect(200)
    ).body;
    expect(saved).toMatchObject({ unavailableSlots: [3, 24], half: 'afternoon' });
    expect((await as(hub).get(`/sessions/${s}/availability`).expect(200)).body).toEqual(saved);
    await as(others[0]).put(`/sessions/${s}/availability`, { unavailableSlots: [], half: 'any' }).expect(403);

    // Organisers read and give a participant's availability for them (e.g. at the help desk), audited.
    expect((await as(organiser).get(`/sessions/${s}/availability/${hub.organisationId}`).expect(200)).body).toEqual(saved);
    const byOrganiser: Availability = (
      await as(organiser)
        .put(`/sessions/${s}/availability/${hub.organisationId}`, { unavailableSlots: [5], half: 'any' })
        .expect(200)
    ).body;
    expect(byOrganiser).toMatchObject({ organisationId: hub.organisationId, unavailableSlots: [5], half: 'any' });
    expect((await as(hub).get(`/sessions/${s}/availability`).expect(200)).body).toEqual(byOrganiser);
    const [audit] = await t.dataSource.query(
      `SELECT "actorUserId", data FROM audit_record WHERE action = 'meeting_availability.updated' AND "entityId" = $1 ORDER BY id DESC LIMIT 1`,
      [s],
    );
    expect(audit).toEqual({ actorUserId: organiser.userId, data: { organisationId: hub.organisationId, unavailableSlots: [5], half: 'any' } });
    expect(
      (
        (
          await as(organiser)
            .put(`/sessions/${s}/availability/${hub.organisationId}`, { unavailableSlots: [30], half: 'any' })
            .expect(400)
        ).body.fields as { field: string }[]
      ).map((f) => f.field),
    ).toEqual(['unavailableSlots']);
    await as(organiser).get(`/sessions/${s}/availability/${others[0].organisationId}`).expect(404); // not a participant
    await as(hub).put(`/sessions/${s}/availability/${others[0].organisationId}`, { unavailableSlots: [], half: 'any' }).expect(403);
    await as(hub).get(`/sessions/${s}/availability/${hub.organisationId}`).expect(403);
  });

  it(`refuses to plan a session of more than ${MAX_SESSION_SLOTS} slots, naming its slot length`, async () => {
    const s = await session('self_booking');
    await t.dataSource.query(`UPDATE match_session SET "slotMinutes" = 10 WHERE id = $1`, [s]);
    const m = await meet(s, hub, others[0]);
    const refused = await as(hub).post(`/meetings/${m}/book`, { slot: 1 }).expect(400);
    expect(refused.body.message).toContain('48 slots of 10 minutes');
    expect(refused.body.fields[0].field).toBe('slot');
  });

  it('offers the slots both parties are free in, in the half both wish, with a table left', async () => {
    const s = await session('self_booking', 1);
    await t.participate(hub, organiser, s, 'producer');
    await t.participate(others[0], organiser, s, 'producer');
    await as(hub)
      .put(`/sessions/${s}/availability`, { unavailableSlots: [10, 11], half: 'any' })
      .expect(200);
    await as(others[0])
      .put(`/sessions/${s}/availability`, { unavailableSlots: [24], half: 'afternoon' })
      .expect(200);
    const m = await meet(s, hub, others[0]);
    const busy = await meet(s, hub, others[1]);
    const elsewhere = await meet(s, others[2], others[3]);
    await as(others[1]).post(`/meetings/${busy}/book`, { slot: 12 }).expect(200);
    await as(others[2]).post(`/meetings/${elsewhere}/book`, { slot: 13 }).expect(200);
    const free: FreeSlot[] = (await as(hub).get(`/meetings/${m}/free-slots`).expect(200)).body;
    expect(free.map((f) => f.slot)).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(free[0]).toMatchObject({ half: 'afternoon', freeTables: 1 });
    expect((await as(hub).post(`/meetings/${m}/book`, { slot: 12 }).expect(409)).body.code).toBe('slot_taken');
    expect((await as(hub).post(`/meetings/${m}/book`, { slot: 10 }).expect(409)).body.code).toBe('party_unavailable');
    expect((await as(hub).post(`/meetings/${m}/book`, { slot: 2 }).expect(409)).body.code).toBe('wrong_half');
    expect((await as(hub).post(`/meetings/${m}/book`, { slot: 13 }).expect(409)).body.code).toBe('no_table');
    expect((await as(hub).post(`/meetings/${m}/book`, { slot: 25 }).expect(400)).body.fields[0].field).toBe('slot');
    await as(others[5]).get(`/meetings/${m}/free-slots`).expect(404);
    await as(others[5]).post(`/meetings/${m}/book`, { slot: 14 }).expect(404);

    // A slot that holds one of hub's meetings cannot be marked unavailable.
    const held = await as(hub)
      .put(`/sessions/${s}/availability`, { unavailableSlots: [10, 11, 12], half: 'any' })
      .expect(409);
    expect(held.body).toMatchObject({ code: 'slot_has_meeting', fields: [{ field: 'unavailableSlots' }] });
    expect((await as(hub).get(`/sessions/${s}/availability`).expect(200)).body.unavailableSlots).toEqual([10, 11]);
  });

  it('books the lowest free table, answers a retry the same, publishes at once and releases', async () => {
    const s = await session('self_booking');
    const first = await meet(s, others[0], others[1]);
    const m = await meet(s, hub, others[2]);
    await as(others[0]).post(`/meetings/${first}/book`, { slot: 5 }).expect(200);
    const booked: Meeting = (await as(hub).post(`/meetings/${m}/book`, { slot: 5 }).expect(200)).body;
    expect(booked).toMatchObject({ status: 'scheduled', slot: 5, table: 2, published: true, startsAt: '2026-12-10T02:20:00.000Z' });
    const again: Meeting = (await as(others[2]).post(`/meetings/${m}/book`, { slot: 5 }).expect(200)).body;
    expect(again).toMatchObject({ slot: 5, table: 2, version: booked.version });
    expect((await seats(s, hub.organisationId, 5)).map((x) => x.meetingId)).toEqual([m]);
    const moved: Meeting = (await as(hub).post(`/meetings/${m}/book`, { slot: 6 }).expect(200)).body;
    expect(moved).toMatchObject({ slot: 6, table: 1 });
    expect(await seats(s, hub.organisationId, 5)).toEqual([]);
    const released: Meeting = (await as(others[2]).post(`/meetings/${m}/release`).expect(200)).body;
    expect(released).toMatchObject({ status: 'unscheduled', slot: null, table: null, published: false });
    expect(await seats(s, hub.organisationId, 6)).toEqual([]);
    await as(others[2]).post(`/meetings/${m}/release`).expect(200);
    const audit = await t.dataSource.query(`SELECT action FROM audit_record WHERE "entityId" = $1 ORDER BY id`, [m]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['meeting.booked', 'meeting.booked', 'meeting.released']);
    const scheduled = await session('scheduled');
    const other = await meet(scheduled, hub, others[0]);
    expect((await as(hub).post(`/meetings/${other}/book`, { slot: 1 }).expect(409)).body.code).toBe('not_self_booking');
  });

  it('lets exactly one of ten simultaneous bookings of one organisation in one slot through', async () => {
    const s = await session('self_booking');
    const ids = await Promise.all(others.slice(0, 10).map((o) => meet(s, hub, o)));
    const answers = await Promise.all(ids.map((id, i) => as(others[i]).post(`/meetings/${id}/book`, { slot: 3 })));
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(Array(9).fill('slot_taken'));
    const winner = ids[answers.indexOf(won[0])];
    expect((await seats(s, hub.organisationId, 3)).map((x) => x.meetingId)).toEqual([winner]);
    const placed = await t.dataSource.query(`SELECT id FROM meeting WHERE "sessionId" = $1 AND slot IS NOT NULL`, [s]);
    expect(placed).toEqual([{ id: winner }]);
    const retry: Meeting = (await as(hub).post(`/meetings/${winner}/book`, { slot: 3 }).expect(200)).body;
    expect(retry).toMatchObject({ id: winner, slot: 3, table: won[0].body.table });
  });

  it('gives the last table of a slot to exactly one of two pairs booking at once', async () => {
    const s = await session('self_booking', 1);
    const a = await meet(s, others[0], others[1]);
    const b = await meet(s, others[2], others[3]);
    const answers = await Promise.all([as(others[0]).post(`/meetings/${a}/book`, { slot: 2 }), as(others[2]).post(`/meetings/${b}/book`, { slot: 2 })]);
    expect(answers.map((x) => x.status).sort()).toEqual([200, 409]);
    expect(answers.find((x) => x.status === 409)!.body.code).toBe('no_table');
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM meeting WHERE "sessionId" = $1 AND slot = 2`, [s])).toEqual([{ n: 1 }]);
  });

  it('pins a meeting where the organiser says, refusing clashes with a 409 that names them', async () => {
    const s = await session('scheduled', 2);
    await t.participate(others[4], organiser, s, 'producer');
    await as(others[4])
      .put(`/sessions/${s}/availability`, { unavailableSlots: [7], half: 'any' })
      .expect(200);
    const a = await meet(s, hub, others[0]);
    const b = await meet(s, hub, others[1]);
    const c = await meet(s, others[2], others[3]);
    const d = await meet(s, others[4], others[5]);
    await as(hub).post(`/meetings/${a}/pin`, { slot: 4 }).expect(403);
    const pinned: Meeting = (await as(organiser).post(`/meetings/${a}/pin`, { slot: 4, table: 2 }).expect(200)).body;
    expect(pinned).toMatchObject({ pinned: true, slot: 4, table: 2, status: 'scheduled', published: false });
    await as(organiser).post(`/meetings/${a}/pin`, { slot: 4, table: 2 }).expect(200);
    const busy = await as(organiser).post(`/meetings/${b}/pin`, { slot: 4 }).expect(409);
    expect(busy.body).toMatchObject({ code: 'slot_taken', fields: [{ field: 'slot' }] });
    expect(busy.body.message).toContain('already has a meeting in slot 4');
    expect((await as(organiser).post(`/meetings/${c}/pin`, { slot: 4, table: 2 }).expect(409)).body).toMatchObject({
      code: 'table_taken',
      fields: [{ field: 'table' }],
    });
    expect((await as(organiser).post(`/meetings/${c}/pin`, { slot: 4 }).expect(200)).body).toMatchObject({ slot: 4, table: 1 });
    expect((await as(organiser).post(`/meetings/${d}/pin`, { slot: 4 }).expect(409)).body.code).toBe('no_table');
    expect((await as(organiser).post(`/meetings/${d}/pin`, { slot: 7 }).expect(409)).body.code).toBe('party_unavailable');
    expect((await as(organiser).post(`/meetings/${d}/pin`, { slot: 5, table: 3 }).expect(400)).body.fields[0].field).toBe('table');
    const unpinned: Meeting = (await as(organiser).post(`/meetings/${a}/unpin`).expect(200)).body;
    expect(unpinned).toMatchObject({ pinned: false, slot: 4, table: 2 });
  });
});
