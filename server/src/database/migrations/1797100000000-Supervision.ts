import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ladder for what is owed: what the sweep did about each due day (obligation_mark), supervision
 * notices (督办单) and the notice of criticism (通报) with the organisations it names.
 */
export class Supervision1797100000000 implements MigrationInterface {
  name = 'Supervision1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "obligation_mark" ("obligationId" uuid NOT NULL, "kind" character varying(12) NOT NULL, "dueOn" date NOT NULL, "eventId" uuid NOT NULL, "markedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2317479b0ca4d122a5ecf89678e" PRIMARY KEY ("obligationId", "kind", "dueOn"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "supervision_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "obligationId" uuid NOT NULL, "organisationId" uuid NOT NULL, "issuedByUserId" uuid NOT NULL, "note" text NOT NULL DEFAULT '', "deadlineOn" date NOT NULL, "deadlineAt" TIMESTAMP WITH TIME ZONE NOT NULL, "deadlineProvisional" boolean NOT NULL DEFAULT false, "state" character varying(12) NOT NULL DEFAULT 'issued', "acknowledgedAt" TIMESTAMP WITH TIME ZONE, "acknowledgedByUserId" uuid, "resolvedAt" TIMESTAMP WITH TIME ZONE, "lapsedAt" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a66247317784c87bb661e0b8e0c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ea5e34dc16d497dd45211920f4" ON "supervision_notice"  ("state", "deadlineAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_941ac3db28e511b50637fdff39" ON "supervision_notice"  ("organisationId", "state") `);
    await queryRunner.query(`CREATE INDEX "IDX_a444f55713a01edd451090d570" ON "supervision_notice"  ("eventId", "createdAt") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_supervision_notice_open" ON "supervision_notice"  ("obligationId") WHERE state IN ('issued', 'acknowledged')`,
    );
    await queryRunner.query(
      `CREATE TABLE "criticism_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "publishedByUserId" uuid NOT NULL, "publishedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3b185f1b476f3bf3ef1f0851fbc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_35e767c23a4108399e06bbdb80" ON "criticism_notice"  ("eventId", "publishedAt") `);
    await queryRunner.query(
      `CREATE TABLE "criticism_entry" ("noticeId" uuid NOT NULL, "organisationId" uuid NOT NULL, "obligationIds" uuid array NOT NULL, "rectifiedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a3fdca63386f51f751ff24ce6f" PRIMARY KEY ("noticeId", "organisationId"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_criticism_entry_named" ON "criticism_entry"  ("organisationId") WHERE "rectifiedAt" IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "criticism_entry"`);
    await queryRunner.query(`DROP TABLE "criticism_notice"`);
    await queryRunner.query(`DROP TABLE "supervision_notice"`);
    await queryRunner.query(`DROP TABLE "obligation_mark"`);
  }
}
