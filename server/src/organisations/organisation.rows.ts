import type { OrganisationInput, OrganisationStatus } from '@duijie/shared';
import type { AuditInput } from '../audit/audit.service';
import type { OrganisationEntity } from './organisation.entity';

// What creating an organisation writes, built once for OrganisationsService.insert and the bulk
// import's batched inserts, so the row and its audit record are the same whichever way it came in.

/** An organisation row's own fields: the database (or the import, for its batches) adds id and timestamps. */
export type OrganisationRow = Omit<OrganisationEntity, 'id' | 'createdAt' | 'updatedAt'>;

/** A new organisation from its input: exactly the input's fields (nothing else a caller's object carries). */
export function newOrganisationRow(input: OrganisationInput, status: OrganisationStatus): OrganisationRow {
  return {
    name: input.name,
    creditCode: input.creditCode,
    kind: input.kind,
    industry: input.industry,
    region: input.region,
    size: input.size,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    status,
    rejectReason: null,
  };
}

/**
 * The audit record of a new organisation: `organisation.created` when it is approved from the
 * start (an organiser or the import made it), `organisation.registered` when it asks to be approved.
 */
export function organisationCreatedAudit(
  o: Pick<OrganisationEntity, 'id' | 'name' | 'creditCode' | 'kind' | 'status'>,
  actorUserId: string | null,
  extra: Record<string, unknown> = {},
): AuditInput {
  return {
    actorUserId,
    action: o.status === 'approved' ? 'organisation.created' : 'organisation.registered',
    entityType: 'organisation',
    entityId: o.id,
    data: { name: o.name, creditCode: o.creditCode, kind: o.kind, ...extra },
  };
}
