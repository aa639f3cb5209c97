import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessment and rewards (server/src/rewards): reward programs (versions of a lineage: draft,
 * published, superseded; the rules and schemes as jsonb), calculation runs per reporting period
 * (numbered per period, with the institutions left out, the totals and the change from the
 * previous run) and one award row per institution of a run (integer yuan, the outcomes that
 * explain it, and the payment the finance department confirmed).
 */
export class Rewards1797600000100 implements MigrationInterface {
  name = 'Rewards1797600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reward_program" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "lineage" uuid NOT NULL, "versionNo" integer NOT NULL, "name" character varying(200) NOT NULL, "state" character varying(16) NOT NULL, "content" jsonb NOT NULL, "publishedAt" TIMESTAMP WITH TIME ZONE, "publishedByUserId" uuid, "createdByUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_dda09ac7d1316316e0e413cb023" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_995f4de8c8fff0edb758cd2434" ON "reward_program" ("eventId", "createdAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e79704e8a717a809ebf710d678" ON "reward_program" ("lineage", "versionNo") `);
    await queryRunner.query(
      `CREATE TABLE "reward_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "periodId" uuid NOT NULL, "programId" uuid NOT NULL, "seq" integer NOT NULL, "state" character varying(16) NOT NULL, "institutions" integer NOT NULL, "unconfirmed" jsonb NOT NULL, "late" jsonb NOT NULL, "totals" jsonb NOT NULL, "changes" jsonb NOT NULL, "computedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "computedByUserId" uuid NOT NULL, "approvedAt" TIMESTAMP WITH TIME ZONE, "approvedByUserId" uuid, "version" integer NOT NULL, CONSTRAINT "PK_364c65b92987a4dcc210e260872" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_27833ba2f5b8bece3a80e59cd4" ON "reward_run" ("programId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0dd3aff52cb8935cb4c093932f" ON "reward_run" ("periodId", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "reward_award" ("runId" uuid NOT NULL, "organisationId" uuid NOT NULL, "class" character varying(24) NOT NULL, "amount" bigint NOT NULL, "outcomes" jsonb NOT NULL, "scores" jsonb NOT NULL, "paidAt" TIMESTAMP WITH TIME ZONE, "paidByUserId" uuid, "paymentReference" character varying(100), CONSTRAINT "PK_512ea3b37fb13fc84a6ad95b107" PRIMARY KEY ("runId", "organisationId"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_72c5bb96dbfc8bb6d09f24623b" ON "reward_award" ("organisationId") `);
    await queryRunner.query(
      `ALTER TABLE "reward_program" ADD CONSTRAINT "FK_f43d41f45b39d764f11f2821b00" FOREIGN KEY ("eventId") REFERENCES "match_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reward_run" ADD CONSTRAINT "FK_9e99fba6397c9db6a74a1938168" FOREIGN KEY ("eventId") REFERENCES "match_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reward_run" ADD CONSTRAINT "FK_631492850287ddb0aa6c1fbbaaf" FOREIGN KEY ("periodId") REFERENCES "reward_period"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reward_run" ADD CONSTRAINT "FK_27833ba2f5b8bece3a80e59cd44" FOREIGN KEY ("programId") REFERENCES "reward_program"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reward_award" ADD CONSTRAINT "FK_803955e52f2c6957d5bb5e1b9f8" FOREIGN KEY ("runId") REFERENCES "reward_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reward_award" ADD CONSTRAINT "FK_72c5bb96dbfc8bb6d09f24623b5" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reward_award" DROP CONSTRAINT "FK_72c5bb96dbfc8bb6d09f24623b5"`);
    await queryRunner.query(`ALTER TABLE "reward_award" DROP CONSTRAINT "FK_803955e52f2c6957d5bb5e1b9f8"`);
    await queryRunner.query(`ALTER TABLE "reward_run" DROP CONSTRAINT "FK_27833ba2f5b8bece3a80e59cd44"`);
    await queryRunner.query(`ALTER TABLE "reward_run" DROP CONSTRAINT "FK_631492850287ddb0aa6c1fbbaaf"`);
    await queryRunner.query(`ALTER TABLE "reward_run" DROP CONSTRAINT "FK_9e99fba6397c9db6a74a1938168"`);
    await queryRunner.query(`ALTER TABLE "reward_program" DROP CONSTRAINT "FK_f43d41f45b39d764f11f2821b00"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_72c5bb96dbfc8bb6d09f24623b"`);
    await queryRunner.query(`DROP TABLE "reward_award"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0dd3aff52cb8935cb4c093932f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_27833ba2f5b8bece3a80e59cd4"`);
    await queryRunner.query(`DROP TABLE "reward_run"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e79704e8a717a809ebf710d678"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_995f4de8c8fff0edb758cd2434"`);
    await queryRunner.query(`DROP TABLE "reward_program"`);
  }
}
