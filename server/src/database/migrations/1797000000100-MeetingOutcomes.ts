import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What each party says came of a meeting (not held, no interest, follow-up, agreement drafted). */
export class MeetingOutcomes1797000000100 implements MigrationInterface {
  name = 'MeetingOutcomes1797000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meeting_outcome" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meetingId" uuid NOT NULL, "organisationId" uuid NOT NULL, "outcome" character varying(20) NOT NULL, "note" character varying(500) NOT NULL DEFAULT '', "recordedByUserId" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "recordedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7803d446c9dfb938ab183628f46" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bb321cf59abbb5ec37bc329bae" ON "meeting_outcome" ("meetingId", "organisationId") `);
    await queryRunner.query(
      `ALTER TABLE "meeting_outcome" ADD CONSTRAINT "FK_25d053e44c144d3fc6de3d4051a" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_outcome" DROP CONSTRAINT "FK_25d053e44c144d3fc6de3d4051a"`);
    await queryRunner.query(`DROP TABLE "meeting_outcome"`);
  }
}
