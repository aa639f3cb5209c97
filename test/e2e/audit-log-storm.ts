// The audit log's side of the signing storm (issue 19). The sequencer's process killed in the
// middle of a batch, deterministically: the test holds a lock that stops the batch's transaction
// after it has given records their positions and before it stores the tree's nodes, kills the
// process holding the sequencer's advisory lock, lets go, and times another process taking over.
// Then, after the storm, what the log holds: every signing record placed exactly once, and each
// acknowledged agreement's certificate answer with its proofs and the published key, for the
// spec to check with the independent RFC 9162 verifier.
import type { AgreementVerification, AuditHeadInfo, AuditVerification } from '@duijie/shared';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Client } from 'pg';
import type { RunningServer } from './server';

/** server/src/audit/audit-sequencer.service.ts: SEQUENCER_LOCK, as pg_locks shows a bigint advisory lock (classid 0, objid, objsubid 1). */
const SEQUENCER_LOCK = 42_420_005;
/** The line a process logs when it takes the sequencer's lock. */
const LEADS = /This process sequences the audit log \(pid (\d+)\)/g;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pids a server's output says took the sequencer's lead, in order. */
export function leadLines(server: RunningServer): number[] {
  return [...server.output().matchAll(LEADS)].map((m) => Number(m[1]));
}

/**
 * Which of these processes holds the TCP connection whose local port is `port` (a backend's
 * client_port in pg_stat_activity), from /proc: the process's socket inodes, and the
 * connection's inode in /proc/net/tcp. Null when none does (or /proc cannot tell).
 */
export function connectionOwner(port: number, pids: number[]): number | null {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let table: string;
    try {
      table = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of table.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length > 9 && parseInt(fields[1].split(':')[1] ?? '', 16) === port) inodes.add(fields[9]);
    }
  }
  for (const pid of pids) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = (() => {
          try {
            return readlinkSync(`/proc/${pid}/fd/${fd}`);
          } catch {
            return '';
          }
        })();
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return pid;
      }
    } catch {
      // not ours to read, or gone
    }
  }
  return null;
}

export type SequencerKill = {
  /** The process that led when the batch started, and its PostgreSQL backend (the advisory lock's holder). */
  leaderPid: number;
  backendPid: number;
  /** The server process whose connection that backend serves (from /proc): the leader the log line named. */
  backendOwnerPid: number | null;
  /** The backend had written in its batch's transaction (positions given) when its process was killed. */
  batchHadWritten: boolean;
  /** What the stopped batch was running when its process was killed. */
  batchQuery: string;
  /** Records committed but not placed (as other connections see it) at the kill. */
  unplacedAtKill: number;
  /** Signatures acknowledged in the burst before the kill. */
  burstAcks: number;
  /** The process that took over, and kill → its log line, in ms. */
  successorPid: number;
  takeoverMs: number;
  /** Kill → the dead process's backend gone (its transaction rolled back, its lock released), in ms. */
  backendGoneMs: number;
};

/**
 * Two processes running, one of them leading: holds audit_tree_node in EXCLUSIVE mode (readers
 * go on; the batch's INSERT of nodes waits), runs `burst` (signatures acknowledged, their records
 * committed), waits for the leader's batch to block mid-way, SIGKILLs the leader, lets go and
 * waits for the other process's log line. `restart` brings a process back in place of the dead one.
 */
