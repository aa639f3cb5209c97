import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A notice that asked someone to act is settled once anyone told has acted (no longer unread for all). */
export class NotificationSettled1797000000200 implements MigrationInterface {
  name = 'NotificationSettled1797000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "settledAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "IDX_f0ca34da9d78844152a6ae14dd" ON "notification" ("dedupeKey") WHERE "dedupeKey" IS NOT NULL AND "settledAt" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_f0ca34da9d78844152a6ae14dd"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "settledAt"`);
  }
}
