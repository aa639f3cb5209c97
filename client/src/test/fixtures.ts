// Complete, typed sample data for unit specs: each builder gives a valid object and takes the
// fields a test is about, so specs say only what matters to them.
import type { BoardEvent, BoardSnapshot, BoardTotals, ListingPublic, ListingView, MatchSession } from '@duijie/shared';

export const AT = '2026-12-10T09:00:00.000Z';

export function session(fields: Partial<MatchSession> = {}): MatchSession {
  return {
    id: 's1',
    eventId: 'e1',
    kind: 'bank_enterprise',
    title: '银企对接专场',
    leadDepartment: '市金融办',
    venue: '会展中心 A 厅',
    startsAt: '2026-12-10T01:00:00.000Z',
    endsAt: '2026-12-10T09:00:00.000Z',
    slotMinutes: 20,
    tableCount: 10,
    ceremonyAt: null,
    registrationMode: 'open',
    meetingMode: 'scheduled',
    breakStartsAt: null,
    breakEndsAt: null,
    status: 'live',
    version: 1,
    ...fields,
  };
}

export function totals(fields: Partial<BoardTotals> = {}): BoardTotals {
  return {
    sessionId: 's1',
    participantsApproved: 0,
    listingsOpen: 0,
    byType: { supply: 0, demand: 0, financing_need: 0, credit_offer: 0, guarantee_offer: 0 },
    goods: [],
    financingNeeded: 0,
    creditOffered: 0,
    guaranteeCapacity: 0,
    meetingsScheduled: 0,
    meetingsHeld: 0,
    ...fields,
  };
}

export function listing(fields: Partial<ListingView> = {}): ListingView {
  return {
    id: 'l1',
    sessionId: 's1',
    eventId: 'e1',
    organisationId: 'o1',
    organisationName: '宏达机械有限公司',
    organisationKind: 'enterprise',
    organisationRegion: '320500',
    organisationSize: 'medium',
    organisationIndustry: 'C',
    type: 'financing_need',
    title: '技改贷款需求',
    description: '',
    status: 'open',
    version: 1,
    goods: null,
    financing: { amount: 5_000_000, termMonths: 12, purpose: 'technical_upgrade', guaranteeNeeded: false },
    credit: null,
    guarantee: null,
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}

export function snapshot(seq: number, listings: ListingPublic[], fields: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return { sessionId: 's1', seq, session: session(), listings, totals: totals({ listingsOpen: listings.length }), ...fields };
}

export const created = (seq: number, l: ListingPublic): BoardEvent => ({ sessionId: 's1', seq, at: AT, type: 'listing.created', listing: l });
export const updated = (seq: number, l: ListingPublic): BoardEvent => ({ sessionId: 's1', seq, at: AT, type: 'listing.updated', listing: l });
export const withdrawn = (seq: number, listingId: string, version = 2): BoardEvent => ({
  sessionId: 's1',
  seq,
  at: AT,
  type: 'listing.withdrawn',
  listingId,
  version,
});
