import type { EntityManager } from 'typeorm';

// Reads of ratings for other capabilities (rewards, scoreboard, statistics).

/**
 * Per institution, how many ratings it received in the event and their overall average (the mean
 * of speed, attitude and terms over its ratings, to two decimals). Institutions without ratings
 * are absent from the map.
 */
export async function ratingAverages(
  manager: EntityManager,
  eventId: string,
  organisationIds: string[],
): Promise<Map<string, { count: number; overall: number }>> {
  if (organisationIds.length === 0) return new Map();
  const rows: { institutionId: string; n: number; overall: string }[] = await manager.query(
    `SELECT "institutionId", COUNT(*)::int AS n, ROUND(AVG(("speed" + "attitude" + "terms")::numeric / 3), 2) AS overall
       FROM institution_rating
      WHERE "eventId" = $1 AND "institutionId" = ANY($2::uuid[])
      GROUP BY "institutionId"`,
    [eventId, organisationIds],
  );
  return new Map(rows.map((r) => [r.institutionId, { count: r.n, overall: Number(r.overall) }]));
}

/** Per institution, its count and averages (two decimals) over the ratings that match. */
export type RatingAverages = { count: number; speed: number; attitude: number; terms: number; overall: number };

/**
 * Per institution, the count and averages of its ratings, in one event or in all (`eventId`
 * null), for these institutions or for every institution rated (`institutionIds` null).
 */
export async function ratingSummaryRows(manager: EntityManager, eventId: string | null, institutionIds: string[] | null): Promise<Map<string, RatingAverages>> {
  const rows: { institutionId: string; count: number; speed: string; attitude: string; terms: string; overall: string }[] = await manager.query(
    `SELECT "institutionId", COUNT(*)::int AS count,
            ROUND(AVG("speed")::numeric, 2) AS speed, ROUND(AVG("attitude")::numeric, 2) AS attitude, ROUND(AVG("terms")::numeric, 2) AS terms,
            ROUND(AVG(("speed" + "attitude" + "terms")::numeric / 3), 2) AS overall
       FROM institution_rating
      WHERE ($1::uuid IS NULL OR "eventId" = $1) AND ($2::uuid[] IS NULL OR "institutionId" = ANY($2::uuid[]))
      GROUP BY "institutionId"`,
    [eventId, institutionIds],
  );
  return new Map(
    rows.map((r) => [
      r.institutionId,
      { count: r.count, speed: Number(r.speed), attitude: Number(r.attitude), terms: Number(r.terms), overall: Number(r.overall) },
    ]),
  );
}
