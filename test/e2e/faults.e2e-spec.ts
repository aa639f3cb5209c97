// Crashes. A signing storm while the server process is killed with SIGKILL at random moments
// and restarted, clients retrying with their Idempotency-Keys: afterwards every signature a
// client saw acknowledged is there exactly once, no agreement is signed with a party
// missing, and the big screen shows what the database holds. The audit log (issue 19): a second
// process joins and the one sequencing the log is killed in the middle of a batch; another takes
// over within seconds; every acknowledged signature's record is placed exactly once, each
// agreement's public check carries inclusion proofs that an independent RFC 9162 verifier accepts
// against a tree head signed with the published key, and the whole log verifies from the start.
// `npm test` runs a short storm; `npm run test:faults` a long one (FAULT_KILLS, default 25).
// And a server on its embedded PostgreSQL (`npm start`), killed the same way, starts again.
// And PostgreSQL itself going away (its LISTEN backends terminated, a fast shutdown and a
// start) under load: both server processes stay up, say 503 meanwhile and recover by themselves.
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AgreementVerification, AuditHeadInfo, SignedTreeHead } from '@duijie/shared';
import { hashLeaf, verifyInclusion } from '../../server/src/testing/rfc9162-verifier';
import { Api, steelSupply } from './api';
import { BoardMirror, boardTruth, mirrorVersions, waitFor } from './board-mirror';
import { startPostgres, type OwnPostgres } from './postgres';
import { ADMIN, startServer, type RunningServer } from './server';
import { runSigningStorm, type StormResult } from './signing-storm';

const KILLS = Number(process.env.FAULT_KILLS ?? 6);
const CLIENTS = Number(process.env.FAULT_CLIENTS ?? (KILLS >= 20 ? 20 : 8));
const MIN_ROUNDS = Number(process.env.FAULT_ROUNDS ?? 3);

