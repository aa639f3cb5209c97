import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters for rate limits and failed logins, shared by every server process. Unlogged: they
 * are worth nothing after a crash, and skipping the WAL keeps a hit as cheap as PostgreSQL can.
 */
export class RateCounters1796500000000 implements MigrationInterface {
  name = 'RateCounters1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_counter" ("key" varchar(300) PRIMARY KEY, "hits" integer NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_rate_counter_expiresAt" ON "rate_counter" ("expiresAt")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_counter"`);
  }
}
