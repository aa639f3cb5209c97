// The socket.io contract for live boards, declared once and used as the type parameters
// of the server's gateway and the client's socket, so an event name or payload cannot drift.
import type { MeetingChanged, ScheduleRun } from './meetings';
import type { BoardTotals, ListingConfidential, ListingPublic, MatchSession, Participation } from './api';
import type { AgreementStatus, SessionKind } from './domain';
import type { Notification, NotificationsSettled } from './notifications';

/** Fields every board event carries. `seq` is the session's board sequence number. */
type BoardEventBase = { sessionId: string; seq: number; at: string };

/**
 * A change that affects a session's board, written in the same transaction as the change
 * and pushed only after it commits. Listings carry their public projection only.
 */
export type BoardEvent = BoardEventBase &
  (
    | { type: 'listing.created'; listing: ListingPublic }
    | { type: 'listing.updated'; listing: ListingPublic }
    | { type: 'listing.withdrawn'; listingId: string; version: number }
    | { type: 'participant.changed'; participation: Participation }
    | { type: 'session.changed'; session: MatchSession }
  );

export type BoardEventType = BoardEvent['type'];

/** The whole board as of `seq`: what a new or far-behind client starts from. */
export type BoardSnapshot = {
  sessionId: string;
  seq: number;
  session: MatchSession;
  /** Every open listing, newest change first. */
  listings: ListingPublic[];
  totals: BoardTotals;
};

/** Aggregates as of `seq`; coalesced to at most four a second per room. */
export type BoardTotalsUpdate = { sessionId: string; seq: number; totals: BoardTotals };

/** Sent only to the owning organisation's room and to organisers. */
export type ListingConfidentialUpdate = {
  sessionId: string;
  listingId: string;
  version: number;
  confidential: ListingConfidential | null;
};

/** An agreement changed: sent to each party's organisation room and to organisers. */
export type AgreementChanged = {
  agreementId: string;
  sessionId: string;
  status: AgreementStatus;
  version: number;
  contentHash: string;
  /** Parties whose signature is still missing. */
  pendingOrganisationIds: string[];
};

/** The signing ceremony's live figures for an event: what the big screen shows. */
export type CeremonyTotals = {
  eventId: string;
  /** The event's IANA time zone (MatchEvent.timeZone): the screen shows every time on its clocks. */
  timeZone: string;
  targetAmount: number;
  /** Agreements every party has signed (confirmed ones included), and their amount in yuan. */
  signedCount: number;
  signedAmount: number;
  bySessionKind: { kind: SessionKind; count: number; amount: number }[];
  /** Goods agreements by the industry chain of their product; others under 'other'. */
  byChain: { chain: string; count: number; amount: number }[];
  /** Newest first, at most ten. */
  latest: { agreementId: string; title: string; amount: number; parties: string[]; signedAt: string }[];
  /** Cumulative signed amount after each signing, oldest first. */
  timeline: { at: string; cumulativeAmount: number }[];
  /** The batch of the running order on stage now, with how far its signing has got. */
  onStage: {
    batchId: string;
    title: string;
    position: number;
    batchCount: number;
    agreements: { agreementId: string; title: string; amount: number; parties: string[]; signed: boolean }[];
  } | null;
};

export type BoardJoinRequest = {
  sessionId: string;
  /** The last sequence number the client applied; null for a fresh start. */
  lastSeq: number | null;
};

export type BoardJoinResult =
  | { ok: true; mode: 'replay'; seq: number; events: BoardEvent[]; totals: BoardTotals }
  | { ok: true; mode: 'snapshot'; seq: number; snapshot: BoardSnapshot }
  | { ok: false; code: 'not_found' | 'forbidden' | 'invalid'; message: string };

/** A strong new match for one of the organisation's listings (score at least STRONG_MATCH_SCORE). */
export type MatchNotice = { listingId: string; listingTitle: string; counterpart: ListingPublic; score: number };

