import { FINANCING_AGREEMENT_KINDS, GOODS_AGREEMENT_KINDS, type AgreementKind, type AgreementPartyRole, type AgreementStatus } from '@duijie/shared';
import type { EntityManager } from 'typeorm';

// Reads of agreements for other capabilities (the event's summary table). Signed means signed or
// confirmed, up to `asOf` (by signing time) when given. Key terms are never read here.

const SIGNED = `a.status IN ('signed', 'confirmed') AND ($2::timestamptz IS NULL OR a."signedAt" <= $2)`;

/** Per listing: the signed agreements of the event that cite it (listingIds), how many and their amount in yuan. */
export async function signedOnListings(
  manager: EntityManager,
  eventId: string,
  asOf: Date | null,
  listingIds: string[],
): Promise<Map<string, { count: number; amount: number }>> {
  if (listingIds.length === 0) return new Map();
  const rows: { listingId: string; count: number; amount: string }[] = await manager.query(
    `SELECT lid AS "listingId", COUNT(*)::int AS count, SUM(a.amount)::text AS amount
       FROM agreement a CROSS JOIN LATERAL unnest(a."listingIds") AS lid
      WHERE a."eventId" = $1 AND ${SIGNED} AND a."listingIds" && $3::uuid[] AND lid = ANY($3::uuid[])
      GROUP BY lid`,
    [eventId, asOf, listingIds],
  );
  return new Map(rows.map((r) => [r.listingId, { count: r.count, amount: Number(r.amount) }]));
}

/** A signed agreement that cites no listing, with the organisations party to it. */
export type UncitedSigned = { id: string; sessionId: string; kind: AgreementKind; product: string | null; amount: number; organisationIds: string[] };

