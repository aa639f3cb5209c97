import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What organisations owe by a due date (obligation), and the follow-up of signed agreements: the
 * event's plan, each agreement's report schedule and the reports filed (decision 0012).
 */
export class Obligations1796800000000 implements MigrationInterface {
  name = 'Obligations1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "obligation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(24) NOT NULL, "eventId" uuid NOT NULL, "sessionId" uuid, "organisationId" uuid NOT NULL, "subjectType" character varying(32) NOT NULL, "subjectId" uuid NOT NULL, "subjectTitle" character varying(200) NOT NULL, "step" character varying(32) NOT NULL, "seq" integer NOT NULL, "dueOn" date NOT NULL, "dueAt" TIMESTAMP WITH TIME ZONE NOT NULL, "dueProvisional" boolean NOT NULL DEFAULT false, "state" character varying(12) NOT NULL DEFAULT 'open', "firstSubmittedAt" TIMESTAMP WITH TIME ZONE, "submittedAt" TIMESTAMP WITH TIME ZONE, "submittedByUserId" uuid, "reviewedAt" TIMESTAMP WITH TIME ZONE, "reviewedByUserId" uuid, "returnReason" text, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3a70be17386980c9fec1df4d25d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8bb342d9fb0081d9e29b8445fb" ON "obligation"  ("kind", "subjectType", "subjectId", "step", "seq") `);
    await queryRunner.query(`CREATE INDEX "IDX_cec24afc44137f7f8ae53292d0" ON "obligation"  ("organisationId", "dueAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_2b73d41a2dbe394fb3d88ded6c" ON "obligation"  ("eventId", "dueAt") `);
    await queryRunner.query(
      `CREATE TABLE "follow_up_plan" ("eventId" uuid NOT NULL, "cadences" jsonb NOT NULL, "version" integer NOT NULL, "updatedByUserId" uuid NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e19a8ea6fd61ee542c540df4233" PRIMARY KEY ("eventId"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_schedule" ("agreementId" uuid NOT NULL, "eventId" uuid NOT NULL, "cadence" jsonb, "anchorDay" date NOT NULL, "timeZone" character varying(64) NOT NULL, "duties" jsonb NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_62258621b109703cd11252d2512" PRIMARY KEY ("agreementId"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4df9ea020998fa85496ae1ceab" ON "follow_up_schedule"  ("eventId") `);
    await queryRunner.query(
      `CREATE TABLE "agreement_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "obligationId" uuid NOT NULL, "agreementId" uuid NOT NULL, "round" integer NOT NULL, "narrative" text NOT NULL, "problems" text NOT NULL DEFAULT '', "ledgerEntryIds" uuid array NOT NULL DEFAULT '{}', "filedByUserId" uuid NOT NULL, "filedByOrganisationId" uuid NOT NULL, "filedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_648b3741fb370eba0a2cd84396d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d00db3d75d8b6e21c3e0d7299b" ON "agreement_report"  ("agreementId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f618f7814347d4a13bfbfa1a7f" ON "agreement_report"  ("obligationId", "round") `);
    await queryRunner.query(
      `ALTER TABLE "obligation" ADD CONSTRAINT "FK_2ff30505aed89a6f7222a8e8b0c" FOREIGN KEY ("eventId") REFERENCES "match_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "obligation" ADD CONSTRAINT "FK_1d0d0d8881ee80a6d8ab696d7c9" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_plan" ADD CONSTRAINT "FK_e19a8ea6fd61ee542c540df4233" FOREIGN KEY ("eventId") REFERENCES "match_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_schedule" ADD CONSTRAINT "FK_62258621b109703cd11252d2512" FOREIGN KEY ("agreementId") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_report" ADD CONSTRAINT "FK_2dabde59fd5e20d8b468cb3141d" FOREIGN KEY ("obligationId") REFERENCES "obligation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_report" ADD CONSTRAINT "FK_d00db3d75d8b6e21c3e0d7299ba" FOREIGN KEY ("agreementId") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreement_report" DROP CONSTRAINT "FK_d00db3d75d8b6e21c3e0d7299ba"`);
    await queryRunner.query(`ALTER TABLE "agreement_report" DROP CONSTRAINT "FK_2dabde59fd5e20d8b468cb3141d"`);
    await queryRunner.query(`ALTER TABLE "follow_up_schedule" DROP CONSTRAINT "FK_62258621b109703cd11252d2512"`);
    await queryRunner.query(`ALTER TABLE "follow_up_plan" DROP CONSTRAINT "FK_e19a8ea6fd61ee542c540df4233"`);
    await queryRunner.query(`ALTER TABLE "obligation" DROP CONSTRAINT "FK_1d0d0d8881ee80a6d8ab696d7c9"`);
    await queryRunner.query(`ALTER TABLE "obligation" DROP CONSTRAINT "FK_2ff30505aed89a6f7222a8e8b0c"`);
    await queryRunner.query(`DROP TABLE "agreement_report"`);
    await queryRunner.query(`DROP TABLE "follow_up_schedule"`);
    await queryRunner.query(`DROP TABLE "follow_up_plan"`);
    await queryRunner.query(`DROP TABLE "obligation"`);
  }
}