/** The score from which a new match is worth telling the organisation about at once. */
export const STRONG_MATCH_SCORE = 80;

export interface ServerToClientEvents {
  'board:event': (event: BoardEvent) => void;
  'board:totals': (update: BoardTotalsUpdate) => void;
  'listing:confidential': (update: ListingConfidentialUpdate) => void;
  'agreement:changed': (update: AgreementChanged) => void;
  /** To an organisation: a new or changed listing is a strong match for one of its own. */
  'match:new': (notice: MatchNotice) => void;
  'ceremony:totals': (totals: CeremonyTotals) => void;
  /** To both parties' organisations and organisers: meetings changed (booked, scheduled, published, marked). */
  'meeting:changed': (update: MeetingChanged) => void;
  /** To the organisation and organisers only: its registration changed (with the reason, if any). */
  'participation:changed': (participation: Participation) => void;
  /** To organisers: a scheduler run's progress and result. */
  'schedule:progress': (run: ScheduleRun) => void;
  /** To organisers: an event's results changed; dashboards read the figures again (coalesced per event). */
  'figures:changed': (update: { eventId: string }) => void;
  /** To an event's room (big screens, viewers of the public scoreboard): its scoreboard changed; read it again (coalesced per event). */
  'scoreboard:changed': (update: { eventId: string }) => void;
  /** To one user's sockets: something they were just told (the bell). */
  'notification:new': (notification: Notification) => void;
  /** To one user's sockets: notices of theirs that were settled (someone did what they asked). */
  'notification:settled': (settled: NotificationsSettled) => void;
}

export interface ClientToServerEvents {
  'board:join': (request: BoardJoinRequest, ack: (result: BoardJoinResult) => void) => void;
  'board:leave': (request: { sessionId: string }) => void;
  /** Follow an event's ceremony figures (big screens and organisers); answers with the current ones. */
  'ceremony:join': (request: { eventId: string }, ack: (result: { ok: true; totals: CeremonyTotals } | { ok: false; message: string }) => void) => void;
}

/** What a socket authenticates with at the handshake (`auth` option of the client). */
export type SocketAuth = { token: string } | { screenToken: string };

/** Room names, by what they carry. */
export const rooms = {
  session: (id: string) => `session:${id}`,
  event: (id: string) => `event:${id}`,
  organisation: (id: string) => `org:${id}`,
  organisers: 'organisers',
  /** Every socket of one user, and of one login session (not `session:`: board sessions). */
  user: (id: string) => `user:${id}`,
  authSession: (id: string) => `auth:${id}`,
} as const;

/**
 * Applies board events in order onto a last-applied sequence number: returns the events
 * to apply now (duplicates dropped) and whether a gap means the client must resync.
 * Shared so that the browser and the tests use the same rule.
 */
export function orderBoardEvents(lastSeq: number, incoming: BoardEvent[]): { apply: BoardEvent[]; gap: boolean; lastSeq: number } {
  const sorted = [...incoming].sort((a, b) => a.seq - b.seq);
  const apply: BoardEvent[] = [];
  let seq = lastSeq;
  for (const event of sorted) {
    if (event.seq <= seq) continue;
    if (event.seq !== seq + 1) return { apply, gap: true, lastSeq: seq };
    apply.push(event);
    seq = event.seq;
  }
  return { apply, gap: false, lastSeq: seq };
}

/**
 * Which of two ceremony figures of an event a screen shows: the one with more signed
 * agreements. Signed agreements never leave the figures (an agreement only moves forward,
 * drafting → signed → confirmed, and signed terms cannot change), so figures with fewer are
 * older ones arriving late: a join's answer crossing a push, or pushes computed by two
 * processes. Shared so that the browser and the tests use the same rule.
 */
export function laterCeremonyTotals(current: CeremonyTotals | null, incoming: CeremonyTotals): CeremonyTotals {
  if (!current || current.eventId !== incoming.eventId) return incoming;
  return incoming.signedCount >= current.signedCount ? incoming : current;
}
