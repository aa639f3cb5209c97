import type { ListingInput } from '@duijie/shared';
import type { AuditInput } from '../audit/audit.service';
import type { ListingEntity } from './listing.entity';
import { PART_OF_TYPE } from './listing-rules';

// What creating a listing writes, built once for ListingsService.create and the bulk import's
// batched inserts, so a listing and its audit record are the same whichever way it came in.

/** A listing row's own fields: the database (or the import, for its batches) adds id and timestamps. */
export type ListingRow = Omit<ListingEntity, 'id' | 'session' | 'organisation' | 'createdAt' | 'updatedAt'>;

/** A new open listing at version 1, carrying only its type's part (copied) and its confidential part, if any. */
export function newListingRow(
  input: ListingInput,
  { sessionId, eventId, organisationId, userId }: { sessionId: string; eventId: string; organisationId: string; userId: string },
): ListingRow {
  const part = PART_OF_TYPE[input.type];
  return {
    sessionId,
    eventId,
    organisationId,
    type: input.type,
    title: input.title,
    description: input.description ?? '',
    status: 'open',
    version: 1,
    goods: null,
    financing: null,
    credit: null,
    guarantee: null,
    [part]: { ...input[part] },
    confidential: input.confidential ? { ...input.confidential } : null,
    createdByUserId: userId,
    updatedByUserId: userId,
  };
}

/** The `listing.created` audit record; the import adds its job id through `extra`. */
export function listingCreatedAudit(listing: ListingEntity, extra: Record<string, unknown> = {}): AuditInput {
  const part = PART_OF_TYPE[listing.type];
  return {
    actorUserId: listing.createdByUserId,
    action: 'listing.created',
    entityType: 'listing',
    entityId: listing.id,
    data: { version: listing.version, sessionId: listing.sessionId, type: listing.type, title: listing.title, [part]: listing[part], ...extra },
  };
}
