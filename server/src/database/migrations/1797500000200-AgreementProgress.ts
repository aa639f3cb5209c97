import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `agreement_progress`: per agreement, its enterprise side, institution and buyer and what its
 * ledger adds up to, kept by the agreements module in the transaction of every change (decision
 * 0015) so that an event's figures are one scan of its agreements. Backfilled here.
 */
export class AgreementProgress1797500000200 implements MigrationInterface {
  name = 'AgreementProgress1797500000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agreement_progress" ("agreementId" uuid NOT NULL, "enterpriseOrganisationId" uuid, "institutionOrganisationId" uuid, "buyerOrganisationId" uuid, "approved" bigint NOT NULL DEFAULT '0', "disbursed" bigint NOT NULL DEFAULT '0', "delivered" bigint NOT NULL DEFAULT '0', "outcome" character varying(12) NOT NULL DEFAULT 'open', CONSTRAINT "PK_e9d37f98501dac9ef2599f83164" PRIMARY KEY ("agreementId"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_24ef6ea4e2ce8f6b46b83b655b" ON "agreement_progress" ("institutionOrganisationId") `);
    await queryRunner.query(
      `ALTER TABLE "agreement_progress" ADD CONSTRAINT "FK_e9d37f98501dac9ef2599f83164" FOREIGN KEY ("agreementId") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO agreement_progress ("agreementId", "enterpriseOrganisationId", "institutionOrganisationId", "buyerOrganisationId", approved, disbursed, delivered, outcome)
       SELECT a.id,
              (SELECT p."organisationId" FROM agreement_party p WHERE p."agreementId" = a.id AND p.role = ANY($1::text[])
                ORDER BY array_position($1::text[], p.role::text), p."organisationId" LIMIT 1),
              (SELECT p."organisationId" FROM agreement_party p WHERE p."agreementId" = a.id AND p.role = 'lender' LIMIT 1),
              (SELECT p."organisationId" FROM agreement_party p WHERE p."agreementId" = a.id AND p.role = ANY($2::text[]) ORDER BY p."organisationId" LIMIT 1),
              COALESCE(l.approved, 0), COALESCE(l.disbursed, 0), COALESCE(l.delivered, 0), COALESCE(l.outcome, 'open')
         FROM agreement a
         LEFT JOIN LATERAL (
                SELECT SUM(e.amount) FILTER (WHERE e.kind = 'approved') AS approved,
                       SUM(e.amount) FILTER (WHERE e.kind = 'disbursed') AS disbursed,
                       SUM(e.amount) FILTER (WHERE e.kind = 'delivered') AS delivered,
                       MIN(e.kind) FILTER (WHERE e.kind IN ('performed', 'terminated') AND e."reopenedAt" IS NULL) AS outcome
                  FROM agreement_ledger_entry e WHERE e."agreementId" = a.id) l ON true`,
      [
        ['borrower', 'supplier', 'producer', 'builder', 'buyer', 'distributor', 'guarantor', 'lender'],
        ['buyer', 'builder', 'distributor'],
      ],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreement_progress" DROP CONSTRAINT "FK_e9d37f98501dac9ef2599f83164"`);
    await queryRunner.query(`DROP TABLE "agreement_progress"`);
  }
}
