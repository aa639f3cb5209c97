// The hash chain the audit log was before issue 19 (decision 0005): kept for the migrations that
// built it and that carry it into the Merkle log, which check it with these functions.
import { createHash } from 'node:crypto';

/** The hash before the first record. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = {
  at: Date;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown> | null;
};

/**
 * JSON with object keys sorted at every level, after a JSON round trip (so Dates become
 * ISO strings and undefined disappears). jsonb reorders keys, so this is what makes the
 * hash computed at write time equal the one recomputed from the stored row.
 */
export function canonicalJson(value: unknown): string {
  const normalise = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(normalise);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, normalise((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(normalise(value === undefined ? null : JSON.parse(JSON.stringify(value))));
}

/** Each record's hash covers its own fields and the previous record's hash. */
export function chainHash(prevHash: string, record: ChainedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        at: record.at.toISOString(),
        actorUserId: record.actorUserId,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        data: record.data,
      }),
    )
    .digest('hex');
}
