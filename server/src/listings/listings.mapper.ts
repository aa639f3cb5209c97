import type { ListingView, OrganisationKind, OrganisationSize } from '@duijie/shared';
import type { ListingEntity } from './listing.entity';

export type ListingOrganisation = { orgName: string; orgKind: OrganisationKind; orgRegion: string; orgSize: OrganisationSize; orgIndustry: string };

/** The public projection, plus the confidential part only when the caller may see it. */
export function toListingView(l: ListingEntity, o: ListingOrganisation, withConfidential: boolean): ListingView {
  const view: ListingView = {
    id: l.id,
    sessionId: l.sessionId,
    eventId: l.eventId,
    organisationId: l.organisationId,
    organisationName: o.orgName,
    organisationKind: o.orgKind,
    organisationRegion: o.orgRegion,
    organisationSize: o.orgSize,
    organisationIndustry: o.orgIndustry,
    type: l.type,
    title: l.title,
    description: l.description,
    status: l.status,
    version: l.version,
    goods: l.goods,
    financing: l.financing,
    credit: l.credit,
    guarantee: l.guarantee,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
  if (withConfidential) view.confidential = l.confidential;
  return view;
}
