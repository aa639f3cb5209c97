import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The briefings (简报, server/src/briefing) of an event for its coordination group: numbered per
 * event, the days covered, the figures made from (jsonb, for the next one's deltas), the PDF's
 * storage key, sha256 and size, and when it was last sent. One per event and week for the
 * weekly schedule (weekStart is null for those made on demand).
 */
export class Briefing1797500000300 implements MigrationInterface {
  name = 'Briefing1797500000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "briefing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "seq" integer NOT NULL, "periodFrom" date NOT NULL, "periodTo" date NOT NULL, "weekStart" date, "createdByUserId" uuid, "figures" jsonb NOT NULL, "storageKey" character varying(200) NOT NULL, "sha256" character(64) NOT NULL, "size" integer NOT NULL, "sentAt" TIMESTAMP WITH TIME ZONE, "sentByUserId" uuid, "sentTo" integer, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c6ab4398f71fe86c63057712da0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9990f0106135a04ba2efbdad13" ON "briefing" ("eventId", "seq") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c945fc2ba64319441ed63518b0" ON "briefing" ("eventId", "weekStart") `);
    await queryRunner.query(
      `ALTER TABLE "briefing" ADD CONSTRAINT "FK_7f4d33d3ef0444047c6e0db5adf" FOREIGN KEY ("eventId") REFERENCES "match_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "briefing" DROP CONSTRAINT "FK_7f4d33d3ef0444047c6e0db5adf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c945fc2ba64319441ed63518b0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9990f0106135a04ba2efbdad13"`);
    await queryRunner.query(`DROP TABLE "briefing"`);
  }
}
