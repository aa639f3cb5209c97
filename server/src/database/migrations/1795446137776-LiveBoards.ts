import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveBoards1795446137776 implements MigrationInterface {
  name = 'LiveBoards1795446137776';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "board_event" ("id" BIGSERIAL NOT NULL, "sessionId" uuid NOT NULL, "seq" integer NOT NULL, "type" character varying(32) NOT NULL, "payload" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_416bad38afecd4c47a8dedd5606" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5de2fc8507c5e1a9a798273f40" ON "board_event"  ("sessionId", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "screen_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "tokenHash" character(64) NOT NULL, "label" character varying(100) NOT NULL, "createdByUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revokedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_271c8fd12d2faa0d2fbbbec7904" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fefe1f71fc0e83bc8e24511cfc" ON "screen_link"  ("eventId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4c36f052dd15f51257ca4056a5" ON "screen_link"  ("tokenHash") `);
    await queryRunner.query(`ALTER TABLE "match_session" ADD "boardSeq" integer NOT NULL DEFAULT '0'`);
    // Written by @socket.io/postgres-adapter for messages too large for NOTIFY.
    await queryRunner.query(
      `CREATE TABLE "socket_io_attachments" ("id" BIGSERIAL UNIQUE, "created_at" TIMESTAMP WITH TIME ZONE DEFAULT now(), "payload" bytea)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "socket_io_attachments"`);
    await queryRunner.query(`ALTER TABLE "match_session" DROP COLUMN "boardSeq"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4c36f052dd15f51257ca4056a5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fefe1f71fc0e83bc8e24511cfc"`);
    await queryRunner.query(`DROP TABLE "screen_link"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5de2fc8507c5e1a9a798273f40"`);
    await queryRunner.query(`DROP TABLE "board_event"`);
  }
}
