import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionBreak1796273584440 implements MigrationInterface {
  name = 'SessionBreak1796273584440';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_session" ADD "breakStartsAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "match_session" ADD "breakEndsAt" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_session" DROP COLUMN "breakEndsAt"`);
    await queryRunner.query(`ALTER TABLE "match_session" DROP COLUMN "breakStartsAt"`);
  }
}
