import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events carry the IANA time zone their days and due dates are read in (decision 0010); existing ones are in China. */
export class EventTimeZone1796700001510 implements MigrationInterface {
  name = 'EventTimeZone1796700001510';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_event" ADD "timeZone" character varying(64) NOT NULL DEFAULT 'Asia/Shanghai'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_event" DROP COLUMN "timeZone"`);
  }
}
