// Helpers for integration specs: a real Nest app on the test PostgreSQL, driven over
// HTTP with supertest, and shortcuts that go through the API like a user would.
import type { INestApplication } from '@nestjs/common';
import {
  makeCreditCode,
  type ListingInput,
  type MatchEvent,
  type MatchSession,
  type OrganisationKind,
  type ParticipantRole,
  type SessionKind,
  type SessionStatus,
  SESSION_TRANSITIONS,
} from '@duijie/shared';
import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap';
import { loadConfig, type AppConfig } from '../config/config';
import { runMigrations } from '../database/migrate';
import { JobQueue } from '../jobs/job-queue';
import { OrganisationsService } from '../organisations/organisations.service';
import { ensureAdmin } from '../seed/admin';
import { UsersService } from '../users/users.service';

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const PASSWORD = 'Correct-horse-42';

export function randomCreditCode(region = '630100'): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return makeCreditCode(`91${region}${org}`);
}

const UNLIMITED = { rateLimitPerMinute: 10_000_000, registrationsPerHour: 1_000_000, socketMessagesPerSecond: 100_000 } satisfies Partial<AppConfig>;

export type Actor = { token: string; userId: string; organisationId: string; email: string };

export class TestApp {
  private constructor(
    readonly app: INestApplication,
    /** The base URL when started with `listen`, for socket.io clients. */
    readonly url: string | null,
  ) {}

  /**
   * A server on the test database. Its request, registration and socket-message budgets are
   * out of reach unless `config` sets them (their own spec does): a suite sets up from one
   * address and one organiser far faster than people do. Counters left by earlier specs go.
   */
  static async start(opts: { listen?: boolean; config?: Partial<AppConfig> } = {}): Promise<TestApp> {
    const config: AppConfig = { ...loadConfig([]), clientDist: null, ...UNLIMITED, ...opts.config };
    const app = await createApp(config, process.env.DATABASE_URL!, false);
    let url: string | null = null;
    if (opts.listen) {
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address() as { port: number };
      url = `http://127.0.0.1:${address.port}`;
    } else {
      await app.init();
    }
    const dataSource = app.get(DataSource);
    await runMigrations(dataSource);
    if (!opts.config) await dataSource.query(`DELETE FROM rate_counter`);
    await ensureAdmin(dataSource, app.get(OrganisationsService), app.get(UsersService), config);
    // As main.ts does once the server is up: queued and scheduled jobs run (unless config.jobsEnabled is false).
    await app.get(JobQueue).start();
    return new TestApp(app, url);
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  close(): Promise<void> {
    return this.app.close();
  }

  async login(email: string, password: string): Promise<Actor> {
    const res = await this.http.post('/api/auth/login').send({ email, password }).expect(200);
    return { token: res.body.accessToken, userId: res.body.user.id, organisationId: res.body.user.organisation.id, email };
  }

  organiser(): Promise<Actor> {
    return this.login(process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
  }

  /** Self-registers an organisation and its admin; approves it unless told not to. */
  async organisation(
    kind: OrganisationKind,
    opts: { approve?: boolean; region?: string; size?: string; name?: string } = {},
  ): Promise<Actor & { creditCode: string }> {
    const email = `admin-${randomUUID()}@test.duijie.cn`;
    const creditCode = randomCreditCode(opts.region ?? '630100');
    const res = await this.http
      .post('/api/auth/register')
      .send({
        organisation: {
          name: opts.name ?? `测试${kind}${randomInt(1e6)}`,
          creditCode,
          kind,
          industry: kind === 'bank' ? 'J66' : 'C31',
          region: opts.region ?? '630100',
          size: opts.size ?? 'medium',
          contactName: '张三',
          contactPhone: '0971-1234567',
        },
        admin: { email, displayName: '测试管理员', password: PASSWORD },
      })
      .expect(201);
    if (opts.approve !== false) {
      const organiser = await this.organiser();
      await this.http.post(`/api/organisations/${res.body.organisation.id}/approve`).auth(organiser.token, { type: 'bearer' }).expect(200);
    }
    return { ...(await this.login(email, PASSWORD)), creditCode };
  }

  async event(organiser: Actor): Promise<MatchEvent> {
    const res = await this.http
      .post('/api/events')
      .auth(organiser.token, { type: 'bearer' })
      .send({ name: `测试对接活动${randomInt(1e6)}`, province: '630000', startDate: '2026-12-10', endDate: '2026-12-12', targetAmount: 30_000_000_000 })
      .expect(201);
    return res.body;
  }

  /** A session moved forward to `status`. */
  async session(
    organiser: Actor,
    eventId: string,
    kind: SessionKind,
    status: SessionStatus = 'registration',
    registrationMode: 'open' | 'invitation' = 'open',
    title = `${kind} 专场`,
  ): Promise<MatchSession> {
    let res = await this.http
      .post(`/api/events/${eventId}/sessions`)
      .auth(organiser.token, { type: 'bearer' })
      .send({
        kind,
        title,
        leadDepartment: '省经委',
        venue: '青海国际会展中心',
        startsAt: '2026-12-10T09:00:00+08:00',
        endsAt: '2026-12-10T17:00:00+08:00',
        slotMinutes: 20,
        tableCount: 12,
        ceremonyAt: '2026-12-10T16:00:00+08:00',
        registrationMode,
      })
      .expect(201);
    let session: MatchSession = res.body;
    while (session.status !== status) {
      res = await this.http
        .post(`/api/sessions/${session.id}/transition`)
        .auth(organiser.token, { type: 'bearer' })
        .send({ to: SESSION_TRANSITIONS[session.status], version: session.version })
        .expect(200);
      session = res.body;
    }
    return session;
  }

  /** Registers the actor's organisation in a role and has the organiser approve it. */
  async participate(actor: Actor, organiser: Actor, sessionId: string, role: ParticipantRole): Promise<void> {
    const res = await this.http.post(`/api/sessions/${sessionId}/participants`).auth(actor.token, { type: 'bearer' }).send({ role }).expect(201);
    await this.http.post(`/api/participants/${res.body.id}/approve`).auth(organiser.token, { type: 'bearer' }).expect(200);
  }
}

export const supplyListing = (overrides: Partial<ListingInput> = {}): ListingInput => ({
  type: 'supply',
  title: '螺纹钢 HRB400 供应',
  description: '西宁产，现货',
  goods: {
    category: 'steel',
    specification: 'HRB400 Φ12-25',
    quantity: 5000,
    unit: '吨',
    priceMin: 3600,
    priceMax: 3900,
    deliveryFrom: '2027-01-01',
    deliveryTo: '2027-06-30',
    region: '630100',
  },
  ...overrides,
});
