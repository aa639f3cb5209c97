// Malformed input against every write route (read from Nest's route table, so new routes are
// covered without editing this) and every socket.io message handler: no 5xx, the process stays
// healthy, and nothing a refused request touched is persisted (row counts of every table and
// the last audit record are compared before and after). Deterministic: a seeded PRNG.
import type { Agreement, RunningOrder } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { getMetadataStorage } from 'class-validator';
import { PASSWORD, TestApp, supplyListing, type Actor } from '../testing/test-app';
import { controllerRoutes, messageHandlers, type RouteInfo } from '../testing/route-table';

const SEED = 20261204;
const HTTP_REQUESTS = 12_000;
const MESSAGES_PER_HANDLER = 200;
const CONCURRENCY = 8;

/** mulberry32: small, seeded, good enough to pick malformations. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const BAD_IDS = [
  'x',
  '1',
  '0',
  '-1',
  'null',
  'undefined',
  '%00',
  'a%00b',
  '..%2F..%2Fetc',
  "1' OR '1'='1",
  '0000',
  '9'.repeat(40),
  `${randomUUID()}x`,
  '{}',
  '[]',
  '%E4%B8%AD%E6%96%87',
  'z'.repeat(600),
  '00000000-0000-0000-0000-00000000000g',
];

/** Values of every wrong kind: type confusion, huge numbers and strings, empty parts, huge arrays. */
function junk(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 1 ? 16 : 19)) {
    case 0:
      return null;
    case 1:
      return true;
    case 2:
      return rng.pick([0, -1, 1.5, 1e308, -1e308, 5e17, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e-308]);
    case 3:
      return rng.pick(['', ' ', 'x', '1e999', 'NaN', 'Infinity', '-0', '2026-02-30', '9999-99-99', '0001-01-01', '2026-12-10T25:00:00Z', 'true']);
    case 4:
      return 'x'.repeat(rng.pick([201, 1001, 5001, 20_001, 60_000]));
    case 5:
      return '中'.repeat(rng.int(3000));
    case 6:
      return randomUUID();
    case 7:
      return rng.pick(['<script>alert(1)</script>', "'; DROP TABLE listing; --", '\u202e\u200b', '\ud800', '${jndi:ldap://x}', '../../etc/passwd']);
    case 8:
      return [];
    case 9:
      return {};
    case 10:
      return Array.from({ length: rng.pick([101, 501, 5000]) }, () => rng.int(100));
    case 11:
      return rng.pick(['supply', 'demand', 'financing_need', 'credit_offer', 'guarantee_offer', 'loan', 'organiser', 'org_admin', 'registration', 'live']);
    case 12:
      return rng.pick([-2147483649, 2147483648, 1e15 + 1, 9.999e20]);
    case 13:
      return String(rng.int(1e9));
    case 14:
      return '2026-12-10';
    case 15:
      return rng.pick([false, 0, '']);
    case 16:
      return [junk(rng, depth + 1), junk(rng, depth + 1)];
    case 17:
      return { a: junk(rng, depth + 1), [`k${rng.int(9)}`]: junk(rng, depth + 1) };
    default:
      return Array.from({ length: 3 }, () => ({}));
  }
}

function fieldsOf(dto: RouteInfo['body']): string[] {
  if (!dto) return [];
  const names = new Set<string>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) names.add(m.propertyName);
  return [...names];
}

/** Fields of the DTO, each given junk (or left out: missing fields). */
function junkFields(rng: Rng, fields: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) if (rng.next() < 0.7) body[f] = junk(rng);
  return body;
}

const nest = (depth: number, open: string, close: string, inner: string) => open.repeat(depth) + inner + close.repeat(depth);

type Payload = { kind: string; path: Record<string, 'real' | 'missing' | 'bad'>; body: string | Record<string, unknown> | unknown[] | null; query?: string };

/**
 * A payload that must be refused. With real ids in the path, the body carries something no
 * DTO accepts (an unknown field, NUL, depth, a prototype key, the wrong JSON type); otherwise
 * the path has a malformed or unknown id.
 */
