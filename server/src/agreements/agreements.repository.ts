import type { AgreementKind, AgreementPartyRole, AgreementStatus } from '@duijie/shared';
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
