import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notification centre: what each user is told (bell, list page, live push, email). */
export class Notifications1797000000000 implements MigrationInterface {
  name = 'Notifications1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "userId" uuid NOT NULL, "kind" character varying(40) NOT NULL, "eventId" uuid, "params" jsonb NOT NULL, "link" character varying(300), "dedupeKey" character varying(200), "readAt" TIMESTAMP WITH TIME ZONE, "emailedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f252b286af1fe74f13df8759d8" ON "notification" ("userId", "dedupeKey") WHERE "dedupeKey" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_039c7fcba309434f48b3ffaa58" ON "notification" ("userId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_440e2f3fc20c143a88aeb5d381" ON "notification" ("userId") WHERE "readAt" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_1ced25315eb974b73391fb1c81b" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_1ced25315eb974b73391fb1c81b"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
