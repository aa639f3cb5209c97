import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Statistics institutions report (统计报表): reporting periods, each institution's form and every filed version. */
export class Statistics1797600000000 implements MigrationInterface {
  name = 'Statistics1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reward_period" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "name" character varying(100) NOT NULL, "startsOn" date NOT NULL, "endsOn" date NOT NULL, "cadence" character varying(12) NOT NULL, "dueOn" date NOT NULL, "classes" text array NOT NULL, "state" character varying(8) NOT NULL DEFAULT 'open', "createdByUserId" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9389e4c8bf1c0d36359d86c2d4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d5ba1745301486c361e537b80e" ON "reward_period" ("eventId", "name") `);
    await queryRunner.query(
      `CREATE TABLE "statistics_form" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "periodId" uuid NOT NULL, "organisationId" uuid NOT NULL, "class" character varying(24) NOT NULL, "obligationId" uuid NOT NULL, "draft" jsonb, "draftSavedAt" TIMESTAMP WITH TIME ZONE, "draftSavedByUserId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_14d711a6048a633065546f3de62" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3b76b59243d025989a3fd25888" ON "statistics_form" ("organisationId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2f0c9e7c3556a744e4d413c54d" ON "statistics_form" ("obligationId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d9e1f160633e67fd390ae68229" ON "statistics_form" ("periodId", "organisationId") `);
    await queryRunner.query(
      `CREATE TABLE "statistics_form_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "formId" uuid NOT NULL, "n" integer NOT NULL, "figures" jsonb NOT NULL, "submittedByUserId" uuid NOT NULL, "submittedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f2891249338f82d4e85dfd0ed87" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a5414847f93ffef26aee18628e" ON "statistics_form_version" ("formId", "n") `);
    await queryRunner.query(
      `ALTER TABLE "reward_period" ADD CONSTRAINT "FK_7670b5506e1687d3d36394cd116" FOREIGN KEY ("eventId") REFERENCES "match_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statistics_form" ADD CONSTRAINT "FK_e80b1d0660889e4d397497a251d" FOREIGN KEY ("periodId") REFERENCES "reward_period"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statistics_form" ADD CONSTRAINT "FK_3b76b59243d025989a3fd25888d" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statistics_form" ADD CONSTRAINT "FK_2f0c9e7c3556a744e4d413c54d7" FOREIGN KEY ("obligationId") REFERENCES "obligation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statistics_form_version" ADD CONSTRAINT "FK_90ea29b86dd433ac5e43bc7b286" FOREIGN KEY ("formId") REFERENCES "statistics_form"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "statistics_form_version" DROP CONSTRAINT "FK_90ea29b86dd433ac5e43bc7b286"`);
    await queryRunner.query(`ALTER TABLE "statistics_form" DROP CONSTRAINT "FK_2f0c9e7c3556a744e4d413c54d7"`);
    await queryRunner.query(`ALTER TABLE "statistics_form" DROP CONSTRAINT "FK_3b76b59243d025989a3fd25888d"`);
    await queryRunner.query(`ALTER TABLE "statistics_form" DROP CONSTRAINT "FK_e80b1d0660889e4d397497a251d"`);
    await queryRunner.query(`ALTER TABLE "reward_period" DROP CONSTRAINT "FK_7670b5506e1687d3d36394cd116"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a5414847f93ffef26aee18628e"`);
    await queryRunner.query(`DROP TABLE "statistics_form_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d9e1f160633e67fd390ae68229"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2f0c9e7c3556a744e4d413c54d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3b76b59243d025989a3fd25888"`);
    await queryRunner.query(`DROP TABLE "statistics_form"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5ba1745301486c361e537b80e"`);
    await queryRunner.query(`DROP TABLE "reward_period"`);
  }
}
