import type { EntityManager } from 'typeorm';

// Reads of obligations for other capabilities.

/** Per organisation, what it owes in an event that is past due at `now` (open or returned). */
export async function overdueCountsByOrganisation(manager: EntityManager, eventId: string, now: Date): Promise<Map<string, number>> {
  const rows: { organisationId: string; n: number }[] = await manager.query(
    `SELECT "organisationId", COUNT(*)::int AS n FROM obligation
      WHERE "eventId" = $1 AND state IN ('open', 'returned') AND "dueAt" <= $2 GROUP BY "organisationId"`,
    [eventId, now],
  );
  return new Map(rows.map((r) => [r.organisationId, r.n]));
}
