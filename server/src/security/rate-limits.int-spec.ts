// Rate limits that hold across server processes: failed logins counted atomically, an account
// under attack protected without locking its owner out, a request budget per user, registrations
// per address, and a message budget per socket. Two apps on one database stand for two processes.
import { randomInt, randomUUID } from 'node:crypto';
import { io, type Socket as Client } from 'socket.io-client';
import { DEVICE_COOKIE } from '../auth/device-cookie';
import { PASSWORD, randomCreditCode, TestApp, type Actor } from '../testing/test-app';

/** A made-up client address, sent as X-Forwarded-For to apps that trust one proxy hop. */
const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** The value of one cookie a response sets. */
function cookie(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const lines = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const line = lines.find((l) => l.startsWith(`${name}=`));
  return line?.slice(name.length + 1).split(';')[0];
}

describe('rate limits across processes (integration)', () => {
  let setup: TestApp;
  let a: TestApp;
  let b: TestApp;
  let organiser: Actor;

  beforeAll(async () => {
    // The organiser and the accounts are set up by an unlimited app; the limited ones share its database.
    // Same login limits as the limited apps (the unlock asks whether the account is protected).
    setup = await TestApp.start({ config: { loginMaxAttempts: 3 } });
    await setup.dataSource.query(`DELETE FROM rate_counter`); // what earlier specs counted
    organiser = await setup.organiser();
    const config = { trustProxy: 1, loginMaxAttempts: 3, rateLimitPerMinute: 20, registrationsPerHour: 3, socketMessagesPerSecond: 5 };
    a = await TestApp.start({ listen: true, config });
    b = await TestApp.start({ config });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), setup?.close()]);
  });

  const login = (app: TestApp, from: string, email: string, password: string, device?: string) => {
    const req = app.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });
    return device ? req.set('Cookie', `${DEVICE_COOKIE}=${device}`) : req;
  };

  it('counts parallel failed logins atomically, in both processes, so no more than the limit are tried', async () => {
    const user = await setup.organisation('enterprise');
    const from = address();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(i % 2 ? a : b, from, user.email, `wrong-password-${i}`)));
    const statuses = answers.map((r) => r.status);
    // With the old per-process counter checked after the password, all 40 were tried (40 × 401).
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(37);
    const refused = await login(a, from, user.email, PASSWORD).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The same account from another address is slowed separately, not locked.
    await login(b, address(), user.email, PASSWORD).expect(200);
  });

  it('protects an account guessed at from many addresses without locking out the browser its owner uses', async () => {
    const signatory = await setup.organisation('bank');
    const own = await login(a, address(), signatory.email, PASSWORD).expect(200);
    const device = cookie(own, DEVICE_COOKIE)!;
    expect(device).toMatch(/^[\w-]+\.[\w-]+$/);

    // 15 guesses (five times the limit), each from its own address: no address is over its limit.
    for (let i = 0; i < 15; i++) await login(i % 2 ? a : b, address(), signatory.email, `guess-${i}-guess`).expect(401);

    const stranger = await login(b, address(), signatory.email, PASSWORD).expect(429);
    expect(stranger.body.code).toBe('login_protected');
    // Another account's device cookie does not count.
    const other = await setup.organisation('enterprise');
    const otherDevice = cookie(await login(a, address(), other.email, PASSWORD).expect(200), DEVICE_COOKIE)!;
    expect((await login(a, address(), signatory.email, PASSWORD, otherDevice).expect(429)).body.code).toBe('login_protected');

    // The owner's browser signs in from a new address, and steps up to sign.
    const session = await login(a, address(), signatory.email, PASSWORD, device).expect(200);
    await a.http.post('/api/auth/step-up').auth(session.body.accessToken, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);

    // An organiser unlocks the account: a new browser signs in again; the unlock is audited. (Through
    // the setup app: its request budget is out of reach; the limited apps' is spent by others' leases.)
    await setup.http.post(`/api/users/${signatory.userId}/login-unlock`).auth(signatory.token, { type: 'bearer' }).expect(403);
    const unlock = await setup.http.post(`/api/users/${signatory.userId}/login-unlock`).auth(organiser.token, { type: 'bearer' }).expect(200);
    expect(unlock.body).toEqual({ wasProtected: true });
    await login(b, address(), signatory.email, PASSWORD).expect(200);
    const audit = await a.dataSource.query(`SELECT "actorUserId", data FROM audit_record WHERE action = 'auth.login_unlocked' AND "entityId" = $1`, [
      signatory.userId,
    ]);
    expect(audit).toEqual([{ actorUserId: organiser.userId, data: { wasProtected: true } }]);
  });

  it('counts wrong step-up passwords per login session, which nobody else can add to', async () => {
    const user = await setup.organisation('bank');
    const first = (await login(a, address(), user.email, PASSWORD).expect(200)).body.accessToken as string;
    const second = (await login(b, address(), user.email, PASSWORD).expect(200)).body.accessToken as string;
    for (let i = 0; i < 3; i++)
      await a.http
        .post('/api/auth/step-up')
        .auth(first, { type: 'bearer' })
        .send({ password: `wrong-password-${i}` })
        .expect(401);
    await b.http.post('/api/auth/step-up').auth(first, { type: 'bearer' }).send({ password: PASSWORD }).expect(429);
    await a.http.post('/api/auth/step-up').auth(second, { type: 'bearer' }).send({ password: PASSWORD }).expect(200);
  });

  it('gives each user one request budget a minute across processes, and never limits health checks', async () => {
    const [busy, calm] = await Promise.all([setup.organisation('enterprise'), setup.organisation('enterprise')]);
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) statuses.push((await (i % 2 ? a : b).http.get('/api/auth/me').auth(busy.token, { type: 'bearer' })).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
    const refused = await a.http.get('/api/events').auth(busy.token, { type: 'bearer' }).expect(429);
    expect(refused.body.code).toBe('too_many_requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another user of the same address is not held back, and load balancers' checks never are.
    await b.http.get('/api/auth/me').auth(calm.token, { type: 'bearer' }).expect(200);
    for (let i = 0; i < 30; i++) await a.http.get('/api/health').expect(200);
  });

  it('takes hits in blocks under a large budget: one counter query per block, at most a block more per process', async () => {
    const config = { rateLimitPerMinute: 500 }; // blocks of 10
    const [c, d] = await Promise.all([TestApp.start({ config }), TestApp.start({ config })]);
    try {
      const user = await setup.organisation('enterprise');
      const key = `http:requests:user:${user.userId}`;
      const statuses: number[] = [];
      for (let i = 0; i < 540; i++) statuses.push((await (i % 2 ? c : d).http.get('/api/auth/me').auth(user.token, { type: 'bearer' })).status);
      const passed = statuses.filter((s) => s === 200).length;
      expect(passed).toBeGreaterThanOrEqual(500 - 2 * 10);
      expect(passed).toBeLessThanOrEqual(500);
      expect(statuses.slice(-20).every((s) => s === 429)).toBe(true);
      // The shared counter moved in blocks: 540 requests took about 54 counter queries, not 540.
      const [{ hits }] = await setup.dataSource.query(`SELECT hits FROM rate_counter WHERE key = $1`, [key]);
      expect(hits % 10).toBe(0);
    } finally {
      await Promise.all([c.close(), d.close()]);
    }
  });

  it('counts requests without a login per address', async () => {
    const from = address();
    for (let i = 0; i < 20; i++) await (i % 2 ? a : b).http.get('/api/audit/tree-head').set('X-Forwarded-For', from).expect(200);
    await a.http.get('/api/audit/tree-head').set('X-Forwarded-For', from).expect(429);
    await a.http.get('/api/audit/tree-head').set('X-Forwarded-For', address()).expect(200);
  });

  it('takes a few self-registrations an hour from one address', async () => {
    const from = address();
    const register = (app: TestApp, at: string) =>
      app.http
        .post('/api/auth/register')
        .set('X-Forwarded-For', at)
        .send({
          organisation: {
            name: `限流测试${randomInt(1e6)}`,
            creditCode: randomCreditCode(),
            kind: 'enterprise',
            industry: 'C31',
            region: '630100',
            size: 'small',
            contactName: '李四',
            contactPhone: '0971-1234567',
          },
          admin: { email: `rl-${randomUUID()}@test.duijie.cn`, displayName: '李四', password: PASSWORD },
        });
    for (let i = 0; i < 3; i++) await register(i % 2 ? a : b, from).expect(201);
    expect((await register(a, from).expect(429)).body.code).toBe('too_many_requests');
    await register(b, address()).expect(201);
  });

  it('answers socket messages over their budget with too_many_requests, and drops a socket that keeps flooding', async () => {
    const socket: Client = io(a.url!, { auth: { token: organiser.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    try {
      // A malformed join is answered at once without touching the database: 30 in a burst.
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => socket.timeout(5000).emitWithAck('board:join', { sessionId: 'not-a-uuid', lastSeq: null })),
      );
      const codes = answers.map((answer: { code: string }) => answer.code);
      expect(codes.filter((c) => c === 'invalid')).toHaveLength(10);
      expect(codes.filter((c) => c === 'too_many_requests')).toHaveLength(20);
      // The budget refills (5 a second).
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await socket.timeout(5000).emitWithAck('board:join', { sessionId: 'not-a-uuid', lastSeq: null })).code).toBe('invalid');
      const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      for (let i = 0; i < 150; i++) socket.emit('board:leave', { sessionId: 'x' });
      expect(await closed).toBe('io server disconnect');
    } finally {
      socket.close();
    }
  });
});
