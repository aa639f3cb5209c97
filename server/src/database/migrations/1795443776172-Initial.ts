import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795443776172 implements MigrationInterface {
  name = 'Initial1795443776172';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_record" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actorUserId" uuid, "action" character varying(64) NOT NULL, "entityType" character varying(32) NOT NULL, "entityId" character varying(64) NOT NULL, "data" jsonb, CONSTRAINT "PK_2c07dcda4cbae68f1cbbe6d7426" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8dd4fe3ac91da2c194bb41f392" ON "audit_record"  ("entityType", "entityId") `);
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" ("userId" uuid NOT NULL, "key" character varying(100) NOT NULL, "route" character varying(300) NOT NULL, "requestHash" character(64) NOT NULL, "state" character varying(12) NOT NULL, "responseStatus" integer, "responseBody" jsonb, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_703de5e39cfcdf2dee29ca4cd53" PRIMARY KEY ("userId", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "match_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "province" character(6) NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "targetAmount" bigint NOT NULL, "description" text NOT NULL DEFAULT '', "organiserOrganisationId" uuid NOT NULL, "createdByUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c1329cb9d3397d63a39a11f6af5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "match_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "kind" character varying(24) NOT NULL, "title" character varying(200) NOT NULL, "leadDepartment" character varying(200) NOT NULL, "venue" character varying(200) NOT NULL, "startsAt" TIMESTAMP WITH TIME ZONE NOT NULL, "endsAt" TIMESTAMP WITH TIME ZONE NOT NULL, "slotMinutes" integer NOT NULL, "tableCount" integer NOT NULL, "ceremonyAt" TIMESTAMP WITH TIME ZONE, "registrationMode" character varying(12) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb24d40d99705b73ca71fd01582" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2fe296dd42a0f637f16424ea99" ON "match_session"  ("eventId") `);
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "creditCode" character(18) NOT NULL, "kind" character varying(24) NOT NULL, "industry" character varying(3) NOT NULL, "region" character(6) NOT NULL, "size" character varying(8) NOT NULL, "contactName" character varying(100) NOT NULL, "contactPhone" character varying(40) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'pending', "rejectReason" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6eecaa419aebf7be099d005b0e" ON "organisation"  ("creditCode") `);
    await queryRunner.query(`CREATE INDEX "IDX_ab90095183eb7fbc5bc0bf9462" ON "organisation"  ("status") `);
    await queryRunner.query(
      `CREATE TABLE "listing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "eventId" uuid NOT NULL, "organisationId" uuid NOT NULL, "type" character varying(16) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "status" character varying(12) NOT NULL DEFAULT 'open', "version" integer NOT NULL DEFAULT '1', "goods" jsonb, "financing" jsonb, "credit" jsonb, "guarantee" jsonb, "confidential" jsonb, "createdByUserId" uuid NOT NULL, "updatedByUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_381d45ebb8692362c156d6b87d7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b497cf4ae6b9a1fee6d3d8d453" ON "listing"  ("eventId") `);
    await queryRunner.query(`CREATE INDEX "IDX_784891e68e5d55093b90ac6af8" ON "listing"  ("organisationId") `);
    await queryRunner.query(`CREATE INDEX "IDX_3b4f8ca284c66e2763cc5b1c7d" ON "listing"  ("sessionId", "type", "status") `);
    await queryRunner.query(
      `CREATE TABLE "participation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "organisationId" uuid NOT NULL, "role" character varying(16) NOT NULL, "status" character varying(12) NOT NULL, "reason" text, "decidedByUserId" uuid, "decidedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba5442bab90fc96ddde456c69e1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2f306cdbbc30f2ff8f74745e73" ON "participation"  ("organisationId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f6d31059ab147eb7df15f66dd5" ON "participation"  ("sessionId", "organisationId", "role") `);
    await queryRunner.query(
      `CREATE TABLE "invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tokenHash" character(64) NOT NULL, "organisationId" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" character varying(16) NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "acceptedAt" TIMESTAMP WITH TIME ZONE, "createdByUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_676ef6471ce7176869d73365a4" ON "invitation"  ("tokenHash") `);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "email" character varying(254) NOT NULL, "displayName" character varying(100) NOT NULL, "passwordHash" character varying(200) NOT NULL, "role" character varying(16) NOT NULL, "active" boolean NOT NULL DEFAULT true, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lastLoginAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_28905ab02fe78eb88b0293a8d2" ON "app_user"  ("organisationId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user"  ("email") `);
    await queryRunner.query(
      `ALTER TABLE "match_session" ADD CONSTRAINT "FK_2fe296dd42a0f637f16424ea99b" FOREIGN KEY ("eventId") REFERENCES "match_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "listing" ADD CONSTRAINT "FK_2cd46278a1a368f249c5c244ca2" FOREIGN KEY ("sessionId") REFERENCES "match_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "listing" ADD CONSTRAINT "FK_784891e68e5d55093b90ac6af8e" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "FK_b2f7217593a211d7df99e412024" FOREIGN KEY ("sessionId") REFERENCES "match_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "FK_2f306cdbbc30f2ff8f74745e731" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_28905ab02fe78eb88b0293a8d26" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_28905ab02fe78eb88b0293a8d26"`);
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_2f306cdbbc30f2ff8f74745e731"`);
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_b2f7217593a211d7df99e412024"`);
    await queryRunner.query(`ALTER TABLE "listing" DROP CONSTRAINT "FK_784891e68e5d55093b90ac6af8e"`);
    await queryRunner.query(`ALTER TABLE "listing" DROP CONSTRAINT "FK_2cd46278a1a368f249c5c244ca2"`);
    await queryRunner.query(`ALTER TABLE "match_session" DROP CONSTRAINT "FK_2fe296dd42a0f637f16424ea99b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_28905ab02fe78eb88b0293a8d2"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_676ef6471ce7176869d73365a4"`);
    await queryRunner.query(`DROP TABLE "invitation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f6d31059ab147eb7df15f66dd5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2f306cdbbc30f2ff8f74745e73"`);
    await queryRunner.query(`DROP TABLE "participation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3b4f8ca284c66e2763cc5b1c7d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_784891e68e5d55093b90ac6af8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b497cf4ae6b9a1fee6d3d8d453"`);
    await queryRunner.query(`DROP TABLE "listing"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab90095183eb7fbc5bc0bf9462"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6eecaa419aebf7be099d005b0e"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2fe296dd42a0f637f16424ea99"`);
    await queryRunner.query(`DROP TABLE "match_session"`);
    await queryRunner.query(`DROP TABLE "match_event"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8dd4fe3ac91da2c194bb41f392"`);
    await queryRunner.query(`DROP TABLE "audit_record"`);
  }
}
