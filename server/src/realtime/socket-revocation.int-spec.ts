import type { ClientToServerEvents, ServerToClientEvents } from '@duijie/shared';
import { io, type Socket } from 'socket.io-client';
import { PASSWORD, TestApp, type Actor } from '../testing/test-app';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Sockets lose their rights with the HTTP token: deactivation, role change, suspension, logout, expiry. */
describe('socket revocation (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  const sockets: Client[] = [];

  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
    organiser = await t.organiser();
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  const open = (opts: { auth?: Record<string, string>; headers?: Record<string, string> }): Promise<Client> =>
    new Promise((resolve, reject) => {
      const socket: Client = io(t.url!, { auth: opts.auth ?? {}, extraHeaders: opts.headers, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  const disconnected = (socket: Client, ms = 5000): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket still connected')), ms);
      socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });

  /** An approved enterprise with a second user, an org member. */
  async function memberOf(): Promise<{ admin: Actor; member: Actor }> {
    const admin = await t.organisation('enterprise');
    const email = `member-${Date.now()}-${Math.random()}@test.duijie.cn`;
    const inv = await t.http
      .post(`/api/organisations/${admin.organisationId}/invitations`)
      .auth(admin.token, { type: 'bearer' })
      .send({ email, role: 'org_member' })
      .expect(201);
    await t.http.post(`/api/invitations/${inv.body.token}/accept`).send({ displayName: '成员', password: PASSWORD }).expect(200);
    return { admin, member: await t.login(email, PASSWORD) };
  }

  it('closes a deactivated member’s socket at once', async () => {
    const { admin, member } = await memberOf();
    const socket = await open({ auth: { token: member.token } });
    const closed = disconnected(socket);
    await t.http.patch(`/api/users/${member.userId}`).auth(admin.token, { type: 'bearer' }).send({ active: false }).expect(200);
    expect(await closed).toBe('io server disconnect');
    await expect(open({ auth: { token: member.token } })).rejects.toThrow(/not active/);
  });

  it('closes the socket when the role changes, and a new one carries the new role', async () => {
    const { admin, member } = await memberOf();
    const socket = await open({ auth: { token: member.token } });
    const closed = disconnected(socket);
    await t.http.patch(`/api/users/${member.userId}`).auth(admin.token, { type: 'bearer' }).send({ role: 'org_admin' }).expect(200);
    expect(await closed).toBe('io server disconnect');
    await open({ auth: { token: member.token } });
  });

  it('closes every socket of a suspended organisation', async () => {
    const { admin, member } = await memberOf();
    const a = await open({ auth: { token: admin.token } });
    const m = await open({ auth: { token: member.token } });
    const closed = Promise.all([disconnected(a), disconnected(m)]);
    await t.http.post(`/api/organisations/${admin.organisationId}/suspend`).auth(organiser.token, { type: 'bearer' }).send({ reason: '测试暂停' }).expect(200);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
    await expect(open({ auth: { token: admin.token } })).rejects.toThrow(/suspended/);
  });

  it('closes the sockets of a session that logs out, not those of the same user’s other session', async () => {
    const first = await t.organiser();
    const second = await t.organiser();
    const a = await open({ auth: { token: first.token } });
    const b = await open({ auth: { token: second.token } });
    const closed = disconnected(a);
    await t.http.post('/api/auth/logout').auth(first.token, { type: 'bearer' }).expect(204);
    expect(await closed).toBe('io server disconnect');
    await new Promise((r) => setTimeout(r, 200));
    expect(b.connected).toBe(true);
  });

  it('closes the socket when its login session expires', async () => {
    const { member } = await memberOf();
    await t.dataSource.query(`UPDATE auth_session SET "expiresAt" = now() + interval '1500 milliseconds' WHERE "userId" = $1`, [member.userId]);
    const socket = await open({ auth: { token: member.token } });
    expect(await disconnected(socket, 6000)).toBe('io server disconnect');
  });

  it('authenticates a socket by the session cookie from this site, and refuses it from another site', async () => {
    const actor = await t.organiser();
    const cookie = `duijie_session=${actor.token}`;
    const socket = await open({ headers: { cookie, origin: t.url! } });
    expect(socket.connected).toBe(true);
    await expect(open({ headers: { cookie, origin: 'https://evil.example' } })).rejects.toThrow(/Cross-site/);
  });
});