function payload(rng: Rng, route: RouteInfo): Payload {
  const fields = fieldsOf(route.body);
  const real = Object.fromEntries(route.params.map((p) => [p, 'real' as const]));
  const bodyRoute = route.body !== null && route.method !== 'GET';
  const kinds = bodyRoute ? ['unknownField', 'nul', 'deep', 'protoKey', 'wrongType', 'badId', 'missingId'] : ['badId', 'missingId'];
  const kind =
    route.params.length === 0 ? rng.pick(kinds.filter((k) => k !== 'badId' && k !== 'missingId').concat(bodyRoute ? [] : ['query'])) : rng.pick(kinds);
  const base = junkFields(rng, fields);
  const some = fields.length > 0 ? rng.pick(fields) : 'title';
  switch (kind) {
    case 'unknownField':
      return { kind, path: real, body: { ...base, [rng.pick(['isAdmin', 'role2', 'id', 'organisationId2', 'zz', '$where', 'version2'])]: junk(rng) } };
    case 'nul':
      return { kind, path: real, body: { ...base, [some]: rng.pick(['\u0000', 'a\u0000b', '螺纹钢\u0000']) } };
    case 'deep': {
      const depth = rng.pick([33, 64, 500, 5000, 15_000]);
      const inner = rng.next() < 0.5 ? nest(depth, '{"a":', '}', '1') : nest(depth, '[', ']', '');
      return { kind, path: real, body: `{${JSON.stringify(some)}:${inner}}` };
    }
    case 'protoKey': {
      const key = rng.pick(['__proto__', 'constructor', 'prototype']);
      const where = rng.next() < 0.5 ? `{"${key}":{"isAdmin":true}}` : `{${JSON.stringify(some)}:{"${key}":{"polluted":1}}}`;
      return { kind, path: real, body: key === '__proto__' || rng.next() < 0.5 ? where : `{"${key}":{"prototype":{"x":1}}}` };
    }
    case 'wrongType':
      return { kind, path: real, body: rng.pick(['[]', '[{}]', '"x"', '1', 'null', 'true', '[1,2,3]', JSON.stringify([base])]) };
    case 'query':
      return {
        kind,
        path: real,
        body: null,
        query: `page=${rng.pick(['5e17', '-1', '0', '1.5', 'x', '%00', '99999999999'])}&pageSize=${rng.pick(['0', '201', '1e9', 'x'])}`,
      };
    default: {
      // badId or missingId: at least one malformed/unknown id; the body may be plain junk.
      const path: Payload['path'] = Object.fromEntries(route.params.map((p) => [p, kind === 'badId' ? 'bad' : 'missing']));
      if (route.params.length > 1 && rng.next() < 0.5) path[route.params[rng.int(route.params.length)]] = 'real';
      if (Object.values(path).every((v) => v === 'real')) path[route.params[0]] = kind === 'badId' ? 'bad' : 'missing';
      return { kind, path, body: rng.next() < 0.8 ? base : null };
    }
  }
}

let rawAckId = 1_000_000;

/** Sends `["message", <json>]` as a socket.io event packet (type 2) with an ack id; the engine adds its message type. */
function rawEmitWithAck(socket: Socket, message: string, json: string): Promise<{ ok?: boolean; code?: string }> {
  const id = rawAckId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer')), 2000);
    (socket as unknown as { acks: Record<number, (answer: { ok?: boolean }) => void> }).acks[id] = (answer) => {
      clearTimeout(timer);
      resolve(answer);
    };
    (socket.io as unknown as { engine: { write(data: string): void } }).engine.write(`2${id}[${JSON.stringify(message)},${json}]`);
  });
}

