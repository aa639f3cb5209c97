import { TestApp, type Actor } from '../testing/test-app';

describe('events and sessions (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
  });
  afterAll(() => t.close());

  it('creates an event with sessions and lists it', async () => {
    const event = await t.event(organiser);
    expect(event.targetAmount).toBe(30_000_000_000);
    await t.session(organiser, event.id, 'bank_enterprise', 'draft');
    const list = await t.http.get('/api/events').auth(organiser.token, { type: 'bearer' }).expect(200);
    const found = list.body.find((e: { id: string }) => e.id === event.id);
    expect(found).toMatchObject({ sessionCount: 1, organiserName: expect.any(String) });
  });

  it('only organisers create events (403) and bad dates name the field', async () => {
    const enterprise = await t.organisation('enterprise');
    await t.http
      .post('/api/events')
      .auth(enterprise.token, { type: 'bearer' })
      .send({ name: 'x', province: '630000', startDate: '2026-12-10', endDate: '2026-12-12', targetAmount: 1 })
      .expect(403);
    const res = await t.http
      .post('/api/events')
      .auth(organiser.token, { type: 'bearer' })
      .send({ name: 'x', province: '630000', startDate: '2026-12-10', endDate: '2026-12-01', targetAmount: 1 })
      .expect(400);
    expect(res.body.fields[0].field).toBe('endDate');
    const bad = await t.http
      .post('/api/events')
      .auth(organiser.token, { type: 'bearer' })
      .send({ name: 'x', province: '630000', startDate: '2026-02-30', endDate: '2026-12-01', targetAmount: 1.5 })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['startDate', 'targetAmount']));
  });

  it('holds an event in Asia/Shanghai unless it names another known IANA zone', async () => {
    const base = { name: 'zone', province: '630000', startDate: '2026-12-10', endDate: '2026-12-12', targetAmount: 1 };
    const post = (body: object) => t.http.post('/api/events').auth(organiser.token, { type: 'bearer' }).send(body);
    const plain = await post(base).expect(201);
    expect(plain.body.timeZone).toBe('Asia/Shanghai');
    const urumqi = await post({ ...base, timeZone: 'Asia/Urumqi' }).expect(201);
    expect(urumqi.body.timeZone).toBe('Asia/Urumqi');
    const detail = await t.http.get(`/api/events/${urumqi.body.id}`).auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(detail.body.timeZone).toBe('Asia/Urumqi');
    for (const timeZone of ['Asia/Beijing', '+08:00', null, 8]) {
      const bad = await post({ ...base, timeZone }).expect(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['timeZone']);
    }
    const moved = await t.http.patch(`/api/events/${plain.body.id}`).auth(organiser.token, { type: 'bearer' }).send({ timeZone: 'Europe/Berlin' }).expect(200);
    expect(moved.body).toMatchObject({ timeZone: 'Europe/Berlin', name: 'zone' });
    await t.http.patch(`/api/events/${plain.body.id}`).auth(organiser.token, { type: 'bearer' }).send({ timeZone: 'Mars/Olympus' }).expect(400);
    const list = await t.http.get('/api/events').auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(list.body.find((e: { id: string }) => e.id === plain.body.id).timeZone).toBe('Europe/Berlin');
  });

  it('enforces the session lifecycle one step at a time with version checks', async () => {
    const event = await t.event(organiser);
    const session = await t.session(organiser, event.id, 'upstream_downstream', 'draft');
    const skip = await t.http
      .post(`/api/sessions/${session.id}/transition`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ to: 'live', version: session.version })
      .expect(409);
    expect(skip.body.code).toBe('invalid_transition');
    const next = await t.http
      .post(`/api/sessions/${session.id}/transition`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ to: 'registration', version: session.version })
      .expect(200);
    expect(next.body.status).toBe('registration');
    // The same click retried is not an error.
    await t.http
      .post(`/api/sessions/${session.id}/transition`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ to: 'registration', version: session.version })
      .expect(200);
    const stale = await t.http
      .post(`/api/sessions/${session.id}/transition`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ to: 'live', version: session.version })
      .expect(409);
    expect(stale.body.code).toBe('stale_version');
    const back = await t.http
      .post(`/api/sessions/${session.id}/transition`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ to: 'draft', version: next.body.version })
      .expect(409);
    expect(back.body.code).toBe('invalid_transition');
  });

  it('refuses a stale session edit with 409 and applies a current one', async () => {
    const event = await t.event(organiser);
    const session = await t.session(organiser, event.id, 'building_materials', 'draft');
    const ok = await t.http
      .patch(`/api/sessions/${session.id}`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ version: session.version, tableCount: 30 })
      .expect(200);
    expect(ok.body).toMatchObject({ tableCount: 30, version: session.version + 1 });
    await t.http.patch(`/api/sessions/${session.id}`).auth(organiser.token, { type: 'bearer' }).send({ version: session.version, tableCount: 40 }).expect(409);
    const bad = await t.http
      .patch(`/api/sessions/${session.id}`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ version: ok.body.version, endsAt: '2026-12-09T09:00:00+08:00' })
      .expect(400);
    expect(bad.body.fields[0].field).toBe('endsAt');
  });

  it('hides draft sessions from participants', async () => {
    const event = await t.event(organiser);
    const draft = await t.session(organiser, event.id, 'producer_distributor', 'draft');
    const open = await t.session(organiser, event.id, 'producer_distributor', 'registration');
    const enterprise = await t.organisation('enterprise');
    await t.http.get(`/api/sessions/${draft.id}`).auth(enterprise.token, { type: 'bearer' }).expect(404);
    const detail = await t.http.get(`/api/events/${event.id}`).auth(enterprise.token, { type: 'bearer' }).expect(200);
    expect(detail.body.sessions.map((s: { id: string }) => s.id)).toEqual([open.id]);
  });

  it('names invalid session fields', async () => {
    const event = await t.event(organiser);
    const res = await t.http
      .post(`/api/events/${event.id}/sessions`)
      .auth(organiser.token, { type: 'bearer' })
      .send({
        kind: 'karaoke',
        title: '',
        leadDepartment: '省经委',
        venue: 'v',
        startsAt: 'tomorrow',
        endsAt: '2026-12-10T17:00:00+08:00',
        slotMinutes: 0,
        tableCount: 10,
        registrationMode: 'open',
      })
      .expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['kind', 'title', 'startsAt', 'slotMinutes']));
  });

  it('takes a lunch break out of the slots, checks it, and keeps the slots still once meetings are placed', async () => {
    const event = await t.event(organiser);
    let session = await t.session(organiser, event.id, 'producer_distributor', 'live');
    const patch = (body: object) =>
      t.http
        .patch(`/api/sessions/${session.id}`)
        .auth(organiser.token, { type: 'bearer' })
        .send({ version: session.version, ...body });
    const field = (res: { body: { fields: { field: string }[] } }) => res.body.fields.map((f) => f.field);

    expect(field(await patch({ breakStartsAt: '2026-12-10T12:00:00+08:00' }).expect(400))).toEqual(['breakEndsAt']);
    expect(field(await patch({ breakStartsAt: '2026-12-10T08:00:00+08:00', breakEndsAt: '2026-12-10T09:30:00+08:00' }).expect(400))).toEqual(['breakStartsAt']);
    expect(field(await patch({ breakStartsAt: '2026-12-10T13:00:00+08:00', breakEndsAt: '2026-12-10T12:00:00+08:00' }).expect(400))).toEqual(['breakEndsAt']);
    session = (await patch({ breakStartsAt: '2026-12-10T12:00:00+08:00', breakEndsAt: '2026-12-10T13:30:00+08:00' }).expect(200)).body;
    expect(session).toMatchObject({ breakStartsAt: '2026-12-10T04:00:00.000Z', breakEndsAt: '2026-12-10T05:30:00.000Z' });

    // 20-minute slots, 09:00–12:00 and 13:30–17:00 Beijing: 9 in the morning, then 10.
    const slots = (await t.http.get(`/api/sessions/${session.id}/slots`).auth(organiser.token, { type: 'bearer' }).expect(200)).body;
    expect(slots).toHaveLength(19);
    expect(slots[8]).toMatchObject({ slot: 9, endsAt: '2026-12-10T04:00:00.000Z', half: 'morning' });
    expect(slots[9]).toMatchObject({ slot: 10, startsAt: '2026-12-10T05:30:00.000Z', half: 'afternoon' });

    // A placed meeting holds the slots still; other edits go on.
    await t.dataSource.query(
      `INSERT INTO meeting ("eventId", "sessionId", "requestId", "organisationAId", "organisationBId", topic, "acceptedAt", status, slot, "tableNo") VALUES ($1, $2, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '洽谈', now(), 'scheduled', 1, 1)`,
      [event.id, session.id],
    );
    const locked = await patch({ slotMinutes: 30 }).expect(409);
    expect(locked.body.code).toBe('meetings_placed');
    expect(field(locked)).toEqual(['slotMinutes']);
    expect((await patch({ breakStartsAt: null, breakEndsAt: null }).expect(409)).body.code).toBe('meetings_placed');
    await patch({ venue: '青海国际会展中心 B馆' }).expect(200);
  });
});
