import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Agreements1795448782963 implements MigrationInterface {
  name = 'Agreements1795448782963';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agreement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "sessionId" uuid NOT NULL, "kind" character varying(24) NOT NULL, "title" character varying(200) NOT NULL, "amount" bigint NOT NULL, "product" character varying(64), "quantity" numeric, "unit" character varying(16), "termMonths" integer, "keyTerms" text NOT NULL, "listingIds" uuid array NOT NULL DEFAULT '{}', "status" character varying(12) NOT NULL DEFAULT 'drafting', "version" integer NOT NULL DEFAULT '1', "contentHash" character(64) NOT NULL, "draftedByOrganisationId" uuid NOT NULL, "draftedByUserId" uuid NOT NULL, "signedAt" TIMESTAMP WITH TIME ZONE, "confirmedAt" TIMESTAMP WITH TIME ZONE, "confirmedByUserId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e7537188219eeef56233a609753" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_78df16a9f0b477c4471ea148b6" ON "agreement"  ("eventId") `);
    await queryRunner.query(`CREATE INDEX "IDX_84faf6815f3b6cf273190bc5bc" ON "agreement"  ("sessionId") `);
    await queryRunner.query(
      `CREATE TABLE "agreement_party" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreementId" uuid NOT NULL, "organisationId" uuid NOT NULL, "role" character varying(16) NOT NULL, CONSTRAINT "PK_cae1b7353a913e2f9a7188d3294" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f288df936fc232a211b5c1c6bd" ON "agreement_party"  ("organisationId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_18a6ee958ada7374312812fec5" ON "agreement_party"  ("agreementId", "organisationId") `);
    await queryRunner.query(
      `CREATE TABLE "agreement_signature" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreementId" uuid NOT NULL, "partyId" uuid NOT NULL, "userId" uuid NOT NULL, "contentHash" character(64) NOT NULL, "signedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "voidedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a1c52a86260d677da0f602f884f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4163356cfc07864f4950cfd7a3" ON "agreement_signature"  ("agreementId", "partyId") WHERE "voidedAt" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" ADD "signingGrantUntil" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "FK_84faf6815f3b6cf273190bc5bc1" FOREIGN KEY ("sessionId") REFERENCES "match_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_party" ADD CONSTRAINT "FK_6b1da075588819a6e5665188291" FOREIGN KEY ("agreementId") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_party" ADD CONSTRAINT "FK_f288df936fc232a211b5c1c6bdc" FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_signature" ADD CONSTRAINT "FK_840a1f6fe9367c58561cf0bf835" FOREIGN KEY ("partyId") REFERENCES "agreement_party"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_signature" ADD CONSTRAINT "FK_724990bae4974c7409e11182d90" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreement_signature" DROP CONSTRAINT "FK_724990bae4974c7409e11182d90"`);
    await queryRunner.query(`ALTER TABLE "agreement_signature" DROP CONSTRAINT "FK_840a1f6fe9367c58561cf0bf835"`);
    await queryRunner.query(`ALTER TABLE "agreement_party" DROP CONSTRAINT "FK_f288df936fc232a211b5c1c6bdc"`);
    await queryRunner.query(`ALTER TABLE "agreement_party" DROP CONSTRAINT "FK_6b1da075588819a6e5665188291"`);
    await queryRunner.query(`ALTER TABLE "agreement" DROP CONSTRAINT "FK_84faf6815f3b6cf273190bc5bc1"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "signingGrantUntil"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4163356cfc07864f4950cfd7a3"`);
    await queryRunner.query(`DROP TABLE "agreement_signature"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_18a6ee958ada7374312812fec5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f288df936fc232a211b5c1c6bd"`);
    await queryRunner.query(`DROP TABLE "agreement_party"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_84faf6815f3b6cf273190bc5bc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_78df16a9f0b477c4471ea148b6"`);
    await queryRunner.query(`DROP TABLE "agreement"`);
  }
}
