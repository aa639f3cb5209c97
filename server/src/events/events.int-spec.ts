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
    await t.http.post('/api/events').auth(enterprise.token, { type: 'bearer' }).send({ name: 'x', province: '630000', startDate: '2026-12-10', endDate: '2026-12-12', targetAmount: 1 }).expect(403);
    const res = await t.http.post('/api/events').auth(organiser.token, { type: 'bearer' }).send({ name: 'x', province: '630000', startDate: '2026-12-10', endDate: '2026-12-01', targetAmount: 1 }).expect(400);
    expect(res.body.fields[0].field).toBe('endDate');
    const bad = await t.http.post('/api/events').auth(organiser.token, { type: 'bearer' }).send({ name: 'x', province: '630000', startDate: '2026-02-30', endDate: '2026-12-01', targetAmount: 1.5 }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['startDate', 'targetAmount']));
  });

  it('enforces the session lifecycle one step at a time with version checks', async () => {
    const event = await t.event(organiser);
    const session = await t.session(organiser, event.id, 'upstream_downstream', 'draft');
    const skip = await t.http.post(`/api/sessions/${session.id}/transition`).auth(organiser.token, { type: 'bearer' }).send({ to: 'live', version: session.version }).expect(409);
    expect(skip.body.code).toBe('invalid_transition');
    const next = await t.http.post(`/api/sessions/${session.id}/transition`).auth(organiser.token, { type: 'bearer' }).send({ to: 'registration', version: session.version }).expect(200);
    expect(next.body.status).toBe('registration');
    // The same click retried is not an error.
    await t.http.post(`/api/sessions/${session.id}/transition`).auth(organiser.token, { type: 'bearer' }).send({ to: 'registration', version: session.version }).expect(200);
    const stale = await t.http.post(`/api/sessions/${session.id}/transition`).auth(organiser.token, { type: 'bearer' }).send({ to: 'live', version: session.version }).expect(409);
    expect(stale.body.code).toBe('stale_version');
    const back = await t.http.post(`/api/sessions/${session.id}/transition`).auth(organiser.token, { type: 'bearer' }).send({ to: 'draft', version: next.body.version }).expect(409);
    expect(back.body.code).toBe('invalid_transition');
  });

  it('refuses a stale session edit with 409 and applies a current one', async () => {
    const event = await t.event(organiser);
    const session = await t.session(organiser, event.id, 'building_materials', 'draft');
    const ok = await t.http.patch(`/api/sessions/${session.id}`).auth(organiser.token, { type: 'bearer' }).send({ version: session.version, tableCount: 30 }).expect(200);
    expect(ok.body).toMatchObject({ tableCount: 30, version: session.version + 1 });
    await t.http.patch(`/api/sessions/${session.id}`).auth(organiser.token, { type: 'bearer' }).send({ version: session.version, tableCount: 40 }).expect(409);
    const bad = await t.http.patch(`/api/sessions/${session.id}`).auth(organiser.token, { type: 'bearer' }).send({ version: ok.body.version, endsAt: '2026-12-09T09:00:00+08:00' }).expect(400);
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
      .send({ kind: 'karaoke', title: '', leadDepartment: '省经委', venue: 'v', startsAt: 'tomorrow', endsAt: '2026-12-10T17:00:00+08:00', slotMinutes: 0, tableCount: 10, registrationMode: 'open' })
      .expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['kind', 'title', 'startsAt', 'slotMinutes']));
  });
});
