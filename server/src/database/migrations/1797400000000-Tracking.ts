import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 跟踪落实 view reads, per agreement of an event, its soonest outstanding report: a partial
 * index of outstanding obligations by event, kind and subject, carrying the due instant and day,
 * so one index-only scan finds every agreement's next due (no read of the filed history).
 */
export class Tracking1797400000000 implements MigrationInterface {
  name = 'Tracking1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_563f1f3742932b346087f9e963" ON "obligation" ("eventId", "kind", "subjectId", "dueAt", "dueOn") WHERE state IN ('open', 'returned')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_563f1f3742932b346087f9e963"`);
  }
}
