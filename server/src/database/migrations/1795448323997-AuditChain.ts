import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chainHash, GENESIS_HASH } from '../../audit/audit-chain';

export class AuditChain1795448323997 implements MigrationInterface {
  name = 'AuditChain1795448323997';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_chain_head" ("id" smallint NOT NULL, "lastId" bigint NOT NULL, "lastHash" character(64) NOT NULL, CONSTRAINT "PK_9211408bf584034de409b1bbec5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "audit_record" ADD "prevHash" character(64)`);
    await queryRunner.query(`ALTER TABLE "audit_record" ADD "hash" character(64)`);
    await queryRunner.query(`ALTER TABLE "audit_record" ALTER COLUMN "at" DROP DEFAULT`);
    // Chain the records already there, in numeric id order (not the text alias's order);
    // timestamps are cut to milliseconds, the precision the writer uses from now on.
    await queryRunner.query(`UPDATE "audit_record" SET "at" = date_trunc('milliseconds', "at")`);
    let prevHash = GENESIS_HASH;
    let lastId = '0';
    for (;;) {
      const rows: {
        id: string;
        at: Date;
        actorUserId: string | null;
        action: string;
        entityType: string;
        entityId: string;
        data: Record<string, unknown> | null;
      }[] = await queryRunner.query(
        `SELECT id::text AS id, "at", "actorUserId", action, "entityType", "entityId", data FROM "audit_record" WHERE "audit_record".id > $1 ORDER BY "audit_record".id LIMIT 1000`,
        [lastId],
      );
      for (const row of rows) {
        const hash = chainHash(prevHash, row);
        await queryRunner.query(`UPDATE "audit_record" SET "prevHash" = $2, "hash" = $3 WHERE id = $1`, [row.id, prevHash, hash]);
        prevHash = hash;
        lastId = row.id;
      }
      if (rows.length < 1000) break;
    }
    await queryRunner.query(`ALTER TABLE "audit_record" ALTER COLUMN "prevHash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_record" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`INSERT INTO "audit_chain_head" (id, "lastId", "lastHash") VALUES (1, $1, $2)`, [lastId, prevHash]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_record" ALTER COLUMN "at" SET DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "audit_record" DROP COLUMN "hash"`);
    await queryRunner.query(`ALTER TABLE "audit_record" DROP COLUMN "prevHash"`);
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
  }
}
