import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1796270882946 implements MigrationInterface {
  name = 'Meetings1796270882946';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "sessionId" uuid NOT NULL, "requestId" uuid NOT NULL, "organisationAId" uuid NOT NULL, "organisationBId" uuid NOT NULL, "topic" character varying(500) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'unscheduled', "slot" integer, "tableNo" integer, "pinned" boolean NOT NULL DEFAULT false, "published" boolean NOT NULL DEFAULT false, "unscheduledReason" character varying(20), "acceptedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7aa245268e5a7d1137d0fe446c" ON "meeting"  ("eventId") `);
    await queryRunner.query(`CREATE INDEX "IDX_b6c354417b96e919fe071ebfc6" ON "meeting"  ("sessionId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97e337ae68d90938a050ec8f59" ON "meeting"  ("requestId") `);
    await queryRunner.query(`CREATE INDEX "IDX_de5a8ea949e9ec0d6133278698" ON "meeting"  ("organisationAId") `);
    await queryRunner.query(`CREATE INDEX "IDX_d9afa26090f1f370fe5277116a" ON "meeting"  ("organisationBId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_meeting_table" ON "meeting"  ("sessionId", "slot", "tableNo") WHERE slot IS NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "meeting_seat" ("sessionId" uuid NOT NULL, "organisationId" uuid NOT NULL, "slot" integer NOT NULL, "meetingId" uuid NOT NULL, CONSTRAINT "PK_6d160e922fcb6f003493be66e01" PRIMARY KEY ("sessionId", "organisationId", "slot"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2c42091d13c6f586a4fbf39d3e" ON "meeting_seat"  ("meetingId") `);
    await queryRunner.query(
      `CREATE TABLE "meeting_availability" ("sessionId" uuid NOT NULL, "organisationId" uuid NOT NULL, "unavailableSlots" integer array NOT NULL DEFAULT '{}', "half" character varying(10) NOT NULL DEFAULT 'any', "updatedByUserId" uuid NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9d35c61bf0beff6a7d76f7fb3bc" PRIMARY KEY ("sessionId", "organisationId"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "schedule_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'running', "allowMoves" boolean NOT NULL DEFAULT false, "phase" character varying(10), "fraction" double precision NOT NULL DEFAULT '0', "breaks" integer, "lowerBound" integer, "scheduled" integer NOT NULL DEFAULT '0', "unscheduled" jsonb NOT NULL DEFAULT '[]', "startedByUserId" uuid NOT NULL, "startedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finishedAt" TIMESTAMP WITH TIME ZONE, "error" text, CONSTRAINT "PK_bc6d25bc1a55e78bc06d3a4e2c6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_dd081a60f028bdfe65ff27bd25" ON "schedule_run"  ("sessionId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_schedule_run_running" ON "schedule_run"  ("sessionId") WHERE status = 'running'`);
    await queryRunner.query(`ALTER TABLE "match_session" ADD "meetingMode" character varying(12) NOT NULL DEFAULT 'scheduled'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_session" DROP COLUMN "meetingMode"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_schedule_run_running"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dd081a60f028bdfe65ff27bd25"`);
    await queryRunner.query(`DROP TABLE "schedule_run"`);
    await queryRunner.query(`DROP TABLE "meeting_availability"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2c42091d13c6f586a4fbf39d3e"`);
    await queryRunner.query(`DROP TABLE "meeting_seat"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_meeting_table"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d9afa26090f1f370fe5277116a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_de5a8ea949e9ec0d6133278698"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97e337ae68d90938a050ec8f59"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b6c354417b96e919fe071ebfc6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7aa245268e5a7d1137d0fe446c"`);
    await queryRunner.query(`DROP TABLE "meeting"`);
  }
}
