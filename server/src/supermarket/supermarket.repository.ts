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
