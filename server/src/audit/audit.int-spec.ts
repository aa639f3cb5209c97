import type { AuditHeadInfo } from '@duijie/shared';
import { createHash, randomUUID, verify as verifySignature } from 'node:crypto';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { supplyListing, TestApp, type Actor } from '../testing/test-app';
import { chainHash } from './audit-chain';
import { AuditHeadsService } from './audit-heads.service';
import { AuditService } from './audit.service';

describe('audit chain (integration)', () => {
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

  const verify = async () => (await t.http.get('/api/audit/verify').auth(organiser.token, { type: 'bearer' }).expect(200)).body;

  it('verifies an untouched chain, and only organisers may ask', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(result.checked).toBeGreaterThan(5);
    const enterprise = await t.organisation('enterprise');
    await t.http.get('/api/audit/verify').auth(enterprise.token, { type: 'bearer' }).expect(403);
  });

  it('names the first record changed directly in the database', async () => {
    const [target] = await t.dataSource.query(
      `SELECT id::text AS id, data FROM audit_record WHERE action = 'listing.updated' ORDER BY audit_record.id DESC LIMIT 1`,
    );
    await t.dataSource.query(`UPDATE audit_record SET data = jsonb_set(data, '{version}', '99') WHERE id = $1`, [target.id]);
    try {
      const result = await verify();
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toMatchObject({ id: target.id, reason: expect.stringContaining('content') });
    } finally {
      await t.dataSource.query(`UPDATE audit_record SET data = $2 WHERE id = $1`, [target.id, JSON.stringify(target.data)]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('names the record after one removed from the middle of the chain', async () => {
    const rows = await t.dataSource.query(`SELECT id::text AS id FROM audit_record ORDER BY audit_record.id DESC LIMIT 3`);
    const [removed] = await t.dataSource.query(`SELECT * FROM audit_record WHERE id = $1`, [rows[1].id]);
    await t.dataSource.query(`DELETE FROM audit_record WHERE id = $1`, [removed.id]);
    try {
      const result = await verify();
      expect(result).toMatchObject({ ok: false, firstBroken: { id: rows[0].id, reason: expect.stringContaining('link') } });
    } finally {
      await t.dataSource.query(
        `INSERT INTO audit_record (id, at, "actorUserId", action, "entityType", "entityId", data, "prevHash", hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          removed.id,
          removed.at,
          removed.actorUserId,
          removed.action,
          removed.entityType,
          removed.entityId,
          JSON.stringify(removed.data),
          removed.prevHash,
          removed.hash,
        ],
      );
    }
    expect((await verify()).ok).toBe(true);
  });

  it('publishes a signed head that an outsider checks with plain node:crypto and the public key', async () => {
    const sealed = await t.app.get(AuditHeadsService).seal();
    const res = await t.http.get('/api/audit/head').expect(200);
    const info = res.body as AuditHeadInfo;
    expect(info.algorithm).toBe('Ed25519');
    expect(info.head).toMatchObject({ seq: sealed!.seq, hash: sealed!.hash, keyFingerprint: info.keyFingerprint });
    const [chainHead] = await t.dataSource.query(`SELECT "lastId"::text AS seq, "lastHash" AS hash FROM audit_chain_head`);
    expect(info.head).toMatchObject(chainHead);
    // As an outsider would: rebuild the signed text from the fields, check with the published key.
    const { seq, hash, signedAt, signature } = info.head!;
    expect(verifySignature(null, Buffer.from(`duijie-audit-head/v1\n${seq}\n${hash}\n${signedAt}`), info.publicKeyPem, Buffer.from(signature, 'base64'))).toBe(
      true,
    );
    expect(
      verifySignature(null, Buffer.from(`duijie-audit-head/v1\n${seq}\n${'0'.repeat(64)}\n${signedAt}`), info.publicKeyPem, Buffer.from(signature, 'base64')),
    ).toBe(false);
    const der = Buffer.from(info.publicKeyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect(info.keyFingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    expect((await verify()).signedHeads).toBeGreaterThan(0);
  });

  it('fails a chain rewritten whole in the database, consistently but without the key', async () => {
    await t.app.get(AuditHeadsService).seal();
    type Row = {
      id: string;
      at: Date;
      actorUserId: string | null;
      action: string;
      entityType: string;
      entityId: string;
      data: Record<string, unknown> | null;
      prevHash: string;
      hash: string;
    };
    const original: Row[] = await t.dataSource.query(
      `SELECT id::text AS id, at, "actorUserId", action, "entityType", "entityId", data, "prevHash", hash FROM audit_record ORDER BY audit_record.id`,
    );
    const [originalHead] = await t.dataSource.query(`SELECT "lastId", "lastHash" FROM audit_chain_head`);
    const signedHeads = await t.dataSource.query(`SELECT * FROM audit_signed_head`);
    // The attacker changes one old record and recomputes every hash after it, so the chain links up.
    const target = original.findIndex((r) => r.action === 'listing.updated');
    let prevHash = original[target].prevHash;
    const rewrite = async (deleteSignedHeads: boolean) => {
      for (const row of original.slice(target)) {
        const data = row === original[target] ? { ...row.data, title: '被篡改的标题' } : row.data;
        const hash = chainHash(prevHash, { ...row, data });
        await t.dataSource.query(`UPDATE audit_record SET data = $2, "prevHash" = $3, hash = $4 WHERE id = $1`, [row.id, JSON.stringify(data), prevHash, hash]);
        prevHash = hash;
      }
      await t.dataSource.query(`UPDATE audit_chain_head SET "lastHash" = $1`, [prevHash]);
      if (deleteSignedHeads) await t.dataSource.query(`DELETE FROM audit_signed_head`);
    };
    try {
      await rewrite(false);
      const result = await verify();
      expect(result.ok).toBe(false);
      expect(result.firstBroken.reason).toMatch(/signed head/);
      // The signer refuses to sign the rewritten head.
      await t.app.get(AuditHeadsService).seal();
      expect((await t.dataSource.query(`SELECT 1 FROM audit_signed_head WHERE hash = $1`, [prevHash])).length).toBe(0);
      // Even with every stored signed head deleted, the head this server signed last is not in the chain.
      prevHash = original[target].prevHash;
      await rewrite(true);
      expect((await verify()).ok).toBe(false);
    } finally {
      for (const row of original.slice(target)) {
        await t.dataSource.query(`UPDATE audit_record SET data = $2, "prevHash" = $3, hash = $4 WHERE id = $1`, [
          row.id,
          JSON.stringify(row.data),
          row.prevHash,
          row.hash,
        ]);
      }
      await t.dataSource.query(`UPDATE audit_chain_head SET "lastId" = $1, "lastHash" = $2`, [originalHead.lastId, originalHead.lastHash]);
      await t.dataSource.query(`DELETE FROM audit_signed_head`);
      for (const h of signedHeads) {
        await t.dataSource.query(`INSERT INTO audit_signed_head (id, seq, hash, "signedAt", "keyFingerprint", signature) VALUES ($1, $2, $3, $4, $5, $6)`, [
          h.id,
          h.seq,
          h.hash,
          h.signedAt,
          h.keyFingerprint,
          h.signature,
        ]);
      }
    }
    expect((await verify()).ok).toBe(true);
  });

  it('fails a signed head whose signature does not verify', async () => {
    const head = (await t.app.get(AuditHeadsService).seal())!;
    const forged = Buffer.alloc(64, 1).toString('base64');
    await t.dataSource.query(`UPDATE audit_signed_head SET signature = $2 WHERE seq = $1`, [head.seq, forged]);
    try {
      const result = await verify();
      expect(result).toMatchObject({ ok: false, firstBroken: { id: head.seq, reason: expect.stringContaining('does not verify') } });
    } finally {
      await t.dataSource.query(`UPDATE audit_signed_head SET signature = $2 WHERE seq = $1`, [head.seq, head.signature]);
    }
  });

  it('keeps one chain under concurrent audited writes', async () => {
    await Promise.all(Array.from({ length: 20 }, () => t.organisation('enterprise', { approve: false })));
    expect((await verify()).ok).toBe(true);
  });

  it('holds the chain only for a change’s last step: an audited change does not wait for another’s work, and the chain stays whole', async () => {
    const uow = t.app.get(UnitOfWork);
    const audit = t.app.get(AuditService);
    const record = (tx: Tx, action: string) => audit.record(tx.manager, { actorUserId: null, action, entityType: 'probe', entityId: randomUUID() });
    let release!: () => void;
    const working = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    // A records first, then keeps working; B records and commits meanwhile; then A commits.
    const a = uow.run(
      async (tx) => {
        await record(tx, 'probe.slow');
        await working;
        order.push('a done');
      },
      { answer: false },
    );
    await new Promise((r) => setTimeout(r, 50));
    await uow.run((tx) => record(tx, 'probe.quick'), { answer: false });
    order.push('b committed');
    release();
    await a;
    expect(order).toEqual(['b committed', 'a done']);
    const rows: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_record WHERE action IN ('probe.slow', 'probe.quick') ORDER BY id DESC LIMIT 2`,
    );
    // The chain's order is the commit order.
    expect(rows.map((r) => r.action)).toEqual(['probe.slow', 'probe.quick']);
    expect((await verify()).ok).toBe(true);
  });

  it('chains nothing of a change that rolls back', async () => {
    const uow = t.app.get(UnitOfWork);
    const audit = t.app.get(AuditService);
    const entityId = randomUUID();
    await expect(
      uow.run(async (tx) => {
        await audit.record(tx.manager, { actorUserId: null, action: 'probe.lost', entityType: 'probe', entityId });
        throw new Error('changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(await t.dataSource.query(`SELECT id FROM audit_record WHERE "entityId" = $1`, [entityId])).toEqual([]);
    expect((await verify()).ok).toBe(true);
  });
});
