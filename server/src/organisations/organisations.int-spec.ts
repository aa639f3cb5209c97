import { randomCreditCode, TestApp, PASSWORD, type Actor } from '../testing/test-app';

describe('organisations and users (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
  });
  afterAll(() => t.close());

  it('lists pending organisations first for organisers, and approves one', async () => {
    const pending = await t.organisation('enterprise', { approve: false });
    const list = await t.http.get('/api/organisations?status=pending').auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(pending.organisationId);
    const approved = await t.http.post(`/api/organisations/${pending.organisationId}/approve`).auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(approved.body.status).toBe('approved');
    // Approving again (a retried click) changes nothing.
    await t.http.post(`/api/organisations/${pending.organisationId}/approve`).auth(organiser.token, { type: 'bearer' }).expect(200);
    const audit = await t.http
      .get(`/api/audit?entityType=organisation&entityId=${pending.organisationId}`)
      .auth(organiser.token, { type: 'bearer' })
      .expect(200);
    expect(audit.body.items.filter((a: { action: string }) => a.action === 'organisation.approved')).toHaveLength(1);
  });

  it('does not let a non-organiser approve (403)', async () => {
    const pending = await t.organisation('enterprise', { approve: false });
    const other = await t.organisation('enterprise');
    const res = await t.http.post(`/api/organisations/${pending.organisationId}/approve`).auth(other.token, { type: 'bearer' }).expect(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('rejects with a reason, and the rejected admin can no longer log in', async () => {
    const pending = await t.organisation('enterprise', { approve: false });
    await t.http.post(`/api/organisations/${pending.organisationId}/reject`).auth(organiser.token, { type: 'bearer' }).send({}).expect(400);
    const res = await t.http
      .post(`/api/organisations/${pending.organisationId}/reject`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ reason: '信用代码与营业执照不符' })
      .expect(200);
    expect(res.body.rejectReason).toBe('信用代码与营业执照不符');
    await t.http.post('/api/auth/login').send({ email: pending.email, password: PASSWORD }).expect(401);
  });

  it('lets organisers create an approved organisation and non-organisers not', async () => {
    const body = {
      name: '青海某银行分行',
      creditCode: randomCreditCode(),
      kind: 'bank',
      industry: 'J66',
      region: '630100',
      size: 'large',
      contactName: '王五',
      contactPhone: '0971-8888888',
    };
    const created = await t.http.post('/api/organisations').auth(organiser.token, { type: 'bearer' }).send(body).expect(201);
    expect(created.body.status).toBe('approved');
    const other = await t.organisation('enterprise');
    await t.http
      .post('/api/organisations')
      .auth(other.token, { type: 'bearer' })
      .send({ ...body, creditCode: randomCreditCode() })
      .expect(403);
  });

  it('validates industry and region codes naming the field', async () => {
    const body = {
      name: 'x',
      creditCode: randomCreditCode(),
      kind: 'bank',
      industry: 'B31',
      region: '999999',
      size: 'large',
      contactName: '王五',
      contactPhone: '0971-8888888',
    };
    const res = await t.http.post('/api/organisations').auth(organiser.token, { type: 'bearer' }).send(body).expect(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['industry', 'region']));
  });

  it('lets an organisation admin edit their own organisation but not another (403)', async () => {
    const a = await t.organisation('enterprise');
    const b = await t.organisation('enterprise');
    const res = await t.http.patch(`/api/organisations/${a.organisationId}`).auth(a.token, { type: 'bearer' }).send({ contactName: '赵六' }).expect(200);
    expect(res.body.contactName).toBe('赵六');
    await t.http.patch(`/api/organisations/${b.organisationId}`).auth(a.token, { type: 'bearer' }).send({ contactName: '赵六' }).expect(403);
  });

  it('invites a member with a one-time link that creates a working account', async () => {
    const admin = await t.organisation('enterprise');
    const email = `member-${Date.now()}@test.duijie.cn`;
    const inv = await t.http
      .post(`/api/organisations/${admin.organisationId}/invitations`)
      .auth(admin.token, { type: 'bearer' })
      .send({ email, role: 'org_member' })
      .expect(201);
    expect(inv.body.url).toContain(`/invite/${inv.body.token}`);
    const info = await t.http.get(`/api/invitations/${inv.body.token}`).expect(200);
    expect(info.body).toMatchObject({ email, role: 'org_member' });
    const accepted = await t.http.post(`/api/invitations/${inv.body.token}/accept`).send({ displayName: '新成员', password: PASSWORD }).expect(200);
    expect(accepted.body.user).toMatchObject({ email, role: 'org_member' });
    await t.http.post(`/api/invitations/${inv.body.token}/accept`).send({ displayName: '又一次', password: PASSWORD }).expect(410);
    const users = await t.http.get(`/api/organisations/${admin.organisationId}/users`).auth(admin.token, { type: 'bearer' }).expect(200);
    expect(users.body.map((u: { email: string }) => u.email)).toContain(email);
  });

  it('does not let an admin invite into another organisation or a member manage users', async () => {
    const a = await t.organisation('enterprise');
    const b = await t.organisation('enterprise');
    await t.http
      .post(`/api/organisations/${b.organisationId}/invitations`)
      .auth(a.token, { type: 'bearer' })
      .send({ email: 'x@test.duijie.cn', role: 'org_member' })
      .expect(403);
    await t.http
      .post(`/api/organisations/${a.organisationId}/invitations`)
      .auth(a.token, { type: 'bearer' })
      .send({ email: 'y@test.duijie.cn', role: 'organiser' })
      .expect(403);
  });

  it('deactivates a member (who can then not log in) but keeps the last admin', async () => {
    const admin = await t.organisation('enterprise');
    const email = `m-${Date.now()}@test.duijie.cn`;
    const inv = await t.http
      .post(`/api/organisations/${admin.organisationId}/invitations`)
      .auth(admin.token, { type: 'bearer' })
      .send({ email, role: 'org_member' })
      .expect(201);
    const member = await t.http.post(`/api/invitations/${inv.body.token}/accept`).send({ displayName: '成员', password: PASSWORD }).expect(200);
    await t.http.patch(`/api/users/${member.body.user.id}`).auth(member.body.accessToken, { type: 'bearer' }).send({ active: false }).expect(403);
    await t.http.patch(`/api/users/${member.body.user.id}`).auth(admin.token, { type: 'bearer' }).send({ active: false }).expect(200);
    await t.http.get('/api/auth/me').auth(member.body.accessToken, { type: 'bearer' }).expect(401);
    await t.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
    const res = await t.http.patch(`/api/users/${admin.userId}`).auth(admin.token, { type: 'bearer' }).send({ role: 'org_member' }).expect(409);
    expect(res.body.code).toBe('last_admin');
  });

  it('hides pending organisations from other participants', async () => {
    const pending = await t.organisation('enterprise', { approve: false });
    const other = await t.organisation('enterprise');
    await t.http.get(`/api/organisations/${pending.organisationId}`).auth(other.token, { type: 'bearer' }).expect(404);
    await t.http.get(`/api/organisations/${pending.organisationId}`).auth(pending.token, { type: 'bearer' }).expect(200);
  });
});