describe(`a signing storm through ${KILLS} SIGKILLs of the server`, () => {
  let pg: OwnPostgres | undefined;
  let r: StormResult;

  beforeAll(
    async () => {
      pg = await startPostgres();
      r = await runSigningStorm({
        databaseUrl: pg.url,
        kills: KILLS,
        clients: CLIENTS,
        minRounds: MIN_ROUNDS,
        log: process.env.FAULT_VERBOSE ? (line) => console.log(line) : undefined,
      });
      const sorted = [...r.restartMs].sort((a, b) => a - b);
      const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
      console.log(
        [
          `Signing storm: ${r.kills} kills in ${(r.durationMs / 1000).toFixed(1)} s, ${CLIENTS} clients (${CLIENTS * 2} parties)`,
          `  agreements drafted ${r.creates.length}, signatures acknowledged ${r.acks.length}, refused as duplicates ${r.refusedAsDuplicate.length}`,
          `  retries: ${r.retries.network} after network errors, ${r.retries.timeout} after timeouts, ${r.retries.serverError} after 5xx, ${r.retries.inFlight} after 409 in flight (${r.retries.inFlightAfterCrash} of them after a kill), ${r.retries.stepUp} step-ups`,
          `  Idempotency-Keys taken over from requests that died with their process: ${r.takeovers}`,
          `  restart (spawn to ready): median ${pct(0.5)} ms, p90 ${pct(0.9)} ms, max ${sorted[sorted.length - 1] ?? 0} ms`,
          `  audit log, checked incrementally after the storm: ${r.auditVerify.ok ? 'verifies' : 'BROKEN'} (${r.auditVerify.checked} records checked against the head of size ${r.auditVerify.treeSize}, ${r.auditVerify.pending} not placed yet); screen: ${JSON.stringify(r.screen.totals)} after ${r.screen.connects} connections`,
          r.sequencerKill
            ? `  sequencer (pid ${r.sequencerKill.leaderPid}, backend ${r.sequencerKill.backendPid} serving pid ${r.sequencerKill.backendOwnerPid}) killed mid-batch (${r.sequencerKill.batchHadWritten ? 'positions written, ' : ''}waiting in "${r.sequencerKill.batchQuery.slice(0, 60)}…", ${r.sequencerKill.unplacedAtKill} records unplaced, ${r.sequencerKill.burstAcks} signatures in the burst): its backend gone after ${r.sequencerKill.backendGoneMs} ms, pid ${r.sequencerKill.successorPid} took over after ${r.sequencerKill.takeoverMs} ms`
            : '  sequencer not killed',
          `  every record of the event placed ${r.placedAfterStormMs} ms after the storm's last signature; after the sequencer's kill in ${r.log.placedMs} ms, a signed head covering them in ${r.log.headMs} ms; ${r.log.signedRecords.length} signing records, ${r.log.certificates.length} certificates checked (${r.log.certificates.reduce((n, c) => n + c.answer.proofs.length, 0)} inclusion proofs)`,
          `  GET /api/audit/verify?full=true: ${r.log.verifyFull.ok ? 'verifies' : 'BROKEN'} (${r.log.verifyFull.checked} positions, ${r.log.verifyFull.signedHeads} signed heads, tree size ${r.log.verifyFull.treeSize}); again incrementally: from ${r.log.verifyAgain.fromSize}, ${r.log.verifyAgain.checked} positions`,
        ].join('\n'),
      );
    },
    120_000 + KILLS * 15_000,
  );

  afterAll(async () => {
    await pg?.stop();
  });

  it('killed and restarted the server as often as asked, while signatures were being acknowledged', () => {
    expect(r.kills).toBe(KILLS);
    expect(r.restartMs).toHaveLength(KILLS);
    expect(r.acks.length).toBeGreaterThanOrEqual(CLIENTS * MIN_ROUNDS * 2);
  });

  it('keeps every acknowledged signature, exactly once, as acknowledged', () => {
    const inDb = new Map(r.db.signatures.map((s) => [`${s.agreementId}/${s.organisationId}`, s]));
    const missing = r.acks.filter((a) => !inDb.has(`${a.agreementId}/${a.organisationId}`));
    expect(missing).toEqual([]);
    const notOnce = r.acks.map((a) => inDb.get(`${a.agreementId}/${a.organisationId}`)!).filter((s) => s.total !== 1 || s.live !== 1);
    expect(notOnce).toEqual([]);
    // A replayed answer shows the very signature the first request made.
    const otherSignature = r.acks.filter((a) => inDb.get(`${a.agreementId}/${a.organisationId}`)!.signedAt !== a.signedAt);
    expect(otherSignature).toEqual([]);
    // And each was acknowledged once: one key per party and agreement.
    expect(new Set(r.acks.map((a) => `${a.agreementId}/${a.organisationId}`)).size).toBe(r.acks.length);
    // Nothing signed that no client was told about.
    expect(r.db.signatures).toHaveLength(r.acks.length);
  });

  it('never answers a retry as a duplicate: it gets the first answer, or runs afresh if the first never committed', () => {
    expect(r.refusedAsDuplicate).toEqual([]);
  });

  it('does not hold a retry off as "in flight" when the first request died with its process', () => {
    expect(r.retries.inFlightAfterCrash).toBe(0);
    expect(r.takeovers).toBeGreaterThan(0);
  });

  it('keeps every acknowledged draft exactly once, and nothing else', () => {
    expect(r.db.agreements.map((a) => a.id).sort()).toEqual(r.creates.map((c) => c.agreementId).sort());
    const amounts = new Map(r.creates.map((c) => [c.agreementId, c.amount]));
    expect(r.db.agreements.filter((a) => a.amount !== amounts.get(a.id))).toEqual([]);
  });

  it('has no agreement signed with a party missing, and none stuck with every signature but not signed', () => {
    const signedStatus = (a: { status: string }) => a.status === 'signed' || a.status === 'confirmed';
    expect(r.db.agreements.filter((a) => signedStatus(a) && a.signatures !== a.parties)).toEqual([]);
    expect(r.db.agreements.filter((a) => !signedStatus(a) && a.signatures === a.parties)).toEqual([]);
    // Every signature was retried until acknowledged, so every agreement ended signed.
    expect(r.db.agreements.filter((a) => !signedStatus(a))).toEqual([]);
  });

  it('leaves an audit log that verifies, with one record per step of each agreement', () => {
    expect(r.auditVerify).toMatchObject({ ok: true, firstBroken: null });
    const counts = new Map(r.db.audit.map((x) => [`${x.agreementId}/${x.action}`, x.count]));
    const wrong = r.db.agreements.flatMap((a) =>
      (
        [
          ['agreement.drafted', 1],
          ['agreement.signed', 2],
          ['agreement.fully_signed', 1],
        ] as const
      )
        .filter(([action, n]) => (counts.get(`${a.id}/${action}`) ?? 0) !== n)
        .map(([action, n]) => ({ agreementId: a.id, action, expected: n, found: counts.get(`${a.id}/${action}`) ?? 0 })),
    );
    expect(wrong).toEqual([]);
  });

  it('places every acknowledged signature in the audit log exactly once, within seconds of the storm', () => {
    // -1: not all placed within the 20 s wait (after the storm's last restart, and after the sequencer's kill).
    expect(r.placedAfterStormMs).toBeGreaterThanOrEqual(0);
    expect(r.log.placedMs).toBeGreaterThanOrEqual(0);
    const records = new Map<string, (typeof r.log.signedRecords)[number][]>();
    for (const x of r.log.signedRecords)
      records.set(`${x.agreementId}/${x.organisationId}`, [...(records.get(`${x.agreementId}/${x.organisationId}`) ?? []), x]);
    const notOnce = r.acks
      .map((a) => ({ ...a, records: records.get(`${a.agreementId}/${a.organisationId}`) ?? [] }))
      .filter((a) => a.records.length !== 1 || a.records[0].position === null);
    expect(notOnce).toEqual([]);
    expect(r.log.signedRecords).toHaveLength(r.acks.length);
    // No position given twice, in the whole log, and none left out below the largest.
    expect(r.log.placed.distinctPositions).toBe(r.log.placed.records);
    expect(r.log.placed).toMatchObject({ minPosition: 0, maxPosition: r.log.placed.records - 1 });
  });

  it("proves every acknowledged agreement's signatures: inclusion proofs an independent RFC 9162 verifier accepts, under a tree head signed with the published key", () => {
    const published: AuditHeadInfo = r.log.published;
    // The published key is the one its fingerprint names (SHA-256 of its SPKI DER).
    expect(
      createHash('sha256')
        .update(createPublicKey(published.publicKeyPem).export({ type: 'spki', format: 'der' }))
        .digest('hex'),
    ).toBe(published.keyFingerprint);
    expect(r.log.headMs).toBeGreaterThanOrEqual(0);
    expect(r.log.certificates.map((c) => c.agreementId).sort()).toEqual(r.creates.map((c) => c.agreementId).sort());
    const headChecked = new Map<string, boolean>();
    const headValid = (h: SignedTreeHead): boolean => {
      const key = `${h.size}/${h.rootHash}/${h.signature}`;
      if (!headChecked.has(key))
        headChecked.set(
          key,
          h.keyFingerprint === published.keyFingerprint &&
            h.message === `duijie-audit-tree-head/v1\n${h.size}\n${h.rootHash}\n${h.signedAt}` &&
            verifySignature(null, Buffer.from(h.message), published.publicKeyPem, Buffer.from(h.signature, 'base64')),
        );
      return headChecked.get(key)!;
    };
    const positions = new Map(r.log.signedRecords.map((x) => [x.recordId, x.position]));
    const signers = new Map<string, string[]>();
    for (const a of r.acks) signers.set(a.agreementId, [...(signers.get(a.agreementId) ?? []), a.organisationId].sort());
    const failures = r.log.certificates.flatMap(({ agreementId, answer }: { agreementId: string; answer: AgreementVerification }) => {
      const fail = (why: string) => [{ agreementId, why }];
      if (answer.integrity !== 'valid') return fail(`integrity ${answer.integrity}: ${answer.findings.join(', ')}`);
      const head = answer.treeHead;
      if (!head) return fail('no tree head');
      if (!headValid(head)) return fail(`the tree head of size ${head.size} does not verify with the published key`);
      const signed = answer.proofs.filter((p) => p.action === 'agreement.signed');
      if (answer.proofs.length !== 3 || signed.length !== 2) return fail(`proofs for ${answer.proofs.map((p) => p.action).join(', ')}`);
      const bad = answer.proofs.filter((p) => {
        const leaf = JSON.parse(p.leafData) as { action: string; entityType: string; entityId: string };
        return (
          hashLeaf(Buffer.from(p.leafData, 'utf8')) !== p.leafHash ||
          !verifyInclusion(p.leafHash, p.position, head.size, p.path, head.rootHash) ||
          leaf.action !== p.action ||
          leaf.entityType !== 'agreement' ||
          leaf.entityId !== agreementId ||
          (p.action === 'agreement.signed' && positions.get(p.recordId) !== p.position)
        );
      });
      if (bad.length > 0) return fail(`proofs that do not verify: ${bad.map((p) => `${p.action} #${p.position}`).join(', ')}`);
      const organisations = signed.map((p) => (JSON.parse(p.leafData) as { data: { organisationId: string } }).data.organisationId).sort();
      if (JSON.stringify(organisations) !== JSON.stringify(signers.get(agreementId))) return fail(`signed by ${organisations.join(', ')} in the log`);
      return [];
    });
    expect(failures).toEqual([]);
    expect(headChecked.size).toBeGreaterThan(0);
    expect(published.head && headValid(published.head)).toBe(true);
  });

  it('verifies the whole audit log from the start against its latest signed tree head, and again from there', () => {
    expect(r.log.verifyFull).toMatchObject({ ok: true, firstBroken: null, fromSize: 0 });
    expect(r.log.verifyFull.checked).toBe(r.log.verifyFull.treeSize);
    // The head it checks against covers every signing record of the storm.
    expect(r.log.verifyFull.treeSize).toBeGreaterThan(Math.max(...r.log.signedRecords.map((x) => x.position ?? Infinity)));
    expect(r.log.verifyFull.contentChecked).toBeGreaterThanOrEqual(r.creates.length);
    expect(r.log.verifyAgain).toMatchObject({ ok: true, firstBroken: null, fromSize: r.log.verifyFull.treeSize });
  });

  it("hands the sequencing to another process within seconds when the sequencer's process is killed in the middle of a batch", () => {
    const k = r.sequencerKill!;
    expect(k).not.toBeNull();
    // The process that said it sequences is the one whose connection holds the sequencer's lock.
    expect(k.backendOwnerPid).toBe(k.leaderPid);
    // Killed mid-batch: its transaction had given positions and was waiting to store the tree's nodes.
    expect(k.batchHadWritten).toBe(true);
    expect(k.batchQuery).toMatch(/INSERT INTO audit_tree_node/);
    expect(k.unplacedAtKill).toBeGreaterThan(0);
    expect(k.burstAcks).toBe(CLIENTS * 2);
    // Its backend went with it (the batch rolled back, the advisory lock released), and the other process took the lead.
    expect(k.backendGoneMs).toBeGreaterThanOrEqual(0);
    expect(k.successorPid).not.toBe(k.leaderPid);
    expect(k.takeoverMs).toBeGreaterThanOrEqual(0);
    expect(k.takeoverMs).toBeLessThan(5000);
  });

  it('leaves no Idempotency-Key in flight, and one stored answer per acknowledged request', () => {
    expect(r.db.keys).toEqual({ inFlight: 0, done: r.creates.length + r.acks.length });
  });

  it('shows on the big screen, which reconnected after the kills, what the database holds', () => {
    expect(r.screen.refused).toEqual([]);
    expect(r.screen.connects).toBeGreaterThan(1);
    expect(r.screen.totals).toEqual(r.db.totals);
    expect(r.db.totals.count).toBe(r.creates.length);
  });
});

describe('a server on its embedded PostgreSQL, killed with SIGKILL', () => {
  it('starts again on the same data folder, with its data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'duijie-e2e-'));
    const lockFile = join(dataDir, 'pg', 'postmaster.pid');
    const postmaster = () => Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
    let server: RunningServer | null = null;
    try {
      server = await startServer({ dataDir, keepData: true });
      const api = new Api(server.url);
      const organiser = await api.login(ADMIN.email, ADMIN.password);
      const session = await api.liveSession(organiser, 'bank_enterprise');
      await server.kill();
      // Its PostgreSQL, a child of the server, outlives it and still holds the data folder.
      expect(existsSync(lockFile)).toBe(true);
      const orphan = postmaster();
      expect(() => process.kill(orphan, 0)).not.toThrow();

      // Started again (on another PostgreSQL port, as a changed setting would be).
      server = await startServer({ dataDir, keepData: true });
      expect(server.output()).toContain(`Stopping the PostgreSQL (process ${orphan})`);
      expect(postmaster()).not.toBe(orphan);
      const again = new Api(server.url);
      const organiserAgain = await again.login(ADMIN.email, ADMIN.password);
      const events = await again.call<{ id: string }[]>('GET', '/events', undefined, organiserAgain.token);
      expect(events.map((e) => e.id)).toContain(session.eventId);
    } finally {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL going away under load: two server processes on an external PostgreSQL', () => {
  let pg: OwnPostgres | undefined;
  const servers: RunningServer[] = [];
  const mirrors: BoardMirror[] = [];

  afterAll(async () => {
    for (const m of mirrors) m.close();
    for (const s of servers) await s.stop();
    await pg?.stop();
  });

  const alive = (s: RunningServer) => {
    try {
      process.kill(s.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const healthOf = async (s: RunningServer): Promise<number> => {
    try {
      return (await fetch(`${s.url}/api/health`, { signal: AbortSignal.timeout(5000) })).status;
    } catch {
      return 0;
    }
  };
  /** Backends LISTENing for the socket.io adapters (one per process when both listen). */
  const listeners = async (admin: Client): Promise<number[]> =>
    (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN "socket.io#%'`)).rows.map(
      (r) => r.pid,
    );

  it('stays up, reports unhealthy while the database is away, and recovers by itself: requests and board pushes work again', async () => {
    pg = await startPostgres();
    const env = { DATABASE_URL: pg.url };
    servers.push(await startServer({ env }));
    servers.push(await startServer({ env }));
    const [a, b] = servers;
    const apiA = new Api(a.url);
    const apiB = new Api(b.url);
    const organiser = await apiA.login(ADMIN.email, ADMIN.password);
    const supplier = await apiA.organisation(organiser, 'enterprise');
    const sessionId = (await apiA.liveSession(organiser, 'upstream_downstream')).id;
    await apiA.participate(supplier, organiser, sessionId, 'supplier');
    // Sockets on both processes; changes made through either must reach both.
    for (const s of servers) for (let i = 0; i < 3; i++) mirrors.push(new BoardMirror(s.url, { token: organiser.token }, sessionId));
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    const reachTruth = async (what: string) => {
      const truth = await boardTruth(pg!.url, sessionId);
      await waitFor(() => mirrors.every((m) => m.seq === truth.seq), `${what}: every socket to reach seq ${truth.seq}`);
      for (const m of mirrors) expect(mirrorVersions(m)).toEqual(truth.versions);
    };
    await waitFor(() => mirrors.every((m) => m.seq >= 0), 'every socket joined');
    await apiA.createListing(supplier, sessionId, steelSupply('故障前的钢材'));
    await reachTruth('before the faults');

    // Load: both processes asked continuously, statuses recorded with their time.
    const statuses: { at: number; server: number; status: number }[] = [];
    let loading = true;
    const load = (async () => {
      while (loading) {
        await Promise.all(
          servers.map(async (s, server) => {
            let status: number;
            try {
              status = (await fetch(`${s.url}/api/events`, { headers: { authorization: `Bearer ${organiser.token}` }, signal: AbortSignal.timeout(5000) }))
                .status;
            } catch {
              status = 0; // no answer at all
            }
            statuses.push({ at: Date.now(), server, status });
          }),
        );
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    // 1. The adapters' LISTEN backends terminated: they LISTEN again, pushes cross processes again.
    const before = await listeners(admin);
    expect(before.length).toBe(2);
    await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
    const relisten = Date.now();
    for (;;) {
      const now = await listeners(admin);
      if (now.length === 2 && now.every((pid) => !before.includes(pid))) break;
      if (Date.now() - relisten > 20_000) throw new Error(`the adapters did not LISTEN again (now ${JSON.stringify(now)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const relistenMs = Date.now() - relisten;
    expect(servers.every(alive)).toBe(true);
    await apiB.createListing(supplier, sessionId, steelSupply('LISTEN 断开后的钢材'));
    await reachTruth('after the LISTEN backends were terminated');

    // 2. PostgreSQL shut down (fast shutdown) and started again on the same port.
    await admin.end();
    const downAt = Date.now();
    await pg.down();
    for (const s of servers) await waitFor503(s);
    const unhealthyMs = Date.now() - downAt;
    await new Promise((r) => setTimeout(r, 3000)); // away for a while, under load
    expect(servers.every(alive)).toBe(true);
    expect((await Promise.all(servers.map(healthOf))).every((status) => status === 503)).toBe(true);
    const upAt = Date.now();
    await pg.up();
    for (const s of servers) {
      for (;;) {
        if ((await healthOf(s)) === 200) break;
        if (Date.now() - upAt > 30_000) throw new Error(`${s.url} did not become healthy again:\n${s.output().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const recoverMs = Date.now() - upAt;
    const admin2 = new Client({ connectionString: pg.url });
    await admin2.connect();
    try {
      await (async () => {
        const deadline = Date.now() + 20_000;
        while ((await listeners(admin2)).length < 2) {
          if (Date.now() > deadline) throw new Error('the adapters did not LISTEN again after the restart');
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
    } finally {
      await admin2.end();
    }
    const relistenAfterRestartMs = Date.now() - upAt;
    await apiA.createListing(supplier, sessionId, steelSupply('重启后经 A 的钢材'));
    await apiB.createListing(supplier, sessionId, steelSupply('重启后经 B 的钢材'));
    await reachTruth('after PostgreSQL restarted');
    loading = false;
    await load;

    expect(servers.every(alive)).toBe(true);
    // Under load: answered while up, refused (not hanging, not crashing) while down, answered after.
    const during = statuses.filter((s) => s.at > downAt + unhealthyMs && s.at < upAt);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((s) => s.status !== 503)).toEqual([]);
    const after = statuses.filter((s) => s.at > upAt + recoverMs);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((s) => s.status !== 200)).toEqual([]);
    for (const s of servers) expect(s.output()).not.toMatch(/Unhandled 'error' event|uncaughtException/);
    console.log(
      [
        'PostgreSQL faults under load (2 processes, 6 sockets):',
        `  LISTEN backends terminated → both adapters listening again in ${relistenMs} ms`,
        `  fast shutdown → both report 503 within ${unhealthyMs} ms`,
        `  started again → both healthy in ${recoverMs} ms, both LISTENing in ${relistenAfterRestartMs} ms`,
        `  ${statuses.length} requests under load, ${statuses.filter((s) => s.status === 0).length} without an answer`,
      ].join('\n'),
    );
  }, 240_000);

  async function waitFor503(s: RunningServer): Promise<void> {
    const deadline = Date.now() + 15_000;
    while ((await healthOf(s)) !== 503) {
      if (Date.now() > deadline) throw new Error(`${s.url} did not report unhealthy:\n${s.output().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
});
