import type { EntityManager } from 'typeorm';

// Reads of organisations for other capabilities.

export type OrganisationSummary = { id: string; name: string; kind: string; region: string; industry: string };

/** Name, kind, region and industry of these organisations, by id. */
export async function organisationSummaries(manager: EntityManager, ids: string[]): Promise<Map<string, OrganisationSummary>> {
  if (!ids.length) return new Map();
  const rows: OrganisationSummary[] = await manager.query(`SELECT id, name, kind, region, industry FROM organisation WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}
