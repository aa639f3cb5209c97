import type { ListingPublic, ListingView, OrganisationKind, OrganisationSize } from '@duijie/shared';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import type { ListingEntity } from './listing.entity';

export type ListingOrganisation = { orgName: string; orgKind: OrganisationKind; orgRegion: string; orgSize: OrganisationSize; orgIndustry: string };

/** The organisation columns of a listing view, from an organisation row or anything shaped like one (the import's). */
export function listingOrganisation(o: Pick<OrganisationEntity, 'name' | 'kind' | 'region' | 'size' | 'industry'>): ListingOrganisation {
  return { orgName: o.name, orgKind: o.kind, orgRegion: o.region, orgSize: o.size, orgIndustry: o.industry };
}

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

/** What everyone may see of a listing (no confidential part): the board's events carry this, whoever wrote the listing. */
export function toPublicListingView(l: ListingEntity, o: ListingOrganisation): ListingPublic {
  const { confidential: _confidential, ...view } = toListingView(l, o, false);
  return view;
}

/** What everyone may see of a listing loaded with its organisation (no confidential part). */
export function toPublicListing(l: ListingEntity): ListingPublic {
  const o = l.organisation;
  if (!o) throw new Error(`listing ${l.id} was loaded without its organisation`);
  return toPublicListingView(l, listingOrganisation(o));
}
