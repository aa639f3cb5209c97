import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingRequests1795454461182 implements MigrationInterface {
  name = 'MeetingRequests1795454461182';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meeting_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "sessionId" uuid NOT NULL, "fromOrganisationId" uuid NOT NULL, "toOrganisationId" uuid NOT NULL, "fromListingId" uuid, "toListingId" uuid NOT NULL, "topic" character varying(500) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'pending', "reason" text, "respondBy" TIMESTAMP WITH TIME ZONE NOT NULL, "answeredAt" TIMESTAMP WITH TIME ZONE, "answeredByUserId" uuid, "createdByUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3f62245c08dea30d2df7d15bcd4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8b77f5d2aec72362e0ce53eff8" ON "meeting_request"  ("eventId") `);
    await queryRunner.query(`CREATE INDEX "IDX_1927bf4343249086aca99ea27b" ON "meeting_request"  ("sessionId") `);
    await queryRunner.query(`CREATE INDEX "IDX_c8be7c717da1eb2aa52cba10b8" ON "meeting_request"  ("fromOrganisationId") `);
    await queryRunner.query(`CREATE INDEX "IDX_b95bde7e2448ad79d605c4eeb7" ON "meeting_request"  ("toOrganisationId") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_meeting_request_live" ON "meeting_request"  ("sessionId", "fromOrganisationId", "toOrganisationId") WHERE status IN ('pending', 'accepted')`,
    );
    await queryRunner.query(`ALTER TABLE "match_event" ADD "meetingAnswerHours" integer NOT NULL DEFAULT '48'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_event" DROP COLUMN "meetingAnswerHours"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_meeting_request_live"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b95bde7e2448ad79d605c4eeb7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c8be7c717da1eb2aa52cba10b8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1927bf4343249086aca99ea27b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8b77f5d2aec72362e0ce53eff8"`);
    await queryRunner.query(`DROP TABLE "meeting_request"`);
  }
}
