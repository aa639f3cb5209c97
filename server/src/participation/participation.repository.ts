import type { EntityManager } from 'typeorm';
import { scopeConditions, type FiguresScope } from '../common/figures-scope';

// Reads of the participation table for other capabilities.

/** How many organisations take part in a session (approved registrations). */
export async function approvedOrganisationCount(manager: EntityManager, sessionId: string): Promise<number> {
  const [row]: { n: number }[] = await manager.query(
    `SELECT COUNT(DISTINCT "organisationId")::int AS n FROM participation WHERE "sessionId" = $1 AND status = 'approved'`,
    [sessionId],
  );
  return row.n;
}

/** How many organisations were approved to take part in an event's sessions within the scope (by when they were approved). */
export async function approvedParticipantCount(manager: EntityManager, scope: FiguresScope): Promise<number> {
  const params: unknown[] = [];
  const where = scopeConditions(scope, { event: 's."eventId"', session: 'p."sessionId"', at: 'p."decidedAt"', region: 'o.region' }, params);
  const [row]: { n: number }[] = await manager.query(
    `SELECT COUNT(DISTINCT p."organisationId")::int AS n
       FROM participation p JOIN match_session s ON s.id = p."sessionId" JOIN organisation o ON o.id = p."organisationId"
      WHERE p.status = 'approved' AND ${where}`,
    params,
  );
  return row.n;
}

/** The organisations approved to take part in any session of an event. */
export async function approvedOrganisationIdsOfEvent(manager: EntityManager, eventId: string): Promise<string[]> {
  const rows: { organisationId: string }[] = await manager.query(
    `SELECT DISTINCT p."organisationId" FROM participation p JOIN match_session s ON s.id = p."sessionId" WHERE s."eventId" = $1 AND p.status = 'approved'`,
    [eventId],
  );
  return rows.map((r) => r.organisationId);
}

/** Whether an organisation is approved to take part in any session of an event. */
export async function isApprovedParticipantOfEvent(manager: EntityManager, eventId: string, organisationId: string): Promise<boolean> {
  const [row]: { ok: boolean }[] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM participation p JOIN match_session s ON s.id = p."sessionId"
                     WHERE s."eventId" = $1 AND p."organisationId" = $2 AND p.status = 'approved') AS ok`,
    [eventId, organisationId],
  );
  return row.ok;
}
