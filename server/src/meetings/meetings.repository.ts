import type { EntityManager } from 'typeorm';

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
