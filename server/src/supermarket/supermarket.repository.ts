import type { EntityManager } from 'typeorm';
import { scopeConditions, type FiguresScope } from '../common/figures-scope';

// Reads of financing applications for other capabilities.

/** Applications made to financial products in an event within the scope (the applicant's region, when applied). */
export async function applicationCount(manager: EntityManager, scope: FiguresScope): Promise<number> {
  const params: unknown[] = [];
  const where = scopeConditions(scope, { event: 'a."eventId"', at: 'a."createdAt"', region: 'o.region' }, params);
  const [row]: { n: number }[] = await manager.query(
    `SELECT COUNT(*)::int AS n FROM financing_application a JOIN organisation o ON o.id = a."applicantOrganisationId" WHERE ${where}`,
    params,
  );
  return row.n;
}

export type ApplicationAnswers = { received: number; answered: number; medianAnswerHours: number | null };

/** Per institution offering products in an event: applications received, answered, and the median time to answer. */
export async function applicationAnswersByInstitution(manager: EntityManager, eventId: string): Promise<Map<string, ApplicationAnswers>> {
  const rows: ({ organisationId: string } & ApplicationAnswers)[] = await manager.query(
    `SELECT "offerOrganisationId" AS "organisationId", COUNT(*)::int AS received,
            (COUNT(*) FILTER (WHERE "answeredAt" IS NOT NULL AND status IN ('accepted', 'declined')))::int AS answered,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM "answeredAt" - "createdAt") / 3600)
               FILTER (WHERE "answeredAt" IS NOT NULL AND status IN ('accepted', 'declined')))::float8 AS "medianAnswerHours"
       FROM financing_application WHERE "eventId" = $1 GROUP BY "offerOrganisationId"`,
    [eventId],
  );
  return new Map(rows.map(({ organisationId, ...answers }) => [organisationId, answers]));
}

/** Per listing of an event (the summary table): financing applications made with it or to it up to `asOf` when given, and how many were accepted. */
export async function applicationCountsByListing(
  manager: EntityManager,
  eventId: string,
  listingIds: string[],
  asOf: Date | null,
): Promise<Map<string, { applications: number; accepted: number }>> {
  if (listingIds.length === 0) return new Map();
  const rows: { listingId: string; applications: number; accepted: number }[] = await manager.query(
    `SELECT x."listingId", COUNT(*)::int AS applications, COUNT(*) FILTER (WHERE x.status = 'accepted')::int AS accepted
       FROM (SELECT a."needListingId" AS "listingId", a.status FROM financing_application a
              WHERE a."eventId" = $1 AND a."needListingId" = ANY($2::uuid[]) AND ($3::timestamptz IS NULL OR a."createdAt" <= $3)
             UNION ALL
             SELECT a."offerListingId", a.status FROM financing_application a
              WHERE a."eventId" = $1 AND a."offerListingId" = ANY($2::uuid[]) AND ($3::timestamptz IS NULL OR a."createdAt" <= $3)) x
      GROUP BY x."listingId"`,
    [eventId, listingIds, asOf],
  );
  return new Map(rows.map(({ listingId, ...counts }) => [listingId, counts]));
}

/** An application an organisation sent that the product's organisation answered (for ratings). */
export type AnsweredApplication = { id: string; eventId: string; counterpartId: string; counterpartName: string; title: string; at: Date };

/**
 * The applications this organisation sent that were answered (accepted or declined) by an
 * organisation of one of these kinds, newest answer first (the one with `id` only, when given).
 */
export async function answeredApplicationsOf(
  manager: EntityManager,
  organisationId: string,
  counterpartKinds: readonly string[],
  opts: { id?: string; limit: number },
): Promise<AnsweredApplication[]> {
  return manager.query(
    `SELECT a.id, a."eventId", a."offerOrganisationId" AS "counterpartId", o.name AS "counterpartName", l.title, a."answeredAt" AS at
       FROM financing_application a JOIN organisation o ON o.id = a."offerOrganisationId" JOIN listing l ON l.id = a."offerListingId"
      WHERE a."applicantOrganisationId" = $1 AND a.status IN ('accepted', 'declined') AND a."answeredAt" IS NOT NULL
        AND o.kind = ANY($2::text[]) AND ($3::uuid IS NULL OR a.id = $3)
      ORDER BY a."answeredAt" DESC, a.id LIMIT $4`,
    [organisationId, counterpartKinds, opts.id ?? null, opts.limit],
  );
}
