import { PASSWORD, randomCreditCode, TestApp, type Actor } from '../testing/test-app';

/** The Set-Cookie lines of a response, by cookie name. */
function cookiesOf(res: { headers: Record<string, unknown> }): Map<string, string> {
  const lines = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return new Map(lines.map((line) => [line.split('=')[0], line]));
}

const valueOf = (line: string) => line.split(';')[0].split('=').slice(1).join('=');

describe('identity: registration, organiser departments, suspension, login sessions (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
  });
  afterAll(() => t.close());

  const department = (email: string) => ({
    organisation: {
      name: `第二主办部门${Date.now()}`,
      creditCode: randomCreditCode('630000'),
      kind: 'organiser',
      industry: 'S92',
      region: '630000',
      size: 'medium',
      contactName: '王五',
      contactPhone: '0971-7654321',
    },
    admin: { email },
  });
  const auditActions = async (entityId: string): Promise<string[]> => {
    const rows: { action: string }[] = await t.dataSource.query(`SELECT action FROM audit_record WHERE "entityId" = $1 ORDER BY id`, [entityId]);
    return rows.map((r) => r.action);
  };

  it('refuses self-registration of an organiser department with 400 naming organisation.kind', async () => {
    const email = `self-organiser-${Date.now()}@test.duijie.cn`;
    const res = await t.http
      .post('/api/auth/register')
      .send({ ...department(email), admin: { email, displayName: '冒充者', password: PASSWORD } })
      .expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('organisation.kind');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM app_user WHERE email = $1`, [email]);
    expect(count).toBe(0);
  });

  it('lets an organiser create another organiser department whose invited first user is an organiser', async () => {
    const email = `dept-${Date.now()}@test.duijie.cn`;
    const res = await t.http.post('/api/organiser-departments').auth(organiser.token, { type: 'bearer' }).send(department(email)).expect(201);
    expect(res.body.organisation).toEqual(expect.objectContaining({ kind: 'organiser', status: 'approved' }));
    expect(res.body.invitation.role).toBe('organiser');
    const accepted = await t.http.post(`/api/invitations/${res.body.invitation.token}/accept`).send({ displayName: '新主办', password: PASSWORD }).expect(200);
    expect(accepted.body.user.role).toBe('organiser');
    expect(accepted.body.user.organisation.id).toBe(res.body.organisation.id);
  });

  it('refuses organiser departments from non-organisers', async () => {
    const enterprise = await t.organisation('enterprise');
    await t.http
      .post('/api/organiser-departments')
      .auth(enterprise.token, { type: 'bearer' })
      .send(department(`x-${Date.now()}@test.duijie.cn`))
      .expect(403);
  });

  it('suspends an organisation: its tokens get 401 at once, it cannot log in, and reinstating restores it; both audited', async () => {
    const bank = await t.organisation('bank');
    await t.http.get('/api/auth/me').auth(bank.token, { type: 'bearer' }).expect(200);
    const suspended = await t.http
      .post(`/api/organisations/${bank.organisationId}/suspend`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ reason: '资料造假' })
      .expect(200);
    expect(suspended.body.status).toBe('suspended');
    const refused = await t.http.get('/api/auth/me').auth(bank.token, { type: 'bearer' }).expect(401);
    expect(refused.body.message).toContain('suspended');
    await t.http.post('/api/auth/login').send({ email: bank.email, password: PASSWORD }).expect(401);
    await t.http.post(`/api/organisations/${bank.organisationId}/reinstate`).auth(organiser.token, { type: 'bearer' }).expect(200);
    await t.http.get('/api/auth/me').auth(bank.token, { type: 'bearer' }).expect(200);
    expect(await auditActions(bank.organisationId)).toEqual(expect.arrayContaining(['organisation.suspended', 'organisation.reinstated']));
  });

  it('lets only organisers suspend, and never their own organisation', async () => {
    const enterprise = await t.organisation('enterprise');
    const other = await t.organisation('enterprise');
    await t.http.post(`/api/organisations/${other.organisationId}/suspend`).auth(enterprise.token, { type: 'bearer' }).send({ reason: 'x' }).expect(403);
    const own = await t.http
      .post(`/api/organisations/${organiser.organisationId}/suspend`)
      .auth(organiser.token, { type: 'bearer' })
      .send({ reason: 'x' })
      .expect(409);
    expect(own.body.code).toBe('invalid_state');
    const noReason = await t.http.post(`/api/organisations/${other.organisationId}/suspend`).auth(organiser.token, { type: 'bearer' }).send({}).expect(400);
    expect(noReason.body.fields[0].field).toBe('reason');
  });

  it('sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie at login', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }).expect(200);
    const cookies = cookiesOf(res);
    expect(cookies.get('duijie_session')).toMatch(/HttpOnly/);
    expect(cookies.get('duijie_session')).toMatch(/SameSite=Strict/);
    expect(cookies.get('duijie_csrf')).not.toMatch(/HttpOnly/);
    expect(cookies.get('duijie_csrf')).toMatch(/SameSite=Strict/);
  });

  it('refuses a login posted from another site (login CSRF), and accepts one from this site', async () => {
    const body = { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };
    await t.http.post('/api/auth/login').set('Origin', 'https://evil.example').send(body).expect(403);
    const host = 'duijie.test';
    await t.http.post('/api/auth/login').set('Host', host).set('Origin', `https://${host}`).send(body).expect(200);
  });

  it('authenticates by cookie, and refuses a cookie-authenticated write without the CSRF header', async () => {
    const login = await t.http.post('/api/auth/login').send({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }).expect(200);
    const cookies = cookiesOf(login);
    const session = valueOf(cookies.get('duijie_session')!);
    const csrf = valueOf(cookies.get('duijie_csrf')!);
    const jar = `duijie_session=${session}; duijie_csrf=${csrf}`;
    await t.http.get('/api/auth/me').set('Cookie', jar).expect(200);
    const event = { name: `CSRF 测试活动${Date.now()}`, province: '630000', startDate: '2026-12-10', endDate: '2026-12-12', targetAmount: 1000 };
    const forged = await t.http.post('/api/events').set('Cookie', jar).send(event).expect(403);
    expect(forged.body.message).toContain('CSRF');
    await t.http
      .post('/api/events')
      .set('Cookie', jar)
      .set('X-CSRF-Token', 'wrong-value-of-the-same-length-xxxxxxxx'.slice(0, csrf.length))
      .send(event)
      .expect(403);
    await t.http.post('/api/events').set('Cookie', jar).set('X-CSRF-Token', csrf).send(event).expect(201);
  });

  it('logs out: the token stops working at once (bearer and cookie), and the cookies are cleared', async () => {
    const login = await t.http.post('/api/auth/login').send({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD }).expect(200);
    const token: string = login.body.accessToken;
    const other = await t.organiser();
    const out = await t.http.post('/api/auth/logout').auth(token, { type: 'bearer' }).expect(204);
    expect(cookiesOf(out).get('duijie_session')).toMatch(/Expires=Thu, 01 Jan 1970/);
    const refused = await t.http.get('/api/auth/me').auth(token, { type: 'bearer' }).expect(401);
    expect(refused.body.message).toContain('logged out');
    await t.http.get('/api/auth/me').set('Cookie', `duijie_session=${token}`).expect(401);
    // Another login of the same user is its own session and keeps working.
    await t.http.get('/api/auth/me').auth(other.token, { type: 'bearer' }).expect(200);
  });

  it('refuses a token whose session has expired on the server', async () => {
    const actor = await t.organiser();
    await t.dataSource.query(
      `UPDATE auth_session SET "expiresAt" = now() - interval '1 second' WHERE id = (SELECT id FROM auth_session WHERE "userId" = $1 ORDER BY "createdAt" DESC LIMIT 1)`,
      [actor.userId],
    );
    await t.http.get('/api/auth/me').auth(actor.token, { type: 'bearer' }).expect(401);
  });

  it('audits logins, failed logins and step-ups, and binds a step-up grant to its login session', async () => {
    const bank = await t.organisation('bank');
    await t.http.post('/api/auth/login').send({ email: bank.email, password: 'Wrong-password-77' }).expect(401);
    const second = await t.login(bank.email, PASSWORD);
    await t.http.post('/api/auth/step-up').auth(second.token, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);
    const actions = await auditActions(bank.userId);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.step_up']));
    const sessions: { granted: boolean }[] = await t.dataSource.query(
      `SELECT ("signingGrantUntil" IS NOT NULL) AS granted FROM auth_session WHERE "userId" = $1 ORDER BY "createdAt"`,
      [bank.userId],
    );
    // Registration's login (bank.token) has no grant; only the session that confirmed the password has.
    expect(sessions.map((s) => s.granted)).toEqual([false, true]);
  });

  it('sends security headers: a CSP, no X-Powered-By', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('never lets two organiser departments suspend each other at once: one stays active', async () => {
    const email = `mutual-${Date.now()}@test.duijie.cn`;
    const dept = await t.http.post('/api/organiser-departments').auth(organiser.token, { type: 'bearer' }).send(department(email)).expect(201);
    await t.http.post(`/api/invitations/${dept.body.invitation.token}/accept`).send({ displayName: '乙方主办', password: PASSWORD }).expect(200);
    const b = await t.login(email, PASSWORD);
    // Every other organiser department of earlier tests is suspended first, so only these two remain.
    const others: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM organisation WHERE kind = 'organiser' AND status = 'approved' AND id NOT IN ($1, $2)`,
      [organiser.organisationId, b.organisationId],
    );
    for (const o of others)
      await t.http.post(`/api/organisations/${o.id}/suspend`).auth(organiser.token, { type: 'bearer' }).send({ reason: '测试' }).expect(200);
    const [ab, ba] = await Promise.all([
      t.http.post(`/api/organisations/${b.organisationId}/suspend`).auth(organiser.token, { type: 'bearer' }).send({ reason: '互相暂停' }),
      t.http.post(`/api/organisations/${organiser.organisationId}/suspend`).auth(b.token, { type: 'bearer' }).send({ reason: '互相暂停' }),
    ]);
    const statuses = [ab.status, ba.status].sort();
    // One wins; the other is refused: as the last active department (409), or because its own department was just suspended (401).
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM organisation WHERE kind = 'organiser' AND status = 'approved'`);
    expect(count).toBe(1);
    // Put the first department back for the specs that follow.
    if (ba.status === 200) await t.http.post(`/api/organisations/${organiser.organisationId}/reinstate`).auth(b.token, { type: 'bearer' }).expect(200);
  });
});