/** The signed agreements of the event that cite no listing and to which one of these organisations is party. */
export async function uncitedSignedOf(manager: EntityManager, eventId: string, asOf: Date | null, organisationIds: string[]): Promise<UncitedSigned[]> {
  if (organisationIds.length === 0) return [];
  const rows: (Omit<UncitedSigned, 'amount'> & { amount: string })[] = await manager.query(
    `SELECT a.id, a."sessionId", a.kind, a.product, a.amount::text AS amount, array_agg(p."organisationId") AS "organisationIds"
       FROM agreement a JOIN agreement_party p ON p."agreementId" = a.id
      WHERE a."eventId" = $1 AND ${SIGNED} AND cardinality(a."listingIds") = 0
        AND EXISTS (SELECT 1 FROM agreement_party q WHERE q."agreementId" = a.id AND q."organisationId" = ANY($3::uuid[]))
      GROUP BY a.id`,
    [eventId, asOf, organisationIds],
  );
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** A signed agreement as the summary table prints it: no key terms. */
export type SummaryAgreementRow = {
  id: string;
  sessionId: string;
  kind: AgreementKind;
  title: string;
  amount: number;
  product: string | null;
  quantity: number | null;
  unit: string | null;
  termMonths: number | null;
  status: AgreementStatus;
  signedAt: Date;
  listingCount: number;
  parties: { role: AgreementPartyRole; name: string }[];
};

/** How many agreements of the event were signed, and their amount in yuan. */
export async function signedAgreementTotals(manager: EntityManager, eventId: string, asOf: Date | null): Promise<{ count: number; amount: number }> {
  const [row]: { count: number; amount: string }[] = await manager.query(
    `SELECT COUNT(*)::int AS count, COALESCE(SUM(a.amount), 0)::text AS amount FROM agreement a WHERE a."eventId" = $1 AND ${SIGNED}`,
    [eventId, asOf],
  );
  return { count: row.count, amount: Number(row.amount) };
}

/** A page of the event's signed agreements, in signing order, with their parties' names. */
export async function signedAgreementsPage(
  manager: EntityManager,
  eventId: string,
  asOf: Date | null,
  offset: number,
  limit: number,
): Promise<SummaryAgreementRow[]> {
  const rows: (Omit<SummaryAgreementRow, 'amount' | 'quantity'> & { amount: string; quantity: string | null })[] = await manager.query(
    `SELECT a.id, a."sessionId", a.kind, a.title, a.amount::text AS amount, a.product, a.quantity::text AS quantity, a.unit, a."termMonths",
            a.status, a."signedAt", cardinality(a."listingIds")::int AS "listingCount",
            COALESCE((SELECT json_agg(json_build_object('role', p.role, 'name', o.name) ORDER BY p.role, o.name)
                        FROM agreement_party p JOIN organisation o ON o.id = p."organisationId" WHERE p."agreementId" = a.id), '[]') AS parties
       FROM agreement a
      WHERE a."eventId" = $1 AND ${SIGNED}
      ORDER BY a."signedAt", a.id
      OFFSET $3 LIMIT $4`,
    [eventId, asOf, offset, limit],
  );
  return rows.map((r) => ({ ...r, amount: Number(r.amount), quantity: r.quantity === null ? null : Number(r.quantity) }));
}

/**
 * Per lender: the amount of the event's signed financing agreements (loans, credit lines,
 * guarantees) where it is the lender, and what their ledgers record as disbursed, in yuan.
 * Organisations with none are absent.
 */
export async function lenderTotals(
  manager: EntityManager,
  eventId: string,
  organisationIds: string[],
): Promise<Map<string, { signedLoans: number; disbursed: number }>> {
  if (organisationIds.length === 0) return new Map();
  const rows: { organisationId: string; signedLoans: string; disbursed: string }[] = await manager.query(
    `SELECT p."institutionOrganisationId" AS "organisationId", SUM(a.amount)::text AS "signedLoans", SUM(p.disbursed)::text AS disbursed
       FROM agreement a JOIN agreement_progress p ON p."agreementId" = a.id
      WHERE a."eventId" = $1 AND a.status IN ('signed', 'confirmed') AND a.kind = ANY($3::text[])
        AND p."institutionOrganisationId" = ANY($2::uuid[])
      GROUP BY p."institutionOrganisationId"`,
    [eventId, organisationIds, FINANCING_AGREEMENT_KINDS],
  );
  return new Map(rows.map((r) => [r.organisationId, { signedLoans: Number(r.signedLoans), disbursed: Number(r.disbursed) }]));
}

/**
 * Per buyer (a builder): what its ledgers record as delivered on the event's signed goods
 * agreements, and the part of it from suppliers or producers in the event's province, in yuan.
 * Organisations with none are absent.
 */
export async function builderDeliveries(
  manager: EntityManager,
  eventId: string,
  organisationIds: string[],
): Promise<Map<string, { delivered: number; localDelivered: number }>> {
  if (organisationIds.length === 0) return new Map();
  const rows: { organisationId: string; delivered: string; localDelivered: string }[] = await manager.query(
    `SELECT p."buyerOrganisationId" AS "organisationId", SUM(p.delivered)::text AS delivered,
            COALESCE(SUM(p.delivered) FILTER (WHERE EXISTS (
              SELECT 1 FROM agreement_party s JOIN organisation o ON o.id = s."organisationId"
               WHERE s."agreementId" = a.id AND s.role IN ('supplier', 'producer') AND left(o.region, 2) = left(e.province, 2))), 0)::text AS "localDelivered"
       FROM agreement a JOIN agreement_progress p ON p."agreementId" = a.id JOIN match_event e ON e.id = a."eventId"
      WHERE a."eventId" = $1 AND a.status IN ('signed', 'confirmed') AND a.kind = ANY($3::text[])
        AND p."buyerOrganisationId" = ANY($2::uuid[])
      GROUP BY p."buyerOrganisationId"`,
    [eventId, organisationIds, GOODS_AGREEMENT_KINDS],
  );
  return new Map(rows.map((r) => [r.organisationId, { delivered: Number(r.delivered), localDelivered: Number(r.localDelivered) }]));
}

/** A financing agreement with a disbursement recorded, as its borrower sees it (for ratings). */
export type DisbursedLoan = { id: string; eventId: string; counterpartId: string; counterpartName: string; title: string; at: Date };

/**
 * The signed financing agreements where this organisation is the borrower and the lender (of one
 * of these kinds) recorded at least one disbursement, latest disbursement first (the one with
 * `id` only, when given).
 */
export async function disbursedLoansOf(
  manager: EntityManager,
  organisationId: string,
  lenderKinds: readonly string[],
  opts: { id?: string; limit: number },
): Promise<DisbursedLoan[]> {
  return manager.query(
    `SELECT a.id, a."eventId", o.id AS "counterpartId", o.name AS "counterpartName", a.title, d.at
       FROM agreement a
       JOIN agreement_party b ON b."agreementId" = a.id AND b.role = 'borrower' AND b."organisationId" = $1
       JOIN agreement_party l ON l."agreementId" = a.id AND l.role = 'lender'
       JOIN organisation o ON o.id = l."organisationId"
       JOIN LATERAL (SELECT MAX(e."recordedAt") AS at FROM agreement_ledger_entry e WHERE e."agreementId" = a.id AND e.kind = 'disbursed') d ON d.at IS NOT NULL
      WHERE a.kind = ANY($2::text[]) AND a.status IN ('signed', 'confirmed')
        AND o.kind = ANY($3::text[]) AND ($4::uuid IS NULL OR a.id = $4)
      ORDER BY d.at DESC, a.id LIMIT $5`,
    [organisationId, FINANCING_AGREEMENT_KINDS, lenderKinds, opts.id ?? null, opts.limit],
  );
}