export async function killSequencerMidBatch(o: {
  databaseUrl: string;
  servers: [RunningServer, RunningServer];
  burst: () => Promise<number>;
  restart: (dead: RunningServer) => Promise<void>;
}): Promise<SequencerKill> {
  const leadsNow = async (): Promise<{ leader: RunningServer; follower: RunningServer }> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      // The last lead line of a live process: earlier processes on the same port are other RunningServers.
      const [a, b] = o.servers;
      if (leadLines(a).includes(a.pid)) return { leader: a, follower: b };
      if (leadLines(b).includes(b.pid)) return { leader: b, follower: a };
      if (Date.now() > deadline) throw new Error('no server process logged that it sequences the audit log');
      await sleep(100);
    }
  };
  const { leader, follower } = await leadsNow();
  const db = new Client({ connectionString: o.databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query('LOCK TABLE audit_tree_node IN EXCLUSIVE MODE');
    const burstAcks = await o.burst();
    // The leader's batch: the backend holding the sequencer's lock, waiting for ours in its INSERT of nodes.
    const watch = new Client({ connectionString: o.databaseUrl });
    await watch.connect();
    let stuck: { pid: number; port: number; wrote: boolean; query: string; unplaced: number } | undefined;
    try {
      const deadline = Date.now() + 15_000;
      while (!stuck) {
        const { rows } = await watch.query<{ pid: number; port: number; wrote: boolean; query: string; unplaced: number }>(
          `SELECT a.pid, a.client_port AS port, a.backend_xid IS NOT NULL AS wrote, a.query,
                  (SELECT count(*)::int FROM audit_record WHERE position IS NULL) AS unplaced
             FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
            WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted AND a.wait_event_type = 'Lock' AND a.query LIKE '%audit_tree_node%'`,
          [SEQUENCER_LOCK],
        );
        stuck = rows[0];
        if (!stuck && Date.now() > deadline) throw new Error("the sequencer's batch did not reach the tree's nodes within 15 s of the burst");
        if (!stuck) await sleep(50);
      }
      const backendOwnerPid = connectionOwner(stuck.port, [leader.pid, follower.pid]);
      const successorLines = leadLines(follower).length;
      await leader.kill();
      const killedAt = Date.now();
      await db.query('COMMIT');
      let backendGoneMs = -1;
      let takeoverMs = -1;
      const deadline2 = killedAt + 20_000;
      while ((backendGoneMs < 0 || takeoverMs < 0) && Date.now() < deadline2) {
        if (backendGoneMs < 0) {
          const { rowCount } = await watch.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [stuck.pid]);
          if (rowCount === 0) backendGoneMs = Date.now() - killedAt;
        }
        if (takeoverMs < 0 && leadLines(follower).length > successorLines) takeoverMs = Date.now() - killedAt;
        await sleep(20);
      }
      await o.restart(leader);
      return {
        leaderPid: leader.pid,
        backendPid: stuck.pid,
        backendOwnerPid,
        batchHadWritten: stuck.wrote,
        batchQuery: stuck.query.replace(/\s+/g, ' ').slice(0, 120),
        unplacedAtKill: stuck.unplaced,
        burstAcks,
        successorPid: leadLines(follower).at(-1) ?? 0,
        takeoverMs,
        backendGoneMs,
      };
    } finally {
      await watch.end();
    }
  } finally {
    await db.query('ROLLBACK').catch(() => undefined);
    await db.end();
  }
}

const OF_EVENT = `r."entityType" = 'agreement' AND r."entityId" IN (SELECT id::text FROM agreement WHERE "eventId" = $1)`;

/** Waits (bounded) until every audit record of the event's agreements is placed: answers the wait in ms (-1: not within it) and the largest position. */
async function waitPlaced(db: Client, eventId: string, waitMs: number): Promise<{ ms: number; maxPosition: number }> {
  const started = Date.now();
  while (Date.now() - started < waitMs) {
    const { rows } = await db.query<{ unplaced: number; max: string | null }>(
      `SELECT (count(*) FILTER (WHERE r.position IS NULL))::int AS unplaced, max(r.position)::text AS max FROM audit_record r WHERE ${OF_EVENT}`,
      [eventId],
    );
    if (rows[0].unplaced === 0) return { ms: Date.now() - started, maxPosition: Number(rows[0].max ?? -1) };
    await sleep(20);
  }
  return { ms: -1, maxPosition: -1 };
}

/** The storm's end → every record of the event placed, in ms (-1: not within `waitMs`). */
export async function placedWithin(databaseUrl: string, eventId: string, waitMs = 20_000): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await waitPlaced(db, eventId, waitMs)).ms;
  } finally {
    await db.end();
  }
}

