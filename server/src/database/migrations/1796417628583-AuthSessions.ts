import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthSessions1796417628583 implements MigrationInterface {
  name = 'AuthSessions1796417628583';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "userId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "revokedAt" TIMESTAMP WITH TIME ZONE, "signingGrantUntil" TIMESTAMP WITH TIME ZONE, "lastIp" character varying(64), "userAgent" character varying(300), CONSTRAINT "PK_auth_session" PRIMARY KEY ("id"), CONSTRAINT "FK_auth_session_user" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_auth_session_user" ON "auth_session" ("userId")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "auth_session"`);
  }
}
