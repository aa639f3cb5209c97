import type { Organisation } from '@duijie/shared';
import type { OrganisationEntity } from './organisation.entity';

export function toOrganisation(o: OrganisationEntity): Organisation {
  return {
    id: o.id,
    name: o.name,
    creditCode: o.creditCode,
    kind: o.kind,
    industry: o.industry,
    region: o.region,
    size: o.size,
    contactName: o.contactName,
    contactPhone: o.contactPhone,
    status: o.status,
    rejectReason: o.rejectReason,
    createdAt: o.createdAt.toISOString(),
  };
}
