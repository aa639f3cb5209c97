import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CeremonyRunningOrder1795451957176 implements MigrationInterface {
  name = 'CeremonyRunningOrder1795451957176';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ceremony_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "position" integer NOT NULL, "title" character varying(120) NOT NULL, "sessionId" uuid, "chain" character varying(64), "onStage" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4fe2aee8d788f8e6bb6cdf95d48" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_130549902a1ed84437931abdb3" ON "ceremony_batch"  ("eventId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_ceremony_batch_on_stage" ON "ceremony_batch"  ("eventId") WHERE "onStage"`);
    await queryRunner.query(
      `CREATE TABLE "ceremony_batch_agreement" ("agreementId" uuid NOT NULL, "batchId" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_14cc7c92572705b3f782aa5077f" PRIMARY KEY ("agreementId"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b20ca3454adfe607b6048856bf" ON "ceremony_batch_agreement"  ("batchId") `);
    await queryRunner.query(
      `ALTER TABLE "ceremony_batch" ADD CONSTRAINT "FK_130549902a1ed84437931abdb37" FOREIGN KEY ("eventId") REFERENCES "match_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ceremony_batch_agreement" ADD CONSTRAINT "FK_14cc7c92572705b3f782aa5077f" FOREIGN KEY ("agreementId") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ceremony_batch_agreement" ADD CONSTRAINT "FK_b20ca3454adfe607b6048856bf3" FOREIGN KEY ("batchId") REFERENCES "ceremony_batch"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ceremony_batch_agreement" DROP CONSTRAINT "FK_b20ca3454adfe607b6048856bf3"`);
    await queryRunner.query(`ALTER TABLE "ceremony_batch_agreement" DROP CONSTRAINT "FK_14cc7c92572705b3f782aa5077f"`);
    await queryRunner.query(`ALTER TABLE "ceremony_batch" DROP CONSTRAINT "FK_130549902a1ed84437931abdb37"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b20ca3454adfe607b6048856bf"`);
    await queryRunner.query(`DROP TABLE "ceremony_batch_agreement"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_ceremony_batch_on_stage"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_130549902a1ed84437931abdb3"`);
    await queryRunner.query(`DROP TABLE "ceremony_batch"`);
  }
}
