import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The needs survey before an event (摸底调查): surveys, the responses owed, and the exclusion list. */
export class Surveys1797300000000 implements MigrationInterface {
  name = 'Surveys1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "survey" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "listingType" character varying(16), "sessionId" uuid, "questions" jsonb NOT NULL DEFAULT '[]', "deadlineWorkingDays" integer, "deadlineOn" date, "dueOn" date, "dueAt" TIMESTAMP WITH TIME ZONE, "dueProvisional" boolean NOT NULL DEFAULT false, "state" character varying(8) NOT NULL DEFAULT 'draft', "sentAt" TIMESTAMP WITH TIME ZONE, "closedAt" TIMESTAMP WITH TIME ZONE, "guidance" text, "guidancePublishedAt" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "createdByUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f0da32b9181e9c02ecf0be11ed3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6f0bf95b4285afc52470c0fd0a" ON "survey" ("eventId") `);
    await queryRunner.query(
      `CREATE TABLE "survey_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "surveyId" uuid NOT NULL, "organisationId" uuid NOT NULL, "obligationId" uuid NOT NULL, "answers" jsonb NOT NULL DEFAULT '{}', "listingId" uuid, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9326eb52bf8b23d56a39ce419a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6bacf1ea1342e9900de097dd83" ON "survey_response" ("organisationId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a92f490715bea15214ec6a8e10" ON "survey_response" ("obligationId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_177ce61268bcc33315a22f4c98" ON "survey_response" ("surveyId", "organisationId") `);
    await queryRunner.query(
      `CREATE TABLE "survey_exclusion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisationId" uuid NOT NULL, "reason" character varying(24) NOT NULL, "note" character varying(500) NOT NULL DEFAULT '', "createdByUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_142a5e2bc4e5862d557d85bbdd6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f0059cc8fcb3b35a73a38ef5e1" ON "survey_exclusion" ("organisationId") `);
    await queryRunner.query(
      `ALTER TABLE "survey" ADD CONSTRAINT "FK_6f0bf95b4285afc52470c0fd0a2" FOREIGN KEY ("eventId") REFERENCES "match_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "FK_325dc8ed7bbdea328af1670dc0a" FOREIGN KEY ("surveyId") REFERENCES "survey"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "FK_6bacf1ea1342e9900de097dd83d" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "FK_a92f490715bea15214ec6a8e101" FOREIGN KEY ("obligationId") REFERENCES "obligation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_exclusion" ADD CONSTRAINT "FK_f0059cc8fcb3b35a73a38ef5e12" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_exclusion" DROP CONSTRAINT "FK_f0059cc8fcb3b35a73a38ef5e12"`);
    await queryRunner.query(`ALTER TABLE "survey_response" DROP CONSTRAINT "FK_a92f490715bea15214ec6a8e101"`);
    await queryRunner.query(`ALTER TABLE "survey_response" DROP CONSTRAINT "FK_6bacf1ea1342e9900de097dd83d"`);
    await queryRunner.query(`ALTER TABLE "survey_response" DROP CONSTRAINT "FK_325dc8ed7bbdea328af1670dc0a"`);
    await queryRunner.query(`ALTER TABLE "survey" DROP CONSTRAINT "FK_6f0bf95b4285afc52470c0fd0a2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f0059cc8fcb3b35a73a38ef5e1"`);
    await queryRunner.query(`DROP TABLE "survey_exclusion"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_177ce61268bcc33315a22f4c98"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a92f490715bea15214ec6a8e10"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6bacf1ea1342e9900de097dd83"`);
    await queryRunner.query(`DROP TABLE "survey_response"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6f0bf95b4285afc52470c0fd0a"`);
    await queryRunner.query(`DROP TABLE "survey"`);
  }
}
