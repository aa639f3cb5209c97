import type { EntityManager } from 'typeorm';
import { scopeConditions, type FiguresScope } from '../common/figures-scope';

// Reads of the matching tables for other capabilities.

/** Recommendations bookmarked in an event within the scope (the bookmarking organisation's region, when bookmarked). */
export async function bookmarkedRecommendationCount(manager: EntityManager, scope: FiguresScope): Promise<number> {
  const params: unknown[] = [];
  const where = scopeConditions(scope, { event: 'l."eventId"', session: 'l."sessionId"', at: 'm.at', region: 'o.region' }, params);
  const [row]: { n: number }[] = await manager.query(
    `SELECT COUNT(*)::int AS n
       FROM match_mark m JOIN listing l ON l.id = m."listingId" JOIN organisation o ON o.id = m."organisationId"
      WHERE m.kind = 'bookmarked' AND ${where}`,
    params,
  );
  return row.n;
}
