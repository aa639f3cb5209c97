import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Supermarket1795454073279 implements MigrationInterface {
  name = 'Supermarket1795454073279';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "financing_application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "needListingId" uuid NOT NULL, "offerListingId" uuid NOT NULL, "applicantOrganisationId" uuid NOT NULL, "offerOrganisationId" uuid NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'pending', "reason" text, "answerBy" TIMESTAMP WITH TIME ZONE NOT NULL, "answeredAt" TIMESTAMP WITH TIME ZONE, "answeredByUserId" uuid, "createdByUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9293521230ca5342c36f57dbd67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ecb45aaa4f8c98e0d47feeb935" ON "financing_application"  ("eventId") `);
    await queryRunner.query(`CREATE INDEX "IDX_76fbba0fa772756dc61fe12f9a" ON "financing_application"  ("offerListingId") `);
    await queryRunner.query(`CREATE INDEX "IDX_19a6dcd85881f86bb9a0d32509" ON "financing_application"  ("applicantOrganisationId") `);
    await queryRunner.query(`CREATE INDEX "IDX_009afdc06a9f860b986149c765" ON "financing_application"  ("offerOrganisationId") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_financing_application_live" ON "financing_application"  ("needListingId", "offerListingId") WHERE status IN ('pending', 'accepted')`,
    );
    await queryRunner.query(`ALTER TABLE "match_event" ADD "applicationAnswerHours" integer NOT NULL DEFAULT '72'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_event" DROP COLUMN "applicationAnswerHours"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_financing_application_live"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_009afdc06a9f860b986149c765"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_19a6dcd85881f86bb9a0d32509"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_76fbba0fa772756dc61fe12f9a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ecb45aaa4f8c98e0d47feeb935"`);
    await queryRunner.query(`DROP TABLE "financing_application"`);
  }
}
