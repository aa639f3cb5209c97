import { appendLeaves, emptyFrontier, frontierRoot, type MerkleFrontier } from '@duijie/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chainHash, GENESIS_HASH } from '../../audit/audit-chain';
import { recordLeafHash } from '../../audit/audit-leaf';

const BATCH = 2000;

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

/**
 * The audit log becomes a sequenced Merkle log (decision 0005): records carry their leaf hash
 * and, once the sequencer has placed them, their position; complete tree nodes and signed tree
 * heads replace the chain head that every audited write locked.
 *
 * The existing chain is carried over in its order (id order is its order): it is checked link by
 * link, and against the heads signed so far, before anything is changed, so a broken chain stops
 * the migration (naming the record) instead of being sealed into the new tree.
 */
export class SequencedAuditLog1797700000000 implements MigrationInterface {
  name = 'SequencedAuditLog1797700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_record" ADD "position" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_record" ADD "leafHash" character(64)`);
    await queryRunner.query(`ALTER TABLE "audit_record" ADD "sequencedAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE TABLE "audit_tree_node" ("level" smallint NOT NULL, "index" bigint NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_audit_tree_node" PRIMARY KEY ("level", "index"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_tree_state" ("id" smallint NOT NULL, "size" bigint NOT NULL, "frontier" jsonb NOT NULL, "rootHash" character(64) NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_audit_tree_state" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_tree_head" ("id" BIGSERIAL NOT NULL, "size" bigint NOT NULL, "rootHash" character(64) NOT NULL, "signedAt" character varying(32) NOT NULL, "keyFingerprint" character(64) NOT NULL, "signature" character varying(100) NOT NULL, CONSTRAINT "PK_audit_tree_head" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_audit_tree_head_size" ON "audit_tree_head" ("size")`);

    const signed = new Map<string, string>(
      ((await queryRunner.query(`SELECT seq::text AS seq, hash FROM "audit_signed_head"`)) as { seq: string; hash: string }[]).map((h) => [h.seq, h.hash]),
    );
    let frontier: MerkleFrontier = emptyFrontier();
    let prevHash = GENESIS_HASH;
    let lastId = '0';
    for (;;) {
      const rows: Row[] = await queryRunner.query(
        `SELECT id::text AS id, "at", "actorUserId", action, "entityType", "entityId", data, "prevHash", hash FROM "audit_record" WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [lastId],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.prevHash !== prevHash || chainHash(prevHash, row) !== row.hash)
          throw new Error(`The audit chain is broken at record ${row.id}; it is not carried into the Merkle log. Investigate before migrating.`);
        if (signed.has(row.id) && signed.get(row.id) !== row.hash) throw new Error(`Audit record ${row.id} is not the one a signed head recorded there.`);
        signed.delete(row.id);
        prevHash = row.hash;
      }
      const leaves = rows.map(recordLeafHash);
      const nodes: { level: number; index: number; hash: string }[] = [];
      const start = frontier.size;
      frontier = appendLeaves(frontier, leaves, (level, index, hash) => nodes.push({ level, index, hash }));
      await queryRunner.query(
        `UPDATE "audit_record" r SET "position" = v.position, "leafHash" = v.leaf, "sequencedAt" = now()
           FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS v(id, position, leaf) WHERE r.id = v.id`,
        [rows.map((r) => r.id), rows.map((_, i) => start + i), leaves],
      );
      await queryRunner.query(`INSERT INTO "audit_tree_node" ("level", "index", "hash") SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::text[])`, [
        nodes.map((n) => n.level),
        nodes.map((n) => n.index),
        nodes.map((n) => n.hash),
      ]);
      lastId = rows[rows.length - 1].id;
    }
    const missing = [...signed.keys()][0];
    if (missing !== undefined) throw new Error(`A signed head recorded audit record ${missing}, which is no longer in the chain.`);
    await queryRunner.query(`INSERT INTO "audit_tree_state" ("id", "size", "frontier", "rootHash") VALUES (1, $1, $2, $3)`, [
      frontier.size,
      JSON.stringify(frontier),
      frontierRoot(frontier),
    ]);

    await queryRunner.query(`ALTER TABLE "audit_record" ALTER COLUMN "leafHash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_record" DROP COLUMN "prevHash"`);
    await queryRunner.query(`ALTER TABLE "audit_record" DROP COLUMN "hash"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_audit_record_position" ON "audit_record" ("position")`);
    // The sequencer's queue: the records not placed yet, in id order.
    await queryRunner.query(`CREATE INDEX "IDX_audit_record_unsequenced" ON "audit_record" ("id") WHERE "position" IS NULL`);
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
    await queryRunner.query(`DROP TABLE "audit_signed_head"`);
  }

  /** Back to the chain: records re-linked in log order (unsequenced ones after, by id); signed heads are not restored. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_chain_head" ("id" smallint NOT NULL, "lastId" bigint NOT NULL, "lastHash" character(64) NOT NULL, CONSTRAINT "PK_9211408bf584034de409b1bbec5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_signed_head" ("id" BIGSERIAL NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL, "signedAt" character varying(32) NOT NULL, "keyFingerprint" character(64) NOT NULL, "signature" character varying(100) NOT NULL, CONSTRAINT "PK_audit_signed_head" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_audit_signed_head_seq" ON "audit_signed_head" ("seq")`);
    await queryRunner.query(`ALTER TABLE "audit_record" ADD "prevHash" character(64)`);
    await queryRunner.query(`ALTER TABLE "audit_record" ADD "hash" character(64)`);
    const rows: Omit<Row, 'prevHash' | 'hash'>[] = await queryRunner.query(
      `SELECT id::text AS id, "at", "actorUserId", action, "entityType", "entityId", data FROM "audit_record" ORDER BY "position" NULLS LAST, id`,
    );
    let prevHash = GENESIS_HASH;
    for (const row of rows) {
      const hash = chainHash(prevHash, row);
      await queryRunner.query(`UPDATE "audit_record" SET "prevHash" = $2, "hash" = $3 WHERE id = $1`, [row.id, prevHash, hash]);
      prevHash = hash;
    }
    await queryRunner.query(`INSERT INTO "audit_chain_head" (id, "lastId", "lastHash") VALUES (1, $1, $2)`, [rows.at(-1)?.id ?? '0', prevHash]);
    await queryRunner.query(`ALTER TABLE "audit_record" ALTER COLUMN "prevHash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_record" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "IDX_audit_record_unsequenced"`);
    await queryRunner.query(`DROP INDEX "IDX_audit_record_position"`);
    await queryRunner.query(`ALTER TABLE "audit_record" DROP COLUMN "leafHash"`);
    await queryRunner.query(`ALTER TABLE "audit_record" DROP COLUMN "position"`);
    await queryRunner.query(`ALTER TABLE "audit_record" DROP COLUMN "sequencedAt"`);
    await queryRunner.query(`DROP TABLE "audit_tree_head"`);
    await queryRunner.query(`DROP TABLE "audit_tree_state"`);
    await queryRunner.query(`DROP TABLE "audit_tree_node"`);
  }
}
