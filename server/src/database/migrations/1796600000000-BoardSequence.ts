import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Board sequence numbers move from the session row to the board's own table (realtime owns the numbering). */
export class BoardSequence1796600000000 implements MigrationInterface {
  name = 'BoardSequence1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "board_sequence" ("sessionId" uuid NOT NULL, "seq" integer NOT NULL, CONSTRAINT "PK_board_sequence" PRIMARY KEY ("sessionId"))`,
    );
    await queryRunner.query(`INSERT INTO "board_sequence" ("sessionId", "seq") SELECT "id", "boardSeq" FROM "match_session" WHERE "boardSeq" > 0`);
    await queryRunner.query(`ALTER TABLE "match_session" DROP COLUMN "boardSeq"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_session" ADD "boardSeq" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`UPDATE "match_session" s SET "boardSeq" = b."seq" FROM "board_sequence" b WHERE b."sessionId" = s."id"`);
    await queryRunner.query(`DROP TABLE "board_sequence"`);
  }
}
