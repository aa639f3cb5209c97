// Which sessions my organisation may post listings in, and of which types; pure, so the rules
// can be tested without the queries that feed them.
import { LISTING_OPEN_STATUSES, LISTING_TYPES, LISTING_TYPES_BY_ROLE } from '@duijie/shared';
import type { ListingType, ListingView, MatchSession, Participation } from '@duijie/shared';
import type { SessionChoice } from './components/listing-form-modal';

/** Each session with an approved participation, with the listing types its roles there allow (in the usual order). */
export function sessionChoices(approved: Participation[], sessions: Map<string, MatchSession>): SessionChoice[] {
  const choices: SessionChoice[] = [];
  for (const sessionId of new Set(approved.map((p) => p.sessionId))) {
    const session = sessions.get(sessionId);
    if (!session) continue;
    const allowed = new Set<ListingType>(approved.filter((p) => p.sessionId === sessionId).flatMap((p) => LISTING_TYPES_BY_ROLE[p.role]));
    choices.push({ session, types: LISTING_TYPES.filter((type) => allowed.has(type)) });
  }
  return choices;
}

/** An open listing may be edited or withdrawn while its session takes listings (or while the session is not known yet). */
export function isListingEditable(listing: ListingView, session: MatchSession | undefined): boolean {
  return listing.status === 'open' && (!session || LISTING_OPEN_STATUSES.includes(session.status));
}
