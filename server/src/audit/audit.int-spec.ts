import type { AuditHeadInfo, AuditVerification } from '@duijie/shared';
import { randomUUID, verify as verifySignature } from 'node:crypto';
import { hashLeaf, merkleTreeHash, verifyConsistency, verifyInclusion } from '../testing/rfc9162-verifier';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { supplyListing, TestApp, type Actor } from '../testing/test-app';
import { leafData } from './audit-leaf';
import { AuditSequencerService } from './audit-sequencer.service';
import { AuditTreeService } from './audit-tree.service';
import { AuditService, FULL_VERIFY_JOB } from './audit.service';
import { JobQueue } from '../jobs/job-queue';

// Proofs are checked with testing/rfc9162-verifier.ts, written from the RFC with node:crypto,
// not with the server's own Merkle code (shared/src/merkle.ts).
describe('sequenced audit log (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    // Some audited history: organisations, an event, a session, a listing and its edit.
    const event = await t.event(organiser);
    const session = await t.session(organiser, event.id, 'upstream_downstream', 'live');
    const supplier = await t.organisation('enterprise');
    await t.participate(supplier, organiser, session.id, 'supplier');
    const listing = await t.http.post(`/api/sessions/${session.id}/listings`).auth(supplier.token, { type: 'bearer' }).send(supplyListing()).expect(201);
    await t.http.patch(`/api/listings/${listing.body.id}`).auth(supplier.token, { type: 'bearer' }).send({ version: 1, title: '改过的标题' }).expect(200);
  });
  afterAll(() => t.close());

  /** Places everything committed so far and signs a head over it. */
  const seal = async () => {
    await t.app.get(AuditSequencerService).sequenceNow();
    return (await t.app.get(AuditTreeService).signCurrent())!;
  };
  const verify = async (full = false): Promise<AuditVerification> =>
    (
      await t.http
        .get(`/api/audit/verify${full ? '?full=true' : ''}`)
        .auth(organiser.token, { type: 'bearer' })
        .expect(200)
    ).body;
  const probe = (tx: Tx, action: string, entityId = randomUUID()) =>
    t.app.get(AuditService).record(tx.manager, { actorUserId: null, action, entityType: 'probe', entityId, data: { n: Math.random() } });
  const write = (action: string) => t.app.get(UnitOfWork).run((tx) => probe(tx, action), { answer: false });
  /** The stored leaves in log order, as the independent verifier hashes them from the records' content. */
  const leaves = async (size: number): Promise<string[]> => {
    const rows = await t.dataSource.query(
      `SELECT at, "actorUserId", action, "entityType", "entityId", data FROM audit_record WHERE position < $1 ORDER BY position`,
      [size],
    );
    return rows.map((r: Parameters<typeof leafData>[0]) => hashLeaf(Buffer.from(leafData(r), 'utf8')));
  };

  it('verifies an untouched log from the start, then only what was placed since, and only organisers may ask', async () => {
    const head = await seal();
    const full = await verify(true);
    expect(full).toMatchObject({ ok: true, firstBroken: null, fromSize: 0, treeSize: head.size, checked: head.size });
    expect(full.checked).toBeGreaterThan(5);
    for (let i = 0; i < 3; i++) await write('probe.more');
    const next = await seal();
    const incremental = await verify();
    expect(incremental).toMatchObject({ ok: true, fromSize: head.size, treeSize: next.size, checked: next.size - head.size });
    const enterprise = await t.organisation('enterprise');
    await t.http.get('/api/audit/verify').auth(enterprise.token, { type: 'bearer' }).expect(403);
    await t.http.get('/api/audit/verify?full=maybe').auth(organiser.token, { type: 'bearer' }).expect(400);
  });

  it('publishes a tree head whose signature and root an outsider can check', async () => {
    const head = await seal();
    const info = (await t.http.get('/api/audit/tree-head').expect(200)).body as AuditHeadInfo;
    expect(info.head).toMatchObject({ size: head.size, rootHash: head.rootHash });
    const { size, rootHash, signedAt, signature } = info.head!;
    const message = Buffer.from(`duijie-audit-tree-head/v1\n${size}\n${rootHash}\n${signedAt}`);
    expect(verifySignature(null, message, info.publicKeyPem, Buffer.from(signature, 'base64'))).toBe(true);
    expect(
      verifySignature(
        null,
        Buffer.from(`duijie-audit-tree-head/v1\n${size + 1}\n${rootHash}\n${signedAt}`),
        info.publicKeyPem,
        Buffer.from(signature, 'base64'),
      ),
    ).toBe(false);
    // The root is the RFC 9162 tree hash of the records' leaves, recomputed outside the server's code.
    expect(merkleTreeHash(await leaves(size))).toBe(rootHash);
  });

  it('proves a record is in the log, and that a later head extends an earlier one, to an independent verifier', async () => {
    const tree = t.app.get(AuditTreeService);
    const first = await seal();
    for (let i = 0; i < 5; i++) await write('probe.between');
    const second = await seal();
    expect(second.size).toBe(first.size + 5);
    const proof = await tree.consistencyProof(first.size, second.size);
    expect(verifyConsistency(first.size, second.size, first.rootHash, second.rootHash, proof)).toBe(true);
    expect(
      verifyConsistency(
        first.size,
        second.size,
        first.rootHash.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        second.rootHash,
        proof,
      ),
    ).toBe(false);
    const all = await leaves(second.size);
    const positions = [0, first.size - 1, first.size, second.size - 1];
    const paths = await tree.inclusionProofs(positions, second.size);
    for (const p of positions) {
      expect(verifyInclusion(all[p], p, second.size, paths.get(p)!, second.rootHash)).toBe(true);
      expect(verifyInclusion(all[(p + 1) % all.length], p, second.size, paths.get(p)!, second.rootHash)).toBe(false);
    }
  });

  /** Runs a tamper, checks the full verification's answer, undoes it and sees the log verify again. */
  async function tampered(change: () => Promise<() => Promise<void>>): Promise<AuditVerification> {
    await seal();
    const undo = await change();
    try {
      return await verify(true);
    } finally {
      await undo();
      expect((await verify(true)).ok).toBe(true);
    }
  }

  const placed = async (offsetFromEnd: number) =>
    (
      await t.dataSource.query(
        `SELECT id::text AS id, position::text AS position, data, "leafHash" FROM audit_record WHERE position IS NOT NULL ORDER BY position DESC OFFSET $1 LIMIT 1`,
        [offsetFromEnd],
      )
    )[0] as { id: string; position: string; data: Record<string, unknown>; leafHash: string };

  it('names the position of a record changed in the database, with or without its leaf hash', async () => {
    const target = await placed(3);
    const changed = await tampered(async () => {
      await t.dataSource.query(`UPDATE audit_record SET data = '{"n": 1}' WHERE id = $1`, [target.id]);
      return () => t.dataSource.query(`UPDATE audit_record SET data = $2 WHERE id = $1`, [target.id, JSON.stringify(target.data)]);
    });
    expect(changed).toMatchObject({ ok: false, firstBroken: { position: Number(target.position), id: target.id, reason: expect.stringContaining('changed') } });
    const rehashed = await tampered(async () => {
      const [row] = await t.dataSource.query(`SELECT at, "actorUserId", action, "entityType", "entityId" FROM audit_record WHERE id = $1`, [target.id]);
      const forged = hashLeaf(Buffer.from(leafData({ ...row, data: { n: 1 } })));
      await t.dataSource.query(`UPDATE audit_record SET data = '{"n": 1}', "leafHash" = $2 WHERE id = $1`, [target.id, forged]);
      return () =>
        t.dataSource.query(`UPDATE audit_record SET data = $2, "leafHash" = $3 WHERE id = $1`, [target.id, JSON.stringify(target.data), target.leafHash]);
    });
    expect(rehashed).toMatchObject({
      ok: false,
      firstBroken: { position: Number(target.position), reason: expect.stringContaining('not the record the sequencer placed') },
    });
  });

  it('names the position of a record removed from the middle of the log', async () => {
    const target = await placed(2);
    const result = await tampered(async () => {
      const [row] = await t.dataSource.query(`SELECT * FROM audit_record WHERE id = $1`, [target.id]);
      await t.dataSource.query(`DELETE FROM audit_record WHERE id = $1`, [target.id]);
      return () =>
        t.dataSource.query(
          `INSERT INTO audit_record (id, at, "actorUserId", action, "entityType", "entityId", data, "leafHash", position, "sequencedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [row.id, row.at, row.actorUserId, row.action, row.entityType, row.entityId, JSON.stringify(row.data), row.leafHash, row.position, row.sequencedAt],
        );
    });
    expect(result).toMatchObject({ ok: false, firstBroken: { position: Number(target.position), reason: expect.stringContaining('removed') } });
  });

  it('names the position where a record was inserted into the log, the later ones moved up', async () => {
    const target = await placed(2);
    const at = Number(target.position);
    const result = await tampered(async () => {
      // Make room at `at` (highest first, for the unique position), and slip in a well-formed record there.
      const later: { id: string }[] = await t.dataSource.query(`SELECT id::text AS id FROM audit_record WHERE position >= $1 ORDER BY position DESC`, [at]);
      for (const { id } of later) await t.dataSource.query(`UPDATE audit_record SET position = position + 1 WHERE id = $1`, [id]);
      const fields = { at: new Date(), actorUserId: null, action: 'probe.forged', entityType: 'probe', entityId: randomUUID(), data: null };
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO audit_record (at, "actorUserId", action, "entityType", "entityId", data, "leafHash", position) VALUES ($1, NULL, $2, $3, $4, NULL, $5, $6) RETURNING id::text AS id`,
        [fields.at, fields.action, fields.entityType, fields.entityId, hashLeaf(Buffer.from(leafData(fields))), at],
      );
      return async () => {
        await t.dataSource.query(`DELETE FROM audit_record WHERE id = $1`, [id]);
        for (const { id: moved } of later.reverse()) await t.dataSource.query(`UPDATE audit_record SET position = position - 1 WHERE id = $1`, [moved]);
      };
    });
    expect(result).toMatchObject({ ok: false, firstBroken: { position: at, reason: expect.stringContaining('inserted') } });
  });

  it('names a forged signed tree head', async () => {
    const head = await seal();
    const forged = Buffer.alloc(64, 7).toString('base64');
    const result = await tampered(async () => {
      await t.dataSource.query(`UPDATE audit_tree_head SET signature = $2 WHERE size = $1`, [head.size, forged]);
      return () => t.dataSource.query(`UPDATE audit_tree_head SET signature = $2 WHERE size = $1`, [head.size, head.signature]);
    });
    expect(result).toMatchObject({ ok: false, firstBroken: { position: head.size, reason: expect.stringContaining('does not verify') } });
  });

  it('leaves a record changed after it was verified to the nightly full check, which finds it', async () => {
    await seal();
    const verified = await verify();
    expect(verified.ok).toBe(true);
    // A record the check has verified (the sequencer may place and sign more meanwhile).
    const [target] = (await t.dataSource.query(`SELECT id::text AS id, position::text AS position, data FROM audit_record WHERE position = $1`, [
      verified.treeSize - 3,
    ])) as { id: string; position: string; data: Record<string, unknown> }[];
    await t.dataSource.query(`UPDATE audit_record SET data = '{"n": 2}' WHERE id = $1`, [target.id]);
    try {
      // The incremental check rereads only what was placed since the head it verified last.
      expect((await verify()).ok).toBe(true);
      const nightly = await t.app.get(AuditService).verifyFully();
      expect(nightly).toMatchObject({ ok: false, fromSize: 0, firstBroken: { position: Number(target.position) } });
      // It runs as a scheduled job of its own.
      expect(await t.app.get(JobQueue).send(FULL_VERIFY_JOB, {})).toEqual(expect.any(String));
    } finally {
      await t.dataSource.query(`UPDATE audit_record SET data = $2 WHERE id = $1`, [target.id, JSON.stringify(target.data)]);
    }
    expect((await verify(true)).ok).toBe(true);
  });

  it('places records in the order their changes commit, with no lock between writers', async () => {
    const uow = t.app.get(UnitOfWork);
    let release!: () => void;
    const working = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    // A records first (the lower id), then keeps working; B records and commits meanwhile; then A commits.
    const a = uow.run(
      async (tx) => {
        await t.app.get(AuditService).recordMany(tx.manager, [{ actorUserId: null, action: 'probe.slow', entityType: 'probe', entityId: randomUUID() }]);
        await tx.manager.query(`SELECT 1`);
        await working;
        order.push('a done');
      },
      { answer: false },
    );
    await new Promise((r) => setTimeout(r, 50));
    await write('probe.quick');
    order.push('b committed');
    await t.app.get(AuditSequencerService).sequenceNow();
    release();
    await a;
    await seal();
    expect(order).toEqual(['b committed', 'a done']);
    const rows: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_record WHERE action IN ('probe.slow', 'probe.quick') ORDER BY position DESC LIMIT 2`,
    );
    expect(rows.map((r) => r.action)).toEqual(['probe.slow', 'probe.quick']);
    expect((await verify()).ok).toBe(true);
  });

  it('places nothing of a change that rolls back', async () => {
    const entityId = randomUUID();
    await expect(
      t.app.get(UnitOfWork).run(async (tx) => {
        await probe(tx, 'probe.lost', entityId);
        throw new Error('changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    await seal();
    expect(await t.dataSource.query(`SELECT id FROM audit_record WHERE "entityId" = $1`, [entityId])).toEqual([]);
    expect((await verify()).ok).toBe(true);
  });

  it('has another process take over sequencing within seconds when the sequencer stops', async () => {
    const second = await TestApp.start();
    try {
      const sequencers = [t.app.get(AuditSequencerService), second.app.get(AuditSequencerService)];
      await seal();
      expect(sequencers.filter((s) => s.leading)).toHaveLength(1);
      // The leader steps down (as a killed process's connection closing would make it): the other takes over.
      const leader = sequencers.find((s) => s.leading)!;
      const follower = sequencers.find((s) => s !== leader)!;
      await leader.onModuleDestroy();
      await write('probe.after-takeover');
      const started = Date.now();
      while (!follower.leading && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 100));
      expect(follower.leading).toBe(true);
      await follower.sequenceNow();
      const [{ unplaced }] = await t.dataSource.query(`SELECT count(*)::int AS unplaced FROM audit_record WHERE position IS NULL`);
      expect(unplaced).toBe(0);
      if (leader === t.app.get(AuditSequencerService)) leader.onApplicationBootstrap();
    } finally {
      await second.close();
    }
    await seal();
    expect((await verify(true)).ok).toBe(true);
  });
});
