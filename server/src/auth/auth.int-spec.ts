import { TestApp, PASSWORD, randomCreditCode } from '../testing/test-app';

describe('auth (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.LOGIN_MAX_ATTEMPTS = '3';
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  const registration = (overrides: Record<string, unknown> = {}) => ({
    organisation: {
      name: '青海测试企业',
      creditCode: randomCreditCode(),
      kind: 'enterprise',
      industry: 'C31',
      region: '630100',
      size: 'small',
      contactName: '李四',
      contactPhone: '13800000000',
    },
    admin: { email: `a-${Date.now()}-${Math.random()}@test.duijie.cn`, displayName: '李四', password: PASSWORD },
    ...overrides,
  });

  it('logs the first organiser in with the configured admin account', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }).expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user.role).toBe('organiser');
    const me = await t.http.get('/api/auth/me').auth(res.body.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body.organisation.kind).toBe('organiser');
  });

  it('refuses a wrong password with one message that does not reveal whether the account exists', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ email: process.env.ADMIN_EMAIL, password: 'not-the-password' }).expect(401);
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@test.duijie.cn', password: 'not-the-password' }).expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('rate-limits repeated failed logins with 429 and Retry-After', async () => {
    const email = 'target@test.duijie.cn';
    for (let i = 0; i < 3; i++)
      await t.http
        .post('/api/auth/login')
        .send({ email, password: 'guess-guess-' + i })
        .expect(401);
    const res = await t.http.post('/api/auth/login').send({ email, password: 'guess-guess-x' }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.code).toBe('too_many_requests');
  });

  it('self-registers an organisation that waits for approval while its admin can log in', async () => {
    const body = registration();
    const res = await t.http.post('/api/auth/register').send(body).expect(201);
    expect(res.body.organisation.status).toBe('pending');
    expect(res.body.user.role).toBe('org_admin');
    expect(JSON.stringify(res.body)).not.toContain('passwordHash');
    const login = await t.login(body.admin.email, PASSWORD);
    const me = await t.http.get('/api/auth/me').auth(login.token, { type: 'bearer' }).expect(200);
    expect(me.body.organisation.status).toBe('pending');
  });

  it('refuses a bad credit code with 400 naming the field', async () => {
    const body = registration();
    (body.organisation as Record<string, unknown>).creditCode = '91630100MA0000000X';
    const res = await t.http.post('/api/auth/register').send(body).expect(400);
    expect(res.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'organisation.creditCode' })]));
    expect(res.body.message).toContain('organisation.creditCode');
  });

  it('refuses unknown fields and names them', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send({ ...registration(), isAdmin: true })
      .expect(400);
    expect(res.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'isAdmin' })]));
  });

  it('refuses a second registration of the same credit code with 409 naming the field', async () => {
    const first = registration();
    await t.http.post('/api/auth/register').send(first).expect(201);
    const second = registration({ organisation: { ...first.organisation, name: '另一家' } });
    const res = await t.http.post('/api/auth/register').send(second).expect(409);
    expect(res.body.fields[0].field).toBe('organisation.creditCode');
  });

  it('refuses short passwords naming admin.password', async () => {
    const body = registration();
    body.admin.password = 'short';
    const res = await t.http.post('/api/auth/register').send(body).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('admin.password');
  });

  it('refuses requests without or with a forged token', async () => {
    await t.http.get('/api/auth/me').expect(401);
    const res = await t.http.get('/api/auth/me').auth('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad', { type: 'bearer' }).expect(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('never writes a password or a token to the logs', async () => {
    const writes: string[] = [];
    const capture = (chunk: unknown) => {
      writes.push(String(chunk));
      return true;
    };
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void writes.push(a.join(' ')));
    const error = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void writes.push(a.join(' ')));
    try {
      const body = registration();
      await t.http.post('/api/auth/register').send(body).expect(201);
      const res = await t.http.post('/api/auth/login').send({ email: body.admin.email, password: PASSWORD }).expect(200);
      await t.http.post('/api/auth/login').send({ email: body.admin.email, password: 'Wrong-password-123' }).expect(401);
      await t.http.get('/api/auth/me').auth(res.body.accessToken, { type: 'bearer' }).expect(200);
      const all = writes.join('\n');
      expect(all).not.toContain(PASSWORD);
      expect(all).not.toContain('Wrong-password-123');
      expect(all).not.toContain(res.body.accessToken);
    } finally {
      out.mockRestore();
      err.mockRestore();
      log.mockRestore();
      error.mockRestore();
    }
  });

  it('answers malformed JSON and non-UUID ids with a 400, never a 500', async () => {
    const bad = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(bad.body.statusCode).toBe(400);
    const organiser = await t.organiser();
    const id = await t.http.get('/api/listings/not-a-uuid').auth(organiser.token, { type: 'bearer' }).expect(400);
    expect(id.body.fields[0].field).toBe('id');
    await t.http.get('/api/listings/6f1d7c1e-0000-4000-8000-000000000000').auth(organiser.token, { type: 'bearer' }).expect(404);
  });

  it('answers health checks without a token', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs/openapi.json').expect(200);
    expect(res.body.servers).toEqual([{ url: '/api' }]);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/sessions/{id}/listings']));
  });

  it('gives a user of an unapproved organisation only its own registration (403 organisation_not_approved elsewhere)', async () => {
    const organiser = await t.organiser();
    const pending = await t.organisation('enterprise', { approve: false });
    const approved = await t.organisation('enterprise');
    const as = (path: string) => t.http.get(path).auth(pending.token, { type: 'bearer' });
    expect((await as('/api/auth/me').expect(200)).body.organisation.status).toBe('pending');
    await as(`/api/organisations/${pending.organisationId}`).expect(200);
    await t.http.patch(`/api/organisations/${pending.organisationId}`).auth(pending.token, { type: 'bearer' }).send({ contactName: '李四' }).expect(200);
    // The directory with every organisation's contacts, the events, the supermarket: refused.
    await as(`/api/organisations/${approved.organisationId}`).expect(404);
    for (const path of ['/api/organisations', '/api/events', '/api/me/participations', '/api/me/meeting-requests']) {
      const res = await as(path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'organisation_not_approved' });
    }
    // Approval opens the rest with the same token.
    await t.http.post(`/api/organisations/${pending.organisationId}/approve`).auth(organiser.token, { type: 'bearer' }).expect(200);
    await as('/api/events').expect(200);
  });
});
