import type { EntityManager } from 'typeorm';

// Reads of the participation table for other capabilities.

/** How many organisations take part in a session (approved registrations). */
export async function approvedOrganisationCount(manager: EntityManager, sessionId: string): Promise<number> {
  const [row]: { n: number }[] = await manager.query(
    `SELECT COUNT(DISTINCT "organisationId")::int AS n FROM participation WHERE "sessionId" = $1 AND status = 'approved'`,
    [sessionId],
  );
  return row.n;
}
