import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A closing ledger entry (performed, terminated) can be withdrawn by an organiser, with a reason. */
export class LedgerReopen1796417628756 implements MigrationInterface {
  name = 'LedgerReopen1796417628756';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreement_ledger_entry" ADD "reopenedAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "agreement_ledger_entry" ADD "reopenedByUserId" uuid`);
    await queryRunner.query(`ALTER TABLE "agreement_ledger_entry" ADD "reopenReason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreement_ledger_entry" DROP COLUMN "reopenReason"`);
    await queryRunner.query(`ALTER TABLE "agreement_ledger_entry" DROP COLUMN "reopenedByUserId"`);
    await queryRunner.query(`ALTER TABLE "agreement_ledger_entry" DROP COLUMN "reopenedAt"`);
  }
}
