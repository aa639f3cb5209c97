import type { Agreement, BoardEvent, ListingConfidentialUpdate, Meeting, Notification, ObligationKind, ObligationState } from '@duijie/shared';

/** A listing's confidential parts, for its owner's organisation room (and the organisers). */
export type ConfidentialPush = { organisationId: string; update: ListingConfidentialUpdate };

/**
 * What a committed change tells the rest of the server. Recorded through the unit of work
 * inside the change's transaction, dispatched to subscribers only once it has committed (a
 * rolled-back change tells nobody anything).
 */
export type DomainEvents = {
  /** Board events numbered and written with the change, to push to the session's room and keep for replay. */
  'board.appended': { event: BoardEvent };
  /** A listing's confidential parts changed: for its owner's room and the organisers only. */
  'listing.confidential': { push: ConfidentialPush };
  /** An agreement was drafted, edited, signed or confirmed. */
  'agreement.changed': { agreement: Agreement };
  /** An agreement's ledger (approved, disbursed, delivered, performed, reopened) changed. */
  'agreement.ledger_changed': { eventId: string; agreementId: string };
  /** Meetings were created, moved, booked, released or attended; their parties and organisers reload them. */
  'meetings.changed': { sessionId: string; meetings: MeetingParties[]; organisers?: boolean };
  /** Rights were taken or changed (deactivated, role changed, organisation suspended, logged out): open sockets must close. */
  'access.revoked': { userId?: string; organisationId?: string; authSessionId?: string };
  /** A big-screen link was revoked: screens watching through it are cut off. */
  'screen_link.revoked': { linkId: string };
  /** The signing ceremony's running order changed: its figures are pushed again. */
  'ceremony.order_changed': { eventId: string };
  /** Something owed was created, filed, reviewed, waived or moved: for reminders and the owing organisation's 待办. */
  'obligation.changed': { obligation: ObligationChange };
  /** A user was told something (notifications): pushed live to the user's room. */
  'notification.created': { userId: string; notification: Notification };
  /** Notices of one user were settled (what they asked for is done): pushed live to the user's room. */
  'notification.settled': { userId: string; ids: string[]; unread: number };
  /** An enterprise rated an institution (ratings): its average in the event changed (scoreboards refresh). */
  'rating.given': { eventId: string; institutionId: string };
};

export type ObligationChange = {
  id: string;
  kind: ObligationKind;
  eventId: string;
  organisationId: string;
  state: ObligationState;
  dueAt: string;
};

export type MeetingParties = Pick<Meeting, 'id'> & { organisationAId: string; organisationBId: string };

export type DomainEventType = keyof DomainEvents;
export type DomainEvent<K extends DomainEventType = DomainEventType> = K extends DomainEventType ? { type: K } & DomainEvents[K] : never;
