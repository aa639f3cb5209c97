import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence files attached to report obligations; the bytes are in the file store (DATA_DIR/files). */
export class ObligationEvidence1796900000000 implements MigrationInterface {
  name = 'ObligationEvidence1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "obligation_evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "obligationId" uuid NOT NULL, "organisationId" uuid NOT NULL, "name" character varying(200) NOT NULL, "contentType" character varying(40) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "storageKey" character varying(200) NOT NULL, "uploadedByUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_35176577a542d7059eb588940bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d0005494abe951006b59d1c4bf" ON "obligation_evidence" ("obligationId") `);
    await queryRunner.query(
      `ALTER TABLE "obligation_evidence" ADD CONSTRAINT "FK_d0005494abe951006b59d1c4bff" FOREIGN KEY ("obligationId") REFERENCES "obligation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "obligation_evidence" DROP CONSTRAINT "FK_d0005494abe951006b59d1c4bff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d0005494abe951006b59d1c4bf"`);
    await queryRunner.query(`DROP TABLE "obligation_evidence"`);
  }
}
