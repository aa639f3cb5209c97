import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signed heads of the audit chain (the key is outside the database). */
export class AuditSignedHeads1796417904452 implements MigrationInterface {
  name = 'AuditSignedHeads1796417904452';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_signed_head" ("id" BIGSERIAL NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL, "signedAt" character varying(32) NOT NULL, "keyFingerprint" character(64) NOT NULL, "signature" character varying(100) NOT NULL, CONSTRAINT "PK_audit_signed_head" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_audit_signed_head_seq" ON "audit_signed_head" ("seq")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_signed_head"`);
  }
}
