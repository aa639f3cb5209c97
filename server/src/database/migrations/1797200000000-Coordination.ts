import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coordination after the signing: an event's member departments, the problems parties raise and
 * organisers route to them, key enterprises' liaison officers and their operating reports, and
 * the weekly summaries kept for the coordination group.
 */
export class Coordination1797200000000 implements MigrationInterface {
  name = 'Coordination1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "event_department" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "name" character varying(100) NOT NULL, "organisationId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58243f1e58e96075168ba7b2fc4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c8eac5b8a209142ec084871510" ON "event_department"  ("eventId", "name") `);
    await queryRunner.query(
      `CREATE TABLE "coordination_problem" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "organisationId" uuid NOT NULL, "raisedByUserId" uuid NOT NULL, "agreementId" uuid, "category" character varying(16) NOT NULL, "urgency" character varying(8) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "state" character varying(12) NOT NULL DEFAULT 'received', "departmentId" uuid, "obligationId" uuid, "routedAt" TIMESTAMP WITH TIME ZONE, "routedByUserId" uuid, "answer" text, "answeredAt" TIMESTAMP WITH TIME ZONE, "answeredByUserId" uuid, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_083a7bc8e163ec0d5c75b526c84" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_00054b0488f2f5bf489e6b7264" ON "coordination_problem"  ("eventId", "state") `);
    await queryRunner.query(`CREATE INDEX "IDX_5cde16a1f97a6206a80cfa7b5b" ON "coordination_problem"  ("organisationId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea2c9eab8b18570119819e23b3" ON "coordination_problem"  ("departmentId") `);
    await queryRunner.query(
      `CREATE TABLE "liaison_designation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "organisationId" uuid NOT NULL, "userId" uuid NOT NULL, "cadence" character varying(10) NOT NULL, "anchorDay" date NOT NULL, "stoppedAt" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce3a59c3c9da0eb357af686f269" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7985e317093c51cba805c61463" ON "liaison_designation"  ("eventId", "organisationId") `);
    await queryRunner.query(
      `CREATE TABLE "liaison_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "organisationId" uuid NOT NULL, "obligationId" uuid, "filedByUserId" uuid NOT NULL, "production" character varying(500) NOT NULL, "sales" character varying(500) NOT NULL, "inventory" character varying(500) NOT NULL, "capital" character varying(500) NOT NULL, "transport" character varying(500) NOT NULL, "difficulties" character varying(2000) NOT NULL, "urgent" boolean NOT NULL DEFAULT false, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c75e2a56e8f2e7371f1a6034874" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3125297358218db8ea769ac153" ON "liaison_report"  ("eventId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_2104d14c5c181013f072f8b3ae" ON "liaison_report"  ("organisationId", "createdAt") `);
    await queryRunner.query(
      `CREATE TABLE "weekly_summary" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "eventId" uuid NOT NULL, "weekStart" date NOT NULL, "figures" jsonb NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d4bee8bc6d41cc709fd6f4c8391" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ee9ab17305d13b1c75250a3e94" ON "weekly_summary"  ("eventId", "weekStart") `);
    const fks: [string, string, string, string][] = [
      ['event_department', 'FK_3d78153cc528cb1fa006008b915', 'eventId', 'match_event'],
      ['event_department', 'FK_2bc27647d76022b40fd08d69cc0', 'organisationId', 'organisation'],
      ['coordination_problem', 'FK_5aba8a4c5aa6afa0455056f0194', 'eventId', 'match_event'],
      ['coordination_problem', 'FK_e79f82e6587601766eb9eda0910', 'organisationId', 'organisation'],
      ['coordination_problem', 'FK_7d3c7483c4ba2d547c4c8ec1ab6', 'agreementId', 'agreement'],
      ['coordination_problem', 'FK_ea2c9eab8b18570119819e23b3a', 'departmentId', 'event_department'],
      ['coordination_problem', 'FK_f2a83086d85e8128c887c570680', 'obligationId', 'obligation'],
      ['liaison_designation', 'FK_d074c337959f909ec2dcac4e128', 'eventId', 'match_event'],
      ['liaison_designation', 'FK_2c581050a207716b6f80a926b2f', 'organisationId', 'organisation'],
      ['liaison_designation', 'FK_832d21b239a986395223cb735ec', 'userId', 'app_user'],
      ['liaison_report', 'FK_5dd2c1bb910f9032bb2e4cbc639', 'eventId', 'match_event'],
      ['liaison_report', 'FK_019cda8a25a7085842e3accc991', 'organisationId', 'organisation'],
      ['liaison_report', 'FK_ff16852c398fe78778e5ac8c9ad', 'obligationId', 'obligation'],
      ['weekly_summary', 'FK_e1bfc474d864b0196d610905d5c', 'eventId', 'match_event'],
    ];
    for (const [table, name, column, target] of fks) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "weekly_summary"`);
    await queryRunner.query(`DROP TABLE "liaison_report"`);
    await queryRunner.query(`DROP TABLE "liaison_designation"`);
    await queryRunner.query(`DROP TABLE "coordination_problem"`);
    await queryRunner.query(`DROP TABLE "event_department"`);
  }
}
