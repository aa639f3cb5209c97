import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enterprises' ratings of the institutions they dealt with (企业评银行, server/src/ratings): one
 * per dealing (an application answered, a meeting held, a loan disbursed) and rater, speed,
 * attitude and terms 1–5 and a comment of at most 500 characters.
 */
export class Ratings1797600000200 implements MigrationInterface {
  name = 'Ratings1797600000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "institution_rating" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "dealing" character varying(16) NOT NULL, "dealingId" uuid NOT NULL, "raterOrganisationId" uuid NOT NULL, "raterUserId" uuid NOT NULL, "institutionId" uuid NOT NULL, "speed" smallint NOT NULL, "attitude" smallint NOT NULL, "terms" smallint NOT NULL, "comment" character varying(500), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_institution_rating_comment" CHECK (char_length("comment") <= 500), CONSTRAINT "CHK_institution_rating_terms" CHECK ("terms" BETWEEN 1 AND 5), CONSTRAINT "CHK_institution_rating_attitude" CHECK ("attitude" BETWEEN 1 AND 5), CONSTRAINT "CHK_institution_rating_speed" CHECK ("speed" BETWEEN 1 AND 5), CONSTRAINT "PK_3674e8fa57fbbd3d59933db2cdd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_73b48436b561fff8ba52df77c8" ON "institution_rating" ("institutionId") `);
    await queryRunner.query(`CREATE INDEX "IDX_e36033249ba4b82575a1184fcc" ON "institution_rating" ("eventId", "institutionId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a1af8c9cb577f39d9e3efe6755" ON "institution_rating" ("dealing", "dealingId", "raterOrganisationId") `);
    await queryRunner.query(
      `ALTER TABLE "institution_rating" ADD CONSTRAINT "FK_251f2ea4162229796c3b7936c2a" FOREIGN KEY ("eventId") REFERENCES "match_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "institution_rating" ADD CONSTRAINT "FK_3fb490a63587ac5f335e86b0924" FOREIGN KEY ("raterOrganisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "institution_rating" ADD CONSTRAINT "FK_73b48436b561fff8ba52df77c82" FOREIGN KEY ("institutionId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "institution_rating" DROP CONSTRAINT "FK_73b48436b561fff8ba52df77c82"`);
    await queryRunner.query(`ALTER TABLE "institution_rating" DROP CONSTRAINT "FK_3fb490a63587ac5f335e86b0924"`);
    await queryRunner.query(`ALTER TABLE "institution_rating" DROP CONSTRAINT "FK_251f2ea4162229796c3b7936c2a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a1af8c9cb577f39d9e3efe6755"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e36033249ba4b82575a1184fcc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73b48436b561fff8ba52df77c8"`);
    await queryRunner.query(`DROP TABLE "institution_rating"`);
  }
}
