// A signing storm through server crashes. Clients draft loans and have both parties sign
// them, every write sent with an Idempotency-Key and repeated with the same key until it is
// answered, while the server process is killed with SIGKILL at random moments and started
// again on the same port, against a PostgreSQL that outlives it. A big screen follows the
// ceremony throughout. Then a second process joins, and the one sequencing the audit log is
// killed in the middle of a batch (audit-log-storm.ts). The result is what the clients saw
// acknowledged next to what the database, the audit log and the screen hold, for the spec to compare.
import {
  laterCeremonyTotals,
  type Agreement,
  type AuditVerification,
  type CeremonyTotals,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@duijie/shared';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { Api, E2E_PASSWORD, type Actor } from './api';
import { auditLogFacts, killSequencerMidBatch, placedWithin, type LogFacts, type SequencerKill } from './audit-log-storm';
import { ADMIN, freePort, startServer, type RunningServer } from './server';

export type StormOptions = {
  /** The PostgreSQL every server process of the storm uses; it is never killed. */
  databaseUrl: string;
  kills: number;
  /** Clients, each with a borrower and a bank of its own, its two parties signing at once. */
  clients: number;
  /** Rounds (a loan drafted, then signed by both parties) each client does at least. */
  minRounds: number;
  /** How long a started server lives before it is killed, in ms. */
  uptime?: [number, number];
  /** After the storm, a second process joins and the sequencer's process is killed mid-batch (default true). */
  killSequencer?: boolean;
  log?: (line: string) => void;
};

/** One signature a client saw acknowledged (a 200 showing it). */
export type SignatureAck = { agreementId: string; organisationId: string; signedAt: string };

export type StormResult = {
  kills: number;
  /** Server start (spawn) to ready, per restart, in ms. */
  restartMs: number[];
  durationMs: number;
  /** The storm's end → every audit record of its agreements placed by the last restarted process, in ms (-1: not within 20 s). */
  placedAfterStormMs: number;
  creates: { agreementId: string; amount: number; contentHash: string }[];
  acks: SignatureAck[];
  /** Signing answered "already signed" or "agreement signed": a retry that lost its first answer. */
  refusedAsDuplicate: { agreementId: string; organisationId: string; code: string }[];
  retries: Retrying['retries'];
  /** Idempotency-Keys a restarted server took over from a request that died with its process. */
  takeovers: number;
  db: {
    agreements: { id: string; status: string; amount: number; parties: number; signatures: number }[];
    signatures: { agreementId: string; organisationId: string; total: number; live: number; signedAt: string }[];
    audit: { agreementId: string; action: string; count: number }[];
    keys: { inFlight: number; done: number };
    totals: { count: number; amount: number };
  };
  /** GET /api/audit/verify (incremental) as the storm's last process answers it right after the storm. */
  auditVerify: AuditVerification;
  /** The sequencer's process killed in the middle of a batch, with a second process to take over (null: not asked). */
  sequencerKill: SequencerKill | null;
  /** The audit log after the storm: every signing record placed, certificates' proofs, a full verification. */
  log: LogFacts;
  screen: { totals: { count: number; amount: number } | null; connects: number; joins: number; refused: string[] };
};

type Answer = { status: number; body: { code?: string } & Record<string, unknown> };
type StormClient = { index: number; borrower: Actor; lender: Actor };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Requests that are repeated, unchanged and with the same Idempotency-Key, until they get an answer. */
class Retrying {
  readonly retries = {
    /** The process was gone (killed, or not listening yet). */
    network: 0,
    /** No answer within 20 s. */
    timeout: 0,
    serverError: 0,
    /** 409: the first request with this key is still running. */
    inFlight: 0,
    /** Of those, after the process running the first request had been killed: it never will finish. */
    inFlightAfterCrash: 0,
    /** The signing grant ran out: the password confirmed again. */
    stepUp: 0,
  };
  failed: Error | null = null;

  constructor(private readonly baseUrl: string) {}

  /**
   * Repeats on a network error (the process is dead or not listening yet), a 5xx, or a 409
   * saying the first request with this key is still running; any other status is the answer.
   */
  async call(method: string, path: string, opts: { token: string; body?: unknown; key?: string }): Promise<Answer> {
    const deadline = Date.now() + 90_000;
    let crashed = false;
    for (let attempt = 0; ; attempt++) {
      if (this.failed) throw this.failed;
      let answer: Answer | null = null;
      try {
        const res = await fetch(`${this.baseUrl}/api${path}`, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}`, ...(opts.key ? { 'idempotency-key': opts.key } : {}) },
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          signal: AbortSignal.timeout(20_000),
        });
        const text = await res.text();
        answer = { status: res.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
      } catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError') {
          this.retries.timeout += 1;
          crashed = false; // a slow request, perhaps still running: a 409 now is fair
        } else {
          this.retries.network += 1;
          crashed = true;
        }
      }
      if (answer) {
        if (answer.status >= 500) {
          this.retries.serverError += 1;
        } else if (answer.status === 409 && (answer.body.code === 'request_in_progress' || answer.body.code === 'request_superseded')) {
          this.retries.inFlight += 1;
          if (crashed) this.retries.inFlightAfterCrash += 1;
        } else {
          return answer;
        }
      }
      if (Date.now() > deadline) {
        throw new Error(`${method} ${path}: no answer within 90 s; last: ${answer ? `${answer.status} ${JSON.stringify(answer.body)}` : 'a network error'}`);
      }
      await sleep(Math.min(20 * 2 ** Math.min(attempt, 4), 250) + randomInt(25));
    }
  }

  async expect<T>(status: number, method: string, path: string, opts: { token: string; body?: unknown; key?: string }): Promise<T> {
    const answer = await this.call(method, path, opts);
    if (answer.status !== status) throw new Error(`${method} ${path} → ${answer.status} (expected ${status}): ${JSON.stringify(answer.body).slice(0, 400)}`);
    return answer.body as T;
  }
}

/** The big screen as the browser runs it: a screen-link socket that joins on every connect. */
class ScreenMirror {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  totals: CeremonyTotals | null = null;
  connects = 0;
  joins = 0;
  readonly refused: string[] = [];

  constructor(url: string, screenToken: string, eventId: string) {
    this.socket = io(url, { auth: { screenToken }, transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500 });
    this.socket.on('connect', () => {
      this.connects += 1;
      void this.socket
        .timeout(10_000)
        .emitWithAck('ceremony:join', { eventId })
        .then((result) => {
          if (!result.ok) return void this.refused.push(result.message);
          this.joins += 1;
          this.totals = laterCeremonyTotals(this.totals, result.totals);
        })
        .catch(() => undefined); // disconnected mid-join: the next connect joins again
    });
    this.socket.on('ceremony:totals', (totals) => {
      if (totals.eventId === eventId) this.totals = laterCeremonyTotals(this.totals, totals);
    });
    // A refusal at the handshake ends reconnection for good, as it would for the real screen.
    this.socket.on('connect_error', (error) => {
      if (!this.socket.active) this.refused.push(error.message);
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

export async function runSigningStorm(o: StormOptions): Promise<StormResult> {
  const log = o.log ?? (() => undefined);
  const [minUptime, maxUptime] = o.uptime ?? [300, 1500];
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'duijie-storm-'));
  // LOG_LEVEL=debug: Nest's 'log' level too, where a process says it took the audit log's sequencing.
  const env = { DATABASE_URL: o.databaseUrl, LOG_LEVEL: 'debug' };
  let server: RunningServer = await startServer({ env, port, dataDir, keepData: true });
  const http = new Retrying(server.url);
  let screen: ScreenMirror | null = null;
  /** The second process that joins for the sequencer's kill, on a data folder of its own. */
  let second: RunningServer | null = null;
  const secondDataDir = mkdtempSync(join(tmpdir(), 'duijie-storm-'));
  const countTakeovers = (s: RunningServer) => (s.output().match(/Took over Idempotency-Key/g) ?? []).length;
  let takeovers = 0;

  try {
    // The event, its bank–enterprise session, and every client's two organisations.
    const api = new Api(server.url);
    const organiser = await api.login(ADMIN.email, ADMIN.password);
    const session = await api.liveSession(organiser, 'bank_enterprise');
    const clients: StormClient[] = await Promise.all(
      Array.from({ length: o.clients }, async (_, index) => {
        const borrower = await api.organisation(organiser, 'enterprise');
        const lender = await api.organisation(organiser, 'bank');
        await api.participate(borrower, organiser, session.id, 'borrower');
        await api.participate(lender, organiser, session.id, 'lender');
        return { index, borrower, lender };
      }),
    );
    const stepUp = (actor: Actor, via = http) => via.expect(200, 'POST', '/auth/step-up', { token: actor.token, body: { password: E2E_PASSWORD } });
    for (const c of clients) await Promise.all([stepUp(c.borrower), stepUp(c.lender)]);
    const link = await api.call<{ token: string }>('POST', `/events/${session.eventId}/screen-links`, { label: '风暴大屏' }, organiser.token);
    screen = new ScreenMirror(server.url, link.token, session.eventId);
    log(`storm: ${o.clients} clients (${o.clients * 2} parties) on session ${session.id}; ${o.kills} kills to come`);

    const creates: StormResult['creates'] = [];
    const acks: SignatureAck[] = [];
    const refusedAsDuplicate: StormResult['refusedAsDuplicate'] = [];
    const restartMs: number[] = [];
    let kills = 0;
    let killerDone = false;
    const started = Date.now();

    const sign = async (actor: Actor, agreement: Agreement, via: Retrying): Promise<void> => {
      const key = randomUUID(); // one per (agreement, party), kept through every retry
      for (;;) {
        const answer = await via.call('POST', `/agreements/${agreement.id}/sign`, { token: actor.token, key, body: { contentHash: agreement.contentHash } });
        if (answer.status === 200) {
          const signed = answer.body as unknown as Agreement;
          const mine = signed.parties.find((p) => p.organisationId === actor.organisationId);
          if (signed.id !== agreement.id || !mine?.signature)
            throw new Error(`sign answered 200 without the signature: ${JSON.stringify(signed).slice(0, 400)}`);
          acks.push({ agreementId: agreement.id, organisationId: actor.organisationId, signedAt: mine.signature.signedAt });
          return;
        }
        if (answer.status === 403 && answer.body.code === 'step_up_required') {
          // The signing grant ran out (a long storm): confirm the password again, same key.
          via.retries.stepUp += 1;
          await stepUp(actor, via);
          continue;
        }
        if (answer.status === 409 && (answer.body.code === 'already_signed' || answer.body.code === 'agreement_signed')) {
          refusedAsDuplicate.push({ agreementId: agreement.id, organisationId: actor.organisationId, code: answer.body.code });
          return;
        }
        throw new Error(`sign → ${answer.status}: ${JSON.stringify(answer.body).slice(0, 400)}`);
      }
    };

    /** A loan drafted by the client's borrower, then signed by both parties. */
    const round = async (c: StormClient, name: string, via: Retrying): Promise<void> => {
      const amount = randomInt(1, 2000) * 10_000;
      const agreement = await via.expect<Agreement>(201, 'POST', `/sessions/${session.id}/agreements`, {
        token: c.borrower.token,
        key: randomUUID(),
        body: {
          kind: 'loan',
          title: `风暴贷款 ${c.index}-${name}`,
          amount,
          termMonths: 12 + randomInt(48),
          keyTerms: '年利率3.6%，按季付息，到期还本。',
          parties: [
            { organisationId: c.borrower.organisationId, role: 'borrower' },
            { organisationId: c.lender.organisationId, role: 'lender' },
          ],
        },
      });
      creates.push({ agreementId: agreement.id, amount, contentHash: agreement.contentHash });
      // Both parties at once, so that signatures race each other as well as the kills.
      await Promise.all([sign(c.borrower, agreement, via), sleep(randomInt(40)).then(() => sign(c.lender, agreement, via))]);
    };
    const runClient = async (c: StormClient): Promise<void> => {
      for (let n = 0; !killerDone || n < o.minRounds; n++) {
        await round(c, String(n), http);
        await sleep(randomInt(10, 80));
      }
    };

    const killer = async (): Promise<void> => {
      try {
        for (let k = 0; k < o.kills; k++) {
          const [readyAt, acksAtReady] = [Date.now(), acks.length];
          await sleep(randomInt(minUptime, maxUptime));
          if (http.failed) return;
          takeovers += countTakeovers(server);
          await server.kill();
          kills += 1;
          const t0 = Date.now();
          server = await startServer({ env, port, dataDir, keepData: true });
          restartMs.push(Date.now() - t0);
          log(
            `storm: kill ${kills}/${o.kills} after ${t0 - readyAt} ms up (${acks.length - acksAtReady} signatures acknowledged meanwhile, ${acks.length} in all), back in ${restartMs[restartMs.length - 1]} ms`,
          );
        }
      } finally {
        killerDone = true;
      }
    };

    // The first failure stops every other loop at its next request, not after its deadline.
    const stopOthers = (error: unknown) => {
      http.failed ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    };
    await Promise.all([killer(), ...clients.map(runClient)].map((p) => p.catch(stopOthers)));
    const durationMs = Date.now() - started;
    const placedAfterStormMs = await placedWithin(o.databaseUrl, session.eventId);

    // A second process joins; the one sequencing the audit log is killed in the middle of a batch
    // placing a burst of signatures (each client one more loan, half of them through each process).
    let sequencerKill: SequencerKill | null = null;
    if (o.killSequencer ?? true) {
      second = await startServer({ env, dataDir: secondDataDir, keepData: true });
      const viaSecond = new Retrying(second.url);
      sequencerKill = await killSequencerMidBatch({
        databaseUrl: o.databaseUrl,
        servers: [server, second],
        burst: async () => {
          const before = acks.length;
          await Promise.all(clients.map((c) => round(c, 'burst', c.index % 2 === 0 ? http : viaSecond)));
          return acks.length - before;
        },
        restart: async (dead) => {
          if (dead !== server) return; // the second process: the storm's own goes on serving the clients and the screen
          takeovers += countTakeovers(server);
          server = await startServer({ env, port, dataDir, keepData: true });
        },
      });
      takeovers += countTakeovers(second);
      log(
        `storm: the sequencer (pid ${sequencerKill.leaderPid}) killed mid-batch; pid ${sequencerKill.successorPid} took over in ${sequencerKill.takeoverMs} ms`,
      );
    }

    takeovers += countTakeovers(server);

    // What the database holds, from a connection of the test's own.
    const db = new Client({ connectionString: o.databaseUrl });
    await db.connect();
    let facts: StormResult['db'];
    try {
      const agreements = await db.query<{ id: string; status: string; amount: string; parties: number; signatures: number }>(
        `SELECT a.id, a.status, a.amount::text AS amount,
                (SELECT count(*) FROM agreement_party p WHERE p."agreementId" = a.id)::int AS parties,
                (SELECT count(*) FROM agreement_signature s WHERE s."agreementId" = a.id AND s."voidedAt" IS NULL)::int AS signatures
           FROM agreement a WHERE a."eventId" = $1`,
        [session.eventId],
      );
      const signatures = await db.query<{ agreementId: string; organisationId: string; total: number; live: number; signedAt: Date }>(
        `SELECT s."agreementId", p."organisationId", count(*)::int AS total, (count(*) FILTER (WHERE s."voidedAt" IS NULL))::int AS live, min(s."signedAt") AS "signedAt"
           FROM agreement_signature s JOIN agreement_party p ON p.id = s."partyId" JOIN agreement a ON a.id = s."agreementId"
          WHERE a."eventId" = $1 GROUP BY s."agreementId", p."organisationId"`,
        [session.eventId],
      );
      const audit = await db.query<{ agreementId: string; action: string; count: number }>(
        `SELECT r."entityId" AS "agreementId", r.action, count(*)::int AS count FROM audit_record r
          WHERE r."entityType" = 'agreement' AND r."entityId" IN (SELECT id::text FROM agreement WHERE "eventId" = $1) GROUP BY 1, 2`,
        [session.eventId],
      );
      const keys = await db.query<{ inFlight: number; done: number }>(
        `SELECT (count(*) FILTER (WHERE state = 'in_flight'))::int AS "inFlight", (count(*) FILTER (WHERE state = 'done'))::int AS done FROM idempotency_key`,
      );
      const totals = await db.query<{ count: number; amount: string }>(
        `SELECT count(*)::int AS count, coalesce(sum(amount), 0)::text AS amount FROM agreement WHERE "eventId" = $1 AND status IN ('signed', 'confirmed')`,
        [session.eventId],
      );
      facts = {
        agreements: agreements.rows.map((r) => ({ ...r, amount: Number(r.amount) })),
        signatures: signatures.rows.map((r) => ({ ...r, signedAt: r.signedAt.toISOString() })),
        audit: audit.rows,
        keys: keys.rows[0],
        totals: { count: totals.rows[0].count, amount: Number(totals.rows[0].amount) },
      };
    } finally {
      await db.end();
    }
    const auditVerify = await http.expect<StormResult['auditVerify']>(200, 'GET', '/audit/verify', { token: organiser.token });
    const logFacts = await auditLogFacts({
      databaseUrl: o.databaseUrl,
      baseUrl: server.url,
      organiserToken: organiser.token,
      eventId: session.eventId,
      agreements: creates.map((c) => ({ agreementId: c.agreementId, contentHash: c.contentHash })),
    });

    // The screen settles on the database's figures (pushes are at most four a second).
    const mirror = screen;
    const screenFigures = () => (mirror.totals ? { count: mirror.totals.signedCount, amount: mirror.totals.signedAmount } : null);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && JSON.stringify(screenFigures()) !== JSON.stringify(facts.totals)) await sleep(50);

    return {
      kills,
      restartMs,
      durationMs,
      placedAfterStormMs,
      creates,
      acks,
      refusedAsDuplicate,
      retries: http.retries,
      takeovers,
      db: facts,
      auditVerify,
      sequencerKill,
      log: logFacts,
      screen: { totals: screenFigures(), connects: mirror.connects, joins: mirror.joins, refused: mirror.refused },
    };
  } finally {
    screen?.close();
    await server.stop();
    await second?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(secondDataDir, { recursive: true, force: true });
  }
}
