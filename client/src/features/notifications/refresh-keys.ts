import type { QueryKey } from '@tanstack/react-query';
import type { Notification, NotificationKind } from '@duijie/shared';
import { keys } from '../../api/keys';

type Refresh = (eventId: string | null) => readonly QueryKey[];

/** The event's own prefix, when the notification is about an event. */
const ofEvent = (eventId: string | null, key: (id: string) => QueryKey): QueryKey[] => (eventId ? [key(eventId)] : []);

/** What is owed changed: the 待办 and the lists that show an obligation's state (surveys, operating reports, problems). */
const owed: Refresh = (eventId) => [
  keys.myObligations,
  keys.mySurveys,
  keys.myLiaisonReports,
  keys.myProblems,
  keys.mySupervisionNotices,
  keys.myAgreements,
  ...ofEvent(eventId, keys.trackingAll),
];

/**
 * For each kind of notification, the queries whose answers it changes: a live `notification:new`
 * invalidates them, so the 待办 and the other lists refresh without a reload. A map over every kind
 * (the compiler asks for a new kind's entry); invalidating refetches only the queries on screen.
 */
export const REFRESH_ON: Record<NotificationKind, Refresh> = {
  'meeting.requested': () => [keys.myMeetingRequests],
  'meeting.answered': () => [keys.myMeetingRequests, keys.myAgendaAll, keys.sessionsAll],
  'participation.applied': () => [keys.sessionsAll],
  'participation.decided': (eventId) => [keys.myParticipations, keys.sessionsAll, ...ofEvent(eventId, keys.event)],
  'application.submitted': (eventId) => [keys.myApplications, ...ofEvent(eventId, keys.overdueApplications)],
  'application.answered': (eventId) => [keys.myApplications, ...ofEvent(eventId, keys.overdueApplications)],
  'agreement.awaiting_signature': () => [keys.myAgreements],
  // Signing owes the agreement's reports.
  'agreement.signed': (eventId) => [keys.myAgreements, ...owed(eventId)],
  'obligation.owed': owed,
  'obligation.reminder': owed,
  'obligation.overdue': owed,
  'obligation.returned': owed,
  'obligation.accepted': owed,
  'supervision.issued': owed,
  'supervision.overdue': (eventId) => [...owed(eventId), ...ofEvent(eventId, keys.supervisionAll)],
  'supervision.acknowledged': (eventId) => [...ofEvent(eventId, keys.supervisionAll), ...ofEvent(eventId, keys.trackingAll)],
  'criticism.published': (eventId) => [keys.mySupervisionNotices, ...ofEvent(eventId, keys.supervisionAll)],
  'criticism.rectified': (eventId) => [...ofEvent(eventId, keys.supervisionAll), ...ofEvent(eventId, keys.trackingAll)],
  'problem.raised': (eventId) => ofEvent(eventId, keys.coordinationAll),
  // Routed to a department: it owes the answer.
  'problem.routed': (eventId) => [keys.myProblems, keys.myObligations, ...ofEvent(eventId, keys.coordinationAll)],
  'problem.answered': (eventId) => [keys.myProblems, ...ofEvent(eventId, keys.coordinationAll)],
  'liaison.urgent': (eventId) => ofEvent(eventId, keys.coordinationAll),
  'summary.weekly': (eventId) => ofEvent(eventId, keys.coordinationAll),
  'briefing.sent': (eventId) => ofEvent(eventId, keys.briefings),
  'survey.sent': (eventId) => [keys.mySurveys, keys.myObligations, ...ofEvent(eventId, keys.surveys)],
  'event_summary.published': (eventId) => ofEvent(eventId, keys.eventSummary),
  'reward.approved': () => [keys.myRewardAwards],
};

/** The query keys a notification concerns (none for a kind this client does not know yet). */
export function refreshKeysFor(notification: Pick<Notification, 'kind' | 'eventId'>): readonly QueryKey[] {
  return REFRESH_ON[notification.kind]?.(notification.eventId) ?? [];
}
