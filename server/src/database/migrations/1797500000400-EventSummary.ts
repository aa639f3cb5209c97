import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The publications of an event's supply and demand summary table (供需对接情况汇总表,
 * server/src/event-summary): one row per version published to the event's participants.
 */
export class EventSummary1797500000400 implements MigrationInterface {
  name = 'EventSummary1797500000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "event_summary_publication" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "version" integer NOT NULL, "provisional" boolean NOT NULL DEFAULT false, "publishedByUserId" uuid NOT NULL, "publishedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_beb8ca91cb4ff03753517541b32" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_207e51e067c09cadd1efabcdad" ON "event_summary_publication" ("eventId", "version") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_207e51e067c09cadd1efabcdad"`);
    await queryRunner.query(`DROP TABLE "event_summary_publication"`);
  }
}
