import { supplyListing, TestApp, type Actor } from '../testing/test-app';

describe('participation (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let eventId: string;
  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
  });
  afterAll(() => t.close());

  it('registers in a role that fits, pending until an organiser approves', async () => {
    const session = await t.session(organiser, eventId, 'producer_distributor');
    const producer = await t.organisation('enterprise');
    const res = await t.http.post(`/api/sessions/${session.id}/participants`).auth(producer.token, { type: 'bearer' }).send({ role: 'producer' }).expect(201);
    expect(res.body.status).toBe('pending');
    // Registering again is a no-op, not a duplicate.
    const again = await t.http.post(`/api/sessions/${session.id}/participants`).auth(producer.token, { type: 'bearer' }).send({ role: 'producer' }).expect(201);
    expect(again.body.id).toBe(res.body.id);
    const approved = await t.http.post(`/api/participants/${res.body.id}/approve`).auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(approved.body.status).toBe('approved');
    const mine = await t.http.get('/api/me/participations').auth(producer.token, { type: 'bearer' }).expect(200);
    expect(mine.body.map((p: { id: string }) => p.id)).toContain(res.body.id);
  });

  it('refuses roles that do not fit the session kind or the organisation kind, naming role', async () => {
    const session = await t.session(organiser, eventId, 'bank_enterprise');
    const bank = await t.organisation('bank');
    const wrongKind = await t.http.post(`/api/sessions/${session.id}/participants`).auth(bank.token, { type: 'bearer' }).send({ role: 'supplier' }).expect(400);
    expect(wrongKind.body.fields[0].field).toBe('role');
    const wrongOrg = await t.http.post(`/api/sessions/${session.id}/participants`).auth(bank.token, { type: 'bearer' }).send({ role: 'borrower' }).expect(400);
    expect(wrongOrg.body.fields[0].field).toBe('role');
    await t.http.post(`/api/sessions/${session.id}/participants`).auth(bank.token, { type: 'bearer' }).send({ role: 'lender' }).expect(201);
  });

  it('lets a trader (商贸流通企业) register and post as supplier where the session kind admits it, not as producer beside distributors', async () => {
    const trader = await t.organisation('distributor', { name: '青海鑫达钢材贸易有限公司' });
    const chain = await t.session(organiser, eventId, 'upstream_downstream', 'live');
    await t.participate(trader, organiser, chain.id, 'supplier');
    const posted = await t.http.post(`/api/sessions/${chain.id}/listings`).auth(trader.token, { type: 'bearer' }).send(supplyListing()).expect(201);
    expect(posted.body).toMatchObject({ type: 'supply', organisationId: trader.organisationId });

    const materials = await t.session(organiser, eventId, 'building_materials', 'live');
    await t.participate(trader, organiser, materials.id, 'producer');
    await t.http.post(`/api/sessions/${materials.id}/listings`).auth(trader.token, { type: 'bearer' }).send(supplyListing()).expect(201);

    const distribution = await t.session(organiser, eventId, 'producer_distributor');
    const refused = await t.http
      .post(`/api/sessions/${distribution.id}/participants`)
      .auth(trader.token, { type: 'bearer' })
      .send({ role: 'producer' })
      .expect(400);
    expect(refused.body.fields[0]).toMatchObject({ field: 'role' });
    expect(refused.body.fields[0].messages.join(' ')).toContain('producer_distributor');
    await t.http.post(`/api/sessions/${distribution.id}/participants`).auth(trader.token, { type: 'bearer' }).send({ role: 'distributor' }).expect(201);
    // The organiser's invitation follows the same rule.
    await t.http
      .post(`/api/sessions/${distribution.id}/invitations`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ organisationId: trader.organisationId, role: 'producer' })
      .expect(400);
  });

  it('keeps pending organisations from registering (403)', async () => {
    const session = await t.session(organiser, eventId, 'bank_enterprise');
    const pending = await t.organisation('enterprise', { approve: false });
    await t.http.post(`/api/sessions/${session.id}/participants`).auth(pending.token, { type: 'bearer' }).send({ role: 'borrower' }).expect(403);
  });

  it('admits only invited organisations to an invitation-only session', async () => {
    const session = await t.session(organiser, eventId, 'upstream_downstream', 'registration', 'invitation');
    const stranger = await t.organisation('enterprise');
    await t.http.post(`/api/sessions/${session.id}/participants`).auth(stranger.token, { type: 'bearer' }).send({ role: 'supplier' }).expect(403);
    const selected = await t.organisation('enterprise');
    const invited = await t.http
      .post(`/api/sessions/${session.id}/invitations`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ organisationId: selected.organisationId, role: 'supplier' })
      .expect(201);
    expect(invited.body.status).toBe('invited');
    await t.http
      .post(`/api/sessions/${session.id}/invitations`)
      .auth(stranger.token, { type: 'bearer' })
      .send({ organisationId: stranger.organisationId, role: 'supplier' })
      .expect(403);
    const accepted = await t.http
      .post(`/api/sessions/${session.id}/participants`)
      .auth(selected.token, { type: 'bearer' })
      .send({ role: 'supplier' })
      .expect(201);
    expect(accepted.body).toMatchObject({ id: invited.body.id, status: 'approved' });
  });

  it('does not let a non-organiser approve or reject (403), and a rejection needs a reason', async () => {
    const session = await t.session(organiser, eventId, 'building_materials');
    const builder = await t.organisation('construction_unit');
    const res = await t.http.post(`/api/sessions/${session.id}/participants`).auth(builder.token, { type: 'bearer' }).send({ role: 'builder' }).expect(201);
    await t.http.post(`/api/participants/${res.body.id}/approve`).auth(builder.token, { type: 'bearer' }).expect(403);
    const noReason = await t.http.post(`/api/participants/${res.body.id}/reject`).auth(organiser.token, { type: 'bearer' }).send({ reason: '  ' }).expect(400);
    expect(noReason.body.fields[0].field).toBe('reason');
    const rejected = await t.http
      .post(`/api/participants/${res.body.id}/reject`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ reason: '非本次保障房项目施工单位' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '非本次保障房项目施工单位' });
    const retry = await t.http.post(`/api/sessions/${session.id}/participants`).auth(builder.token, { type: 'bearer' }).send({ role: 'builder' }).expect(409);
    expect(retry.body.code).toBe('registration_rejected');
  });

  it('lets only approved participants post listings (403 before approval)', async () => {
    const session = await t.session(organiser, eventId, 'producer_distributor', 'live');
    const producer = await t.organisation('enterprise');
    const res = await t.http.post(`/api/sessions/${session.id}/participants`).auth(producer.token, { type: 'bearer' }).send({ role: 'producer' }).expect(201);
    const refused = await t.http.post(`/api/sessions/${session.id}/listings`).auth(producer.token, { type: 'bearer' }).send(supplyListing()).expect(403);
    expect(refused.body.code).toBe('forbidden');
    await t.http.post(`/api/participants/${res.body.id}/approve`).auth(organiser.token, { type: 'bearer' }).expect(200);
    await t.http.post(`/api/sessions/${session.id}/listings`).auth(producer.token, { type: 'bearer' }).send(supplyListing()).expect(201);
  });

  it('closes registration once the session reaches signing', async () => {
    const session = await t.session(organiser, eventId, 'bank_enterprise', 'signing');
    const enterprise = await t.organisation('enterprise');
    const res = await t.http.post(`/api/sessions/${session.id}/participants`).auth(enterprise.token, { type: 'bearer' }).send({ role: 'borrower' }).expect(409);
    expect(res.body.code).toBe('registration_closed');
  });

  it('shows other participants only approved rows, organisers all', async () => {
    const session = await t.session(organiser, eventId, 'producer_distributor');
    const a = await t.organisation('enterprise');
    const b = await t.organisation('distributor');
    await t.participate(a, organiser, session.id, 'producer');
    await t.http.post(`/api/sessions/${session.id}/participants`).auth(b.token, { type: 'bearer' }).send({ role: 'distributor' }).expect(201);
    const seenByA = await t.http.get(`/api/sessions/${session.id}/participants`).auth(a.token, { type: 'bearer' }).expect(200);
    expect(seenByA.body.map((p: { organisationId: string }) => p.organisationId)).toEqual([a.organisationId]);
    const seenByOrganiser = await t.http.get(`/api/sessions/${session.id}/participants?status=pending`).auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(seenByOrganiser.body.map((p: { organisationId: string }) => p.organisationId)).toEqual([b.organisationId]);
  });
});
