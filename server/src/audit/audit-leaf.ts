import { leafHash } from '@duijie/shared';
import { canonicalJson, type ChainedFields } from './audit-chain';

/** The fields of an audit record that its leaf in the log's Merkle tree commits to. */
export type LeafFields = ChainedFields;

/**
 * What a record's leaf commits to: its fields as canonical JSON (sorted keys, so the text
 * recomputed from the stored jsonb is the text hashed at write time). Not the id: ids are handed
 * out before commit, so they are not the log's order; the position the sequencer gives is.
 */
export function leafData(record: LeafFields): string {
  return canonicalJson({
    at: record.at.toISOString(),
    actorUserId: record.actorUserId,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    data: record.data,
  });
}

/** RFC 9162's leaf hash, SHA-256(0x00 ‖ leafData), as 64 hex characters. */
export function recordLeafHash(record: LeafFields): string {
  return leafHash(leafData(record));
}
