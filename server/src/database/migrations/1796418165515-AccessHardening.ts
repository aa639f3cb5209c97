import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Board events kept for replay lose participants' rejection reasons (they are for the
 * participant and organisers only), and big-screen links get an expiry: existing ones
 * expire the day after their event ends (Beijing time).
 */
export class AccessHardening1796418165515 implements MigrationInterface {
  name = 'AccessHardening1796418165515';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "board_event" SET payload = jsonb_set(payload, '{participation,reason}', 'null'::jsonb)
        WHERE type = 'participant.changed' AND jsonb_typeof(payload->'participation'->'reason') = 'string'`,
    );
    await queryRunner.query(`ALTER TABLE "screen_link" ADD "expiresAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "screen_link" s SET "expiresAt" = ((e."endDate" + 2)::timestamp AT TIME ZONE 'Asia/Shanghai')
         FROM "match_event" e WHERE e.id = s."eventId"`,
    );
    await queryRunner.query(`UPDATE "screen_link" SET "expiresAt" = now() WHERE "expiresAt" IS NULL`);
    await queryRunner.query(`ALTER TABLE "screen_link" ALTER COLUMN "expiresAt" SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "screen_link" DROP COLUMN "expiresAt"`);
  }
}
