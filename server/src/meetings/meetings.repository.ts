import type { EntityManager } from 'typeorm';
import { scopeConditions, type FiguresScope } from '../common/figures-scope';

// Reads of the meeting table for other capabilities.

/** A session's meetings as the board counts them: published and taking place, and held. */
export async function boardMeetingCounts(manager: EntityManager, sessionId: string): Promise<{ scheduled: number; held: number }> {
  const [row]: { scheduled: number; held: number }[] = await manager.query(
    `SELECT COUNT(*) FILTER (WHERE status IN ('scheduled', 'held', 'no_show') AND published)::int AS scheduled,
            COUNT(*) FILTER (WHERE status = 'held')::int AS held
       FROM meeting WHERE "sessionId" = $1`,
    [sessionId],
  );
  return row;
}

/** Meeting requests made and meetings held in an event within the scope (the requester's region, when asked and when accepted). */
export async function meetingFunnelCounts(manager: EntityManager, scope: FiguresScope): Promise<{ requests: number; held: number }> {
  const requestParams: unknown[] = [];
  const requestsWhere = scopeConditions(scope, { event: 'r."eventId"', session: 'r."sessionId"', at: 'r."createdAt"', region: 'o.region' }, requestParams);
  const [requests]: { n: number }[] = await manager.query(
    `SELECT COUNT(*)::int AS n FROM meeting_request r JOIN organisation o ON o.id = r."fromOrganisationId" WHERE ${requestsWhere}`,
    requestParams,
  );
  const heldParams: unknown[] = [];
  const heldWhere = scopeConditions(scope, { event: 'm."eventId"', session: 'm."sessionId"', at: 'm."acceptedAt"', region: 'o.region' }, heldParams);
  const [held]: { n: number }[] = await manager.query(
    `SELECT COUNT(*)::int AS n FROM meeting m JOIN organisation o ON o.id = m."organisationAId" WHERE m.status = 'held' AND ${heldWhere}`,
    heldParams,
  );
  return { requests: requests.n, held: held.n };
}

/**
 * Per listing of an event (the summary table): meeting requests made on it (to it, or citing it as
 * the asker's listing) up to `asOf` when given, and how many of their meetings were held.
 */
export async function meetingCountsByListing(
  manager: EntityManager,
  eventId: string,
  listingIds: string[],
  asOf: Date | null,
): Promise<Map<string, { requests: number; held: number }>> {
  if (listingIds.length === 0) return new Map();
  const rows: { listingId: string; requests: number; held: number }[] = await manager.query(
    `SELECT x."listingId", COUNT(*)::int AS requests, COUNT(m.id) FILTER (WHERE m.status = 'held')::int AS held
       FROM (SELECT r.id, r."toListingId" AS "listingId" FROM meeting_request r
              WHERE r."eventId" = $1 AND r."toListingId" = ANY($2::uuid[]) AND ($3::timestamptz IS NULL OR r."createdAt" <= $3)
             UNION ALL
             SELECT r.id, r."fromListingId" FROM meeting_request r
              WHERE r."eventId" = $1 AND r."fromListingId" = ANY($2::uuid[]) AND r."fromListingId" <> r."toListingId"
                AND ($3::timestamptz IS NULL OR r."createdAt" <= $3)) x
       LEFT JOIN meeting m ON m."requestId" = x.id
      GROUP BY x."listingId"`,
    [eventId, listingIds, asOf],
  );
  return new Map(rows.map(({ listingId, ...counts }) => [listingId, counts]));
}

/** A held meeting of an organisation, with the other party (for ratings). */
export type HeldMeeting = { id: string; eventId: string; counterpartId: string; counterpartName: string; title: string; at: Date };

/**
 * The held meetings between this organisation and an organisation of one of these kinds, most
 * recently marked first (the one with `id` only, when given).
 */
export async function heldMeetingsOf(
  manager: EntityManager,
  organisationId: string,
  counterpartKinds: readonly string[],
  opts: { id?: string; limit: number },
): Promise<HeldMeeting[]> {
  return manager.query(
    `SELECT m.id, m."eventId", o.id AS "counterpartId", o.name AS "counterpartName", m.topic AS title, m."updatedAt" AS at
       FROM meeting m
       JOIN organisation o ON o.id = CASE WHEN m."organisationAId" = $1 THEN m."organisationBId" ELSE m."organisationAId" END
      WHERE m.status = 'held' AND ($1 IN (m."organisationAId", m."organisationBId"))
        AND o.kind = ANY($2::text[]) AND ($3::uuid IS NULL OR m.id = $3)
      ORDER BY m."updatedAt" DESC, m.id LIMIT $4`,
    [organisationId, counterpartKinds, opts.id ?? null, opts.limit],
  );
}

/** A meeting request an organisation sent that the asked organisation declined (for ratings). */
export type DeclinedMeetingRequest = { id: string; eventId: string; counterpartId: string; counterpartName: string; title: string; at: Date };

/**
 * The meeting requests this organisation sent that an organisation of one of these kinds
 * declined, latest answer first (the one with `id` only, when given). Accepted requests become
 * meetings, dealt with once held.
 */
export async function declinedMeetingRequestsOf(
  manager: EntityManager,
  organisationId: string,
  counterpartKinds: readonly string[],
  opts: { id?: string; limit: number },
): Promise<DeclinedMeetingRequest[]> {
  return manager.query(
    `SELECT r.id, r."eventId", o.id AS "counterpartId", o.name AS "counterpartName", r.topic AS title, r."answeredAt" AS at
       FROM meeting_request r JOIN organisation o ON o.id = r."toOrganisationId"
      WHERE r."fromOrganisationId" = $1 AND r.status = 'declined' AND r."answeredAt" IS NOT NULL
        AND o.kind = ANY($2::text[]) AND ($3::uuid IS NULL OR r.id = $3)
      ORDER BY r."answeredAt" DESC, r.id LIMIT $4`,
    [organisationId, counterpartKinds, opts.id ?? null, opts.limit],
  );
}
