import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyClaims1795452077133 implements MigrationInterface {
  name = 'IdempotencyClaims1795452077133';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_key" ADD "claimId" uuid`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" ADD "ownerInstance" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_key" DROP COLUMN "ownerInstance"`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" DROP COLUMN "claimId"`);
  }
}
