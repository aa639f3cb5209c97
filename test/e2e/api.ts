// A small HTTP client for end-to-end tests and benchmarks: the same calls a user's browser makes.
import {
  makeCreditCode,
  type ListingInput,
  type MatchSession,
  type ParticipantRole,
  type SessionInput,
  type SessionKind,
  SESSION_TRANSITIONS,
} from '@duijie/shared';
import { randomInt, randomUUID } from 'node:crypto';

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export type Actor = { token: string; organisationId: string };

/** The password of every organisation admin `Api.organisation` registers. */
export const E2E_PASSWORD = 'E2e-password-2026';

export class Api {
  constructor(readonly baseUrl: string) {}

  async call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async login(email: string, password: string): Promise<Actor> {
    const r = await this.call<{ accessToken: string; user: { organisation: { id: string } } }>('POST', '/auth/login', { email, password });
    return { token: r.accessToken, organisationId: r.user.organisation.id };
  }

  /** Registers an organisation, has the organiser approve it, and logs its admin in (password E2E_PASSWORD). */
  async organisation(
    organiser: Actor,
    kind: 'enterprise' | 'bank' | 'distributor' | 'construction_unit' | 'guarantor',
  ): Promise<Actor & { email: string; name: string }> {
    let org = '';
    for (let i = 0; i < 9; i++) org += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    const email = `e2e-${randomUUID()}@test.duijie.cn`;
    const password = E2E_PASSWORD;
    const name = `端到端${kind}${randomInt(1e6)}`;
    const r = await this.call<{ organisation: { id: string } }>('POST', '/auth/register', {
      organisation: {
        name,
        creditCode: makeCreditCode(`91630100${org}`),
        kind,
        industry: 'C31',
        region: '630100',
        size: 'medium',
        contactName: '测试',
        contactPhone: '0971-1234567',
      },
      admin: { email, displayName: '测试', password },
    });
    await this.call('POST', `/organisations/${r.organisation.id}/approve`, undefined, organiser.token);
    return { ...(await this.login(email, password)), email, name };
  }

  /** An event with one live session of the given kind (09:00–17:00 Beijing time, 20-minute slots, 10 tables unless overridden). */
  async liveSession(organiser: Actor, kind: SessionKind, overrides: Partial<SessionInput> = {}): Promise<MatchSession> {
    const event = await this.call<{ id: string }>(
      'POST',
      '/events',
      { name: `端到端活动${randomInt(1e6)}`, province: '630000', startDate: '2026-12-10', endDate: '2026-12-12', targetAmount: 1e10 },
      organiser.token,
    );
    let session = await this.call<MatchSession>(
      'POST',
      `/events/${event.id}/sessions`,
      {
        kind,
        title: '端到端专场',
        leadDepartment: '省经委',
        venue: '西宁',
        startsAt: '2026-12-10T09:00:00+08:00',
        endsAt: '2026-12-10T17:00:00+08:00',
        slotMinutes: 20,
        tableCount: 10,
        registrationMode: 'open',
        ...overrides,
      },
      organiser.token,
    );
    while (session.status !== 'live') {
      session = await this.call<MatchSession>(
        'POST',
        `/sessions/${session.id}/transition`,
        { to: SESSION_TRANSITIONS[session.status], version: session.version },
        organiser.token,
      );
    }
    return session;
  }

  async participate(actor: Actor, organiser: Actor, sessionId: string, role: ParticipantRole): Promise<void> {
    const p = await this.call<{ id: string }>('POST', `/sessions/${sessionId}/participants`, { role }, actor.token);
    await this.call('POST', `/participants/${p.id}/approve`, undefined, organiser.token);
  }

  createListing(actor: Actor, sessionId: string, body: ListingInput): Promise<{ id: string; version: number }> {
    return this.call('POST', `/sessions/${sessionId}/listings`, body, actor.token);
  }
}

export const steelSupply = (title: string, quantity = 1000): ListingInput => ({
  type: 'supply',
  title,
  goods: { category: 'steel', quantity, unit: '吨', priceMin: 3600, priceMax: 3900, region: '630100' },
});
