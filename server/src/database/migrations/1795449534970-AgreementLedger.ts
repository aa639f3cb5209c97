import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgreementLedger1795449534970 implements MigrationInterface {
  name = 'AgreementLedger1795449534970';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agreement_ledger_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreementId" uuid NOT NULL, "kind" character varying(12) NOT NULL, "amount" bigint, "occurredOn" date NOT NULL, "evidence" text NOT NULL DEFAULT '', "reason" text NOT NULL DEFAULT '', "recordedByUserId" uuid NOT NULL, "recordedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_62a58075f64262eee73a0719771" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f579659b8a32fe021238eaf13a" ON "agreement_ledger_entry"  ("agreementId") `);
    await queryRunner.query(
      `ALTER TABLE "agreement_ledger_entry" ADD CONSTRAINT "FK_f579659b8a32fe021238eaf13ae" FOREIGN KEY ("agreementId") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreement_ledger_entry" DROP CONSTRAINT "FK_f579659b8a32fe021238eaf13ae"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f579659b8a32fe021238eaf13a"`);
    await queryRunner.query(`DROP TABLE "agreement_ledger_entry"`);
  }
}
