import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The figure that ranks an event's public scoreboard (server/src/scoreboard): one row per event
 * once organisers choose one, with who chose it and when.
 */
export class Scoreboard1797600000300 implements MigrationInterface {
  name = 'Scoreboard1797600000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scoreboard_setting" ("eventId" uuid NOT NULL, "figure" character varying(64) NOT NULL, "updatedBy" uuid NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_56eb66f7310e7677f35e9c895eb" PRIMARY KEY ("eventId"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "scoreboard_setting" ADD CONSTRAINT "FK_56eb66f7310e7677f35e9c895eb" FOREIGN KEY ("eventId") REFERENCES "match_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scoreboard_setting" DROP CONSTRAINT "FK_56eb66f7310e7677f35e9c895eb"`);
    await queryRunner.query(`DROP TABLE "scoreboard_setting"`);
  }
}
