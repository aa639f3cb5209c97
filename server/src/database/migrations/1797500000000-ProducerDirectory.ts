import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The producers' directory (生产企业名录, server/src/directory): one per session, compiled from
 * approved producers and their open supply listings, reviewed and published by organisers.
 * Entries keep the fields an organiser edited (`editedFields`) across re-compiles.
 */
export class ProducerDirectory1797500000000 implements MigrationInterface {
  name = 'ProducerDirectory1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "producer_directory" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "sessionId" uuid NOT NULL, "title" character varying(200) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '1', "compiledAt" TIMESTAMP WITH TIME ZONE NOT NULL, "publishedAt" TIMESTAMP WITH TIME ZONE, "publishedByUserId" uuid, "createdByUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ec42eaa9026d954aa2b662b8c08" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_971403a21a0379e0a35c0e100b" ON "producer_directory" ("eventId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cdcc6c5d4597fc24bf9980ab62" ON "producer_directory" ("sessionId") `);
    await queryRunner.query(`CREATE INDEX "IDX_12a050e33e763f8bbfc218612e" ON "producer_directory" ("status") `);
    await queryRunner.query(
      `CREATE TABLE "producer_directory_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "directoryId" uuid NOT NULL, "organisationId" uuid NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'included', "excludeReason" character varying(500), "name" character varying(200) NOT NULL, "region" character(6) NOT NULL, "categories" text array NOT NULL DEFAULT '{}', "varieties" text NOT NULL DEFAULT '', "specifications" text NOT NULL DEFAULT '', "annualOutput" double precision, "outputUnit" character varying(12) NOT NULL DEFAULT '', "contactName" character varying(100) NOT NULL DEFAULT '', "contactPhone" character varying(40) NOT NULL DEFAULT '', "contactConsent" boolean NOT NULL DEFAULT false, "notes" text NOT NULL DEFAULT '', "listingId" uuid, "editedFields" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_469eeba7045076f6ddfeee6aa9b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5f4f429834bc9cb155534ba2e0" ON "producer_directory_entry" ("directoryId", "organisationId") `);
    await queryRunner.query(`CREATE INDEX "IDX_02513a28030f090368da30585b" ON "producer_directory_entry" ("directoryId", "status", "name") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_02513a28030f090368da30585b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5f4f429834bc9cb155534ba2e0"`);
    await queryRunner.query(`DROP TABLE "producer_directory_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_12a050e33e763f8bbfc218612e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cdcc6c5d4597fc24bf9980ab62"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_971403a21a0379e0a35c0e100b"`);
    await queryRunner.query(`DROP TABLE "producer_directory"`);
  }
}
