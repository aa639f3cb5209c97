import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchMarks1795453331674 implements MigrationInterface {
  name = 'MatchMarks1795453331674';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_mark" ("listingId" uuid NOT NULL, "counterpartId" uuid NOT NULL, "kind" character varying(12) NOT NULL, "organisationId" uuid NOT NULL, "userId" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2cba1a85ba213696789808c80e9" PRIMARY KEY ("listingId", "counterpartId", "kind"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "match_mark"`);
  }
}
