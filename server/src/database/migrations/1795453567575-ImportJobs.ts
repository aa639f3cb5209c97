import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportJobs1795453567575 implements MigrationInterface {
  name = 'ImportJobs1795453567575';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "createdByUserId" uuid NOT NULL, "state" character varying(12) NOT NULL, "files" text array NOT NULL DEFAULT '{}', "processed" integer NOT NULL DEFAULT '0', "total" integer NOT NULL DEFAULT '0', "report" jsonb, "error" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finishedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b5f39bfb544855e0a5ddedf338" ON "import_job"  ("eventId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_b5f39bfb544855e0a5ddedf338"`);
    await queryRunner.query(`DROP TABLE "import_job"`);
  }
}