describe('fuzz: malformed input everywhere (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let actors: Actor[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
    organiser = await t.organiser();
    const as = (a: Actor) => ({ post: (p: string, body: object) => t.http.post(`/api${p}`).auth(a.token, { type: 'bearer' }).send(body) });
    const eventId = (await t.event(organiser)).id;
    const goods = (await t.session(organiser, eventId, 'upstream_downstream', 'live')).id;
    const bankSession = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    const [supplier, buyer, borrower, bank] = await Promise.all([
      t.organisation('enterprise'),
      t.organisation('enterprise'),
      t.organisation('enterprise'),
      t.organisation('bank'),
    ]);
    await t.participate(supplier, organiser, goods, 'supplier');
    await t.participate(buyer, organiser, goods, 'buyer');
    await t.participate(borrower, organiser, bankSession, 'borrower');
    await t.participate(bank, organiser, bankSession, 'lender');
    await as(organiser).post('/auth/step-up', { password: process.env.ADMIN_PASSWORD! }).expect(200);
    for (const a of [supplier, borrower, bank]) await as(a).post('/auth/step-up', { password: PASSWORD }).expect(200);
    const listing = (await as(supplier).post(`/sessions/${goods}/listings`, supplyListing()).expect(201)).body;
    const demand = (
      await as(buyer)
        .post(`/sessions/${goods}/listings`, supplyListing({ type: 'demand', title: '求购螺纹钢' }))
        .expect(201)
    ).body;
    const parties = [
      { organisationId: borrower.organisationId, role: 'borrower' },
      { organisationId: bank.organisationId, role: 'lender' },
    ];
    const agreement: Agreement = (
      await as(borrower).post(`/sessions/${bankSession}/agreements`, { kind: 'loan', title: '贷款', amount: 5_000_000, keyTerms: 'x', parties }).expect(201)
    ).body;
    const order: RunningOrder = (
      await as(organiser)
        .post(`/events/${eventId}/running-order/batches`, { title: '签约', agreementIds: [agreement.id] })
        .expect(201)
    ).body;
    Object.assign(ids, {
      events: eventId,
      sessions: goods,
      listings: listing.id,
      counterpartId: demand.id,
      agreements: agreement.id,
      'ceremony-batches': order.batches[0].id,
      organisations: supplier.organisationId,
      organisationId: buyer.organisationId,
      users: supplier.userId,
      verify: agreement.id,
    });
    actors = [organiser, supplier, bank, borrower];
  });
  afterAll(() => t.close());

  async function snapshot(): Promise<Record<string, number | string>> {
    const tables: { name: string }[] = await t.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const counts: Record<string, number | string> = {};
    for (const { name } of tables) counts[name] = Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n);
    // Written by timers, not by requests: the audit log's tree (its sequencer places records and
    // signs heads on its own clock), and the socket.io adapter's transport rows (pruned as they
    // age). Rate counters count every request, refused or not, by design (and are swept as their
    // windows end). The audit records themselves are counted.
    delete counts.audit_tree_head;
    delete counts.audit_tree_node;
    delete counts.socket_io_attachments;
    delete counts.rate_counter;
    counts['audit last record'] = (await t.dataSource.query(`SELECT max(id)::text AS id FROM audit_record`))[0]?.id ?? 'none';
    return counts;
  }

  function idFor(route: RouteInfo, param: string, how: 'real' | 'missing' | 'bad', rng: Rng): string {
    if (how === 'bad') return rng.pick(BAD_IDS);
    if (how === 'missing') return randomUUID();
    if (param !== 'id') return ids[param] ?? randomUUID();
    const resource = route.path.split('/')[2];
    return ids[resource] ?? randomUUID();
  }

  it('answers 10,000+ malformed requests and socket messages with 4xx, persisting nothing', async () => {
    const started = Date.now();
    const rng = prng(SEED);
    // Routes that take no input at all (POST /api/auth/logout) have nothing to malform.
    const routes = controllerRoutes(t.app).filter(
      (r) => (r.method !== 'GET' || r.query !== null) && (r.body !== null || r.query !== null || r.params.length > 0),
    );
    const writes = routes.filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(50);
    const before = await snapshot();

    const histogram: Record<number, number> = {};
    const failures: string[] = [];
    const perRoute = Math.ceil(HTTP_REQUESTS / routes.length);
    const jobs = routes.flatMap((route) =>
      Array.from({ length: perRoute }, () => ({ route, p: payload(rng, route), actor: rng.next() < 0.1 ? null : rng.pick(actors) })),
    );
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const { route, p, actor } = jobs[next++];
        const path = route.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(idFor(route, name, p.path[name], rng)).replace(/%25/g, '%'));
        const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete' | 'get';
        let req = request(t.url!)[method](path + (p.query ? `?${p.query}` : ''));
        if (actor) req = req.auth(actor.token, { type: 'bearer' });
        if (p.body !== null) req = req.set('Content-Type', 'application/json').send(typeof p.body === 'string' ? p.body : JSON.stringify(p.body));
        const res = await req;
        histogram[res.status] = (histogram[res.status] ?? 0) + 1;
        if (res.status >= 500 || res.status < 400) {
          failures.push(
            `${res.status} ${route.method} ${route.path} [${p.kind}] ${JSON.stringify(p.body)?.slice(0, 200)} → ${JSON.stringify(res.body).slice(0, 200)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const httpSeconds = (Date.now() - started) / 1000;

    // Socket messages: every handler, malformed payloads, from a user and an organiser.
    const handlers = messageHandlers(t.app);
    expect(handlers.map((h) => h.message)).toEqual(expect.arrayContaining(['board:join', 'ceremony:join']));
    const sockets: Socket[] = await Promise.all(
      [organiser, actors[1]].map(
        (a) =>
          new Promise<Socket>((resolve, reject) => {
            const s = io(t.url!, { auth: { token: a.token }, transports: ['websocket'], reconnection: false });
            s.on('connect', () => resolve(s));
            s.on('connect_error', reject);
          }),
      ),
    );
    const internal: unknown[] = [];
    const answers: Record<string, Record<string, number>> = {};
    const count = (message: string, what: string) => ((answers[message] ??= {})[what] = (answers[message][what] ?? 0) + 1);
    for (const s of sockets) s.on('exception', (e: unknown) => internal.push(e));
    // socket.io drops the transport of a packet nested too deep to decode; the client then
    // connects again and the server carries on. Counted, and checked below.
    let dropped = 0;
    for (const s of sockets) s.on('disconnect', () => dropped++);
    let socketMessages = 0;
    const answered = (message: string) => (answer: { ok?: boolean; code?: string }) => {
      if (answer?.ok !== false || answer.code === 'internal') internal.push(answer);
      count(message, answer?.ok === false ? `refused:${answer.code}` : 'accepted');
    };
    for (const h of handlers) {
      const tasks = Array.from({ length: MESSAGES_PER_HANDLER }, (_v, i) => {
        const s = sockets[i % sockets.length];
        const shape = 1 + rng.int(5);
        socketMessages++;
        // socket.io-client cannot encode deep values (it recurses), so these go as raw packets.
        const value =
          shape === 0
            ? null
            : shape === 1
              ? { sessionId: rng.pick(['\u0000', '\ud800', ...BAD_IDS]), eventId: rng.pick(['\u0000', ...BAD_IDS]), lastSeq: junk(rng) }
              : shape === 2
                ? JSON.parse('{"__proto__":{"polluted":true},"sessionId":"x"}')
                : shape === 3
                  ? { sessionId: randomUUID(), eventId: randomUUID(), lastSeq: rng.pick([-1, 1.5, 1e308, 'x', [], {}]) }
                  : shape === 4
                    ? Buffer.alloc(rng.pick([0, 10, 100_000]))
                    : junk(rng);
        return s
          .timeout(2000)
          .emitWithAck(h.message, value)
          .then(answered(h.message), () => count(h.message, 'noAnswer'));
      });
      await Promise.all(tasks);
    }
    // Last, packets nested too deep (socket.io-client cannot encode them, so raw): refused, or
    // the transport dropped by the server's decoder, after which the client connects again.
    for (const h of handlers) {
      for (const depth of [33, 500, 15_000]) {
        socketMessages++;
        await rawEmitWithAck(sockets[0], h.message, nest(depth, '{"a":', '}', '1')).then(
          (answer) => {
            if (answer?.ok !== false || answer.code === 'internal') internal.push(answer);
            count(`${h.message} deep`, `refused:${answer.code}`);
          },
          () => count(`${h.message} deep`, 'dropped'),
        );
      }
    }
    // Still healthy: the sockets connect (again) and a real join works; HTTP answers.
    await Promise.all(
      sockets.map((s) =>
        s.connected
          ? undefined
          : new Promise<void>((resolve, reject) => {
              s.once('connect', () => resolve());
              s.once('connect_error', reject);
              s.connect();
            }),
      ),
    );
    expect(sockets.every((s) => s.connected)).toBe(true);
    const joined = await sockets[0].timeout(5000).emitWithAck('board:join', { sessionId: ids.sessions, lastSeq: null });
    expect(joined).toMatchObject({ ok: true });
    for (const s of sockets) s.disconnect();
    await request(t.url!).get('/api/health').expect(200);

    const after = await snapshot();
    const changed = Object.keys(before)
      .filter((k) => before[k] !== after[k])
      .map((k) => `${k}: ${before[k]} → ${after[k]}`);
    const seconds = (Date.now() - started) / 1000;
    const requests = jobs.length;
    console.log(
      [
        `fuzz seed ${SEED}: ${requests} HTTP requests over ${routes.length} routes (${writes.length} write routes, ${routes.length - writes.length} GET routes with a query DTO)`,
        `socket messages: ${socketMessages} to ${handlers.length} handlers (${handlers.map((h) => h.message).join(', ')}); answers ${JSON.stringify(answers)}; internal errors ${internal.length}; transports dropped by the server ${dropped}`,
        `status histogram: ${JSON.stringify(histogram)}`,
        `duration ${seconds.toFixed(1)} s (HTTP ${httpSeconds.toFixed(1)} s); tables compared: ${Object.keys(before).length - 1} + the last audit record; changed: ${changed.length ? changed.join(', ') : 'none'}`,
      ].join('\n'),
    );
    expect(failures.slice(0, 30)).toEqual([]);
    expect(internal.slice(0, 5)).toEqual([]);
    // A handler that answers, answers every message (a refusal included).
    // (board:leave acknowledges only a refusal: leaving is a no-op when well-formed.)
    for (const [message, got] of Object.entries(answers))
      if (!message.endsWith(' deep') && message !== 'board:leave' && Object.keys(got).some((k) => k !== 'noAnswer'))
        expect([message, got.noAnswer ?? 0]).toEqual([message, 0]);
    expect(changed).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(10_000);
  }, 600_000);
});
