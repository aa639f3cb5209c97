// The notification centre's shapes (server/src/notifications): what a user is told they must act
// on or should know, in the bell, on the list page, live over the socket and by email.

/**
 * What a notification is about; the client words each through i18n (`notifications.kind.<kind>`)
 * with the notification's `params`, the email in the recipient's default locale (Chinese).
 */
export const NOTIFICATION_KINDS = [
  // the first half of the lifecycle
  'meeting.requested',
  'meeting.answered',
  'participation.applied',
  'participation.decided',
  // the supermarket's financing applications
  'application.submitted',
  'application.answered',
  'agreement.awaiting_signature',
  'agreement.signed',
  // what is owed (obligations of every kind)
  'obligation.owed',
  'obligation.reminder',
  'obligation.overdue',
  'obligation.returned',
  'obligation.accepted',
  // the ladder
  'supervision.issued',
  'supervision.acknowledged',
  'supervision.overdue',
  'criticism.published',
  'criticism.rectified',
  // coordination
  'problem.raised',
  'problem.routed',
  'problem.answered',
  'liaison.urgent',
  'summary.weekly',
  'briefing.sent',
  // needs survey
  'survey.sent',
  // the supply and demand summary table
  'event_summary.published',
  // assessment and rewards
  'reward.approved',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type Notification = {
  id: string;
  kind: NotificationKind;
  eventId: string | null;
  /** Words for the message, by name (`{{title}}`, `{{dueOn}}` …); strings and numbers only. */
  params: Record<string, string | number>;
  /** Where in the app the user acts on it (a client path such as `/my/obligations`), or null. */
  link: string | null;
  /** The event's time zone, in which its dates are shown (null: not about an event). */
  timeZone: string | null;
  readAt: string | null;
  /** When what it asked for was done (by the user or anyone else told): it no longer counts as unread. */
  settledAt: string | null;
  createdAt: string;
};

/** Pushed to one user's sockets: these of their notifications were settled (what they asked for is done). */
export type NotificationsSettled = {
  ids: string[];
  /** How many of them were unread until now: the bell's figure drops by this much. */
  unread: number;
};

export type NotificationListQuery = { unread?: boolean; page?: number; pageSize?: number };

/** The bell's figure. */
export type NotificationCount = { unread: number };