export type LogFacts = {
  /** Storm end → every audit record of the event's agreements placed, in ms (-1: not within the wait). */
  placedMs: number;
  /** The event's 'agreement.signed' records: one per signature, each with its position (null: not placed). */
  signedRecords: { recordId: string; agreementId: string; organisationId: string; position: number | null }[];
  /** Placed records in the whole log, and distinct positions among them (equal: no position given twice). */
  placed: { records: number; distinctPositions: number; minPosition: number; maxPosition: number };
  /** Storm end → a signed tree head covering every placed record of the event, in ms (-1: not within the wait). */
  headMs: number;
  /** The published key and latest head (GET /api/audit/tree-head), after the wait. */
  published: AuditHeadInfo;
  /** Each acknowledged agreement's public check (GET /api/verify/agreements/:id?hash=…). */
  certificates: { agreementId: string; answer: AgreementVerification }[];
  /** GET /api/audit/verify?full=true, then GET /api/audit/verify (incremental, from the head just verified). */
  verifyFull: AuditVerification;
  verifyAgain: AuditVerification;
};

/**
 * After the storm: waits (bounded) for the sequencer to place every record of the event's
 * agreements and for a signed tree head to cover them, then collects what the spec checks.
 */
export async function auditLogFacts(o: {
  databaseUrl: string;
  baseUrl: string;
  organiserToken: string;
  eventId: string;
  agreements: { agreementId: string; contentHash: string }[];
  waitMs?: number;
}): Promise<LogFacts> {
  const waitMs = o.waitMs ?? 20_000;
  const started = Date.now();
  const db = new Client({ connectionString: o.databaseUrl });
  await db.connect();
  const get = async <T>(path: string, token?: string): Promise<T> => {
    const res = await fetch(`${o.baseUrl}/api${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    if (!res.ok) throw new Error(`GET ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };
  try {
    const { ms: placedMs, maxPosition } = await waitPlaced(db, o.eventId, waitMs);
    let headMs = -1;
    while (placedMs >= 0 && Date.now() - started < waitMs + 10_000) {
      const info = await get<AuditHeadInfo>('/audit/tree-head');
      if (info.head && info.head.size > maxPosition) {
        headMs = Date.now() - started;
        break;
      }
      await sleep(200);
    }
    const signed = await db.query<{ recordId: string; agreementId: string; organisationId: string; position: string | null }>(
      `SELECT r.id::text AS "recordId", r."entityId" AS "agreementId", r.data->>'organisationId' AS "organisationId", r.position::text AS position
         FROM audit_record r WHERE ${OF_EVENT} AND r.action = 'agreement.signed'`,
      [o.eventId],
    );
    const placed = await db.query<{ records: number; distinct: number; min: string | null; max: string | null }>(
      `SELECT count(position)::int AS records, count(DISTINCT position)::int AS distinct, min(position)::text AS min, max(position)::text AS max FROM audit_record`,
    );
    const published = await get<AuditHeadInfo>('/audit/tree-head');
    const certificates: LogFacts['certificates'] = [];
    const queue = [...o.agreements];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let a = queue.shift(); a; a = queue.shift()) {
          const answer = await get<AgreementVerification>(`/verify/agreements/${a.agreementId}?hash=${a.contentHash}`);
          certificates.push({ agreementId: a.agreementId, answer });
        }
      }),
    );
    const verifyFull = await get<AuditVerification>('/audit/verify?full=true', o.organiserToken);
    const verifyAgain = await get<AuditVerification>('/audit/verify', o.organiserToken);
    return {
      placedMs,
      signedRecords: signed.rows.map((r) => ({ ...r, position: r.position === null ? null : Number(r.position) })),
      placed: {
        records: placed.rows[0].records,
        distinctPositions: placed.rows[0].distinct,
        minPosition: Number(placed.rows[0].min ?? -1),
        maxPosition: Number(placed.rows[0].max ?? -1),
      },
      headMs,
      published,
      certificates,
      verifyFull,
      verifyAgain,
    };
  } finally {
    await db.end();
  }
}
