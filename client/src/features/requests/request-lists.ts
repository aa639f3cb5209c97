// What 我的对接 lists: the organisation's meeting requests and supermarket applications split by
// direction, received ones in the order they need attention, and which tabs it shows. Pure, so
// the ordering can be tested without the queries.
import { organisationKindsFor } from '@duijie/shared';
import type { FinancingApplication, MeetingRequest } from '@duijie/shared';

export const TABS = ['meetings-received', 'meetings-sent', 'applications-received', 'applications-sent'] as const;
export type Tab = (typeof TABS)[number];

export function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/**
 * Received items in the order they need attention: those awaiting an answer first, the most
 * urgent deadline first, then the rest newest first.
 */
export function byUrgency<T extends { status: string; createdAt: string }>(deadline: (item: T) => string) {
  return (a: T, b: T): number => {
    const pa = a.status === 'pending';
    const pb = b.status === 'pending';
    if (pa !== pb) return pa ? -1 : 1;
    if (pa) return deadline(a).localeCompare(deadline(b));
    return b.createdAt.localeCompare(a.createdAt);
  };
}

/** Organisations that answer applications (they offer credit or guarantees). */
const OFFERING_KINDS: readonly string[] = [...organisationKindsFor('bank_enterprise', 'lender'), ...organisationKindsFor('bank_enterprise', 'guarantor')];
/** Organisations that apply (they have financing needs). */
const BORROWING_KINDS: readonly string[] = organisationKindsFor('bank_enterprise', 'borrower');

export type RequestLists = {
  receivedMeetings: MeetingRequest[];
  sentMeetings: MeetingRequest[];
  receivedApplications: FinancingApplication[];
  sentApplications: FinancingApplication[];
  /** Received meeting requests awaiting an answer. */
  pendingMeetings: number;
  /** Received applications awaiting an answer. */
  pendingApplications: number;
  /** Received applications past their answer deadline. */
  overdueApplications: number;
  /** Sent meeting requests the other side accepted. */
  answeredSent: number;
};

/** Splits the organisation's requests and applications into received and sent. */
export function requestLists(requests: MeetingRequest[], applications: FinancingApplication[], organisationId: string): RequestLists {
  const receivedMeetings = requests.filter((r) => r.to.organisationId === organisationId).sort(byUrgency<MeetingRequest>((r) => r.respondBy));
  const sentMeetings = requests.filter((r) => r.from.organisationId === organisationId);
  const receivedApplications = applications.filter((a) => a.offer.organisationId === organisationId).sort(byUrgency<FinancingApplication>((a) => a.answerBy));
  const sentApplications = applications.filter((a) => a.need.organisationId === organisationId);
  return {
    receivedMeetings,
    sentMeetings,
    receivedApplications,
    sentApplications,
    pendingMeetings: receivedMeetings.filter((r) => r.status === 'pending').length,
    pendingApplications: receivedApplications.filter((a) => a.status === 'pending').length,
    overdueApplications: receivedApplications.filter((a) => a.overdue).length,
    answeredSent: sentMeetings.filter((r) => r.status === 'accepted').length,
  };
}

/** Application tabs only for organisations of a kind that uses them, or that have some anyway. */
export function visibleTabs(organisationKind: string, lists: RequestLists): Tab[] {
  const showReceivedApplications = OFFERING_KINDS.includes(organisationKind) || lists.receivedApplications.length > 0;
  const showSentApplications = BORROWING_KINDS.includes(organisationKind) || lists.sentApplications.length > 0;
  return TABS.filter((tab) => (tab !== 'applications-received' || showReceivedApplications) && (tab !== 'applications-sent' || showSentApplications));
}
