import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  rooms,
  type AgreementChanged,
  type BoardEvent,
  type BoardTotals,
  type CeremonyTotals,
  type ClientToServerEvents,
  type MatchNotice,
  type Notification,
  type NotificationsSettled,
  type MeetingChanged,
  type Participation,
  type ScheduleRun,
  type ServerToClientEvents,
} from '@duijie/shared';
import type { Server } from 'socket.io';
import type { ConfidentialPush } from '../common/unit-of-work/domain-events';
import { Coalescer } from './coalescer';

/** What one server process tells the others through the socket.io adapter. */
export type AgreementPush = { organisationIds: string[]; update: AgreementChanged };
/** `organisers: false` leaves the organisers' room out (they had the whole change in another push). */
export type MeetingPush = { organisationIds: string[]; update: MeetingChanged; organisers: boolean };
/** A notification for one user's room. */
export type NotificationPush = { userId: string; notification: Notification };
/** Notices of one user that were settled, for that user's room. */
export type SettledPush = { userId: string; settled: NotificationsSettled };
export type InterServerEvents = {
  'board:relay': (message: { events: BoardEvent[]; confidential: ConfidentialPush[] }) => void;
  'agreement:relay': (push: AgreementPush) => void;
  'meeting:relay': (push: MeetingPush) => void;
  'totals:relay': (sessionId: string) => void;
  'notification:relay': (pushes: NotificationPush[]) => void;
  'notification-settled:relay': (pushes: SettledPush[]) => void;
};
export type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;
/** A session's totals and the board sequence number they reflect. */
export type TotalsSource = (sessionId: string) => Promise<{ seq: number; totals: BoardTotals }>;

/**
 * Aggregates go out at most once per this interval per session, whatever the write rate.
 * Four a second is plenty for people watching numbers, and pushing totals to every socket
 * less often measurably steadies the delivery of the item events (bench:board).
 */
const TOTALS_INTERVAL_MS = 250;

/** An event's figures are read again at most once per this interval, however busy the event. */
const FIGURES_INTERVAL_MS = 2_000;

/**
 * Pushes committed board changes to the rooms that may see them. Item events go out
 * exactly as written; totals are recomputed and coalesced per session.
 *
 * Each process delivers to its own sockets at once and relays the changes to the other
 * processes in one adapter message, which they deliver to theirs. The local push never
 * waits on the adapter's round trip through PostgreSQL or Redis.
 */
@Injectable()
export class BoardPublisher implements OnModuleDestroy {
  private readonly logger = new Logger('BoardPublisher');
  private server: BoardServer | null = null;
  private readonly totals = new Coalescer(TOTALS_INTERVAL_MS);
  private totalsSource: TotalsSource | null = null;
  private readonly figures = new Coalescer(FIGURES_INTERVAL_MS);

  /** The board feature says how a session's totals are read (delivery does not read the capabilities' tables). */
  readTotalsWith(source: TotalsSource): void {
    this.totalsSource = source;
  }

  attach(server: BoardServer): void {
    this.server = server;
    server.on('board:relay', ({ events, confidential }) => this.deliver(events, confidential));
    server.on('agreement:relay', (push) => this.deliverAgreement(push));
    server.on('meeting:relay', (push) => this.deliverMeetings(push));
    server.on('totals:relay', (sessionId) => this.scheduleTotals(sessionId));
    server.on('notification:relay', (pushes) => this.deliverNotifications(pushes));
    server.on('notification-settled:relay', (pushes) => this.deliverSettled(pushes));
  }

  /**
   * After a meeting change commits: the parties' organisation rooms and the organisers hear
   * which meetings changed, and reload them.
   */
  publishMeetings(organisationIds: string[], update: MeetingChanged, opts: { organisers?: boolean } = {}): void {
    if (!this.server || update.meetingIds.length === 0) return;
    const push: MeetingPush = { organisationIds: [...new Set(organisationIds)], update, organisers: opts.organisers ?? true };
    this.deliverMeetings(push);
    this.server.serverSideEmit('meeting:relay', push);
  }

  private deliverMeetings({ organisationIds, update, organisers }: MeetingPush): void {
    const server = this.server;
    if (!server || (organisationIds.length === 0 && !organisers)) return;
    let target = organisers ? server.local.to(rooms.organisers) : undefined;
    for (const id of organisationIds) target = target ? target.to(rooms.organisation(id)) : server.local.to(rooms.organisation(id));
    target?.emit('meeting:changed', update);
  }

  /** A scheduler run's progress or outcome, to the organisers (through the adapter: a few a second at most). */
  publishScheduleRun(run: ScheduleRun): void {
    this.server?.to(rooms.organisers).emit('schedule:progress', run);
  }

  /** After an agreement's transaction commits: its parties' rooms and the organisers hear of it. */
  publishAgreement(push: AgreementPush): void {
    if (!this.server) return;
    this.deliverAgreement(push);
    this.server.serverSideEmit('agreement:relay', push);
  }

  private deliverAgreement({ organisationIds, update }: AgreementPush): void {
    let target = this.server?.local.to(rooms.organisers);
    for (const id of organisationIds) target = target?.to(rooms.organisation(id));
    target?.emit('agreement:changed', update);
  }

  /** A registration decided: its organisation's room and the organisers (through the adapter: rare). */
  publishParticipation(participation: Participation): void {
    this.server?.to(rooms.organisation(participation.organisationId)).to(rooms.organisers).emit('participation:changed', participation);
  }

  /** After notifications commit: each to its user's room (all of that user's sockets, in every process). */
  publishNotifications(pushes: NotificationPush[]): void {
    if (!this.server || pushes.length === 0) return;
    this.deliverNotifications(pushes);
    this.server.serverSideEmit('notification:relay', pushes);
  }

  private deliverNotifications(pushes: NotificationPush[]): void {
    for (const { userId, notification } of pushes) this.server?.local.to(rooms.user(userId)).emit('notification:new', notification);
  }

  /** After a settle commits: each user's settled notices to that user's room, so open bells drop them. */
  publishSettled(pushes: SettledPush[]): void {
    if (!this.server || pushes.length === 0) return;
    this.deliverSettled(pushes);
    this.server.serverSideEmit('notification-settled:relay', pushes);
  }

  private deliverSettled(pushes: SettledPush[]): void {
    for (const { userId, settled } of pushes) this.server?.local.to(rooms.user(userId)).emit('notification:settled', settled);
  }

  /** A strong new match, to the organisation whose listing it fits (through the adapter: rare, not hot). */
  publishMatch(organisationId: string, notice: MatchNotice): void {
    this.server?.to(rooms.organisation(organisationId)).emit('match:new', notice);
  }

  /** Called after a commit with the board events it wrote. */
  publish(events: BoardEvent[], confidential: ConfidentialPush[] = []): void {
    if (!this.server || (events.length === 0 && confidential.length === 0)) return;
    this.deliver(events, confidential);
    this.server.serverSideEmit('board:relay', { events, confidential });
  }

  /** Pushes to this process's sockets only. */
  private deliver(events: BoardEvent[], confidential: ConfidentialPush[]): void {
    const server = this.server;
    if (!server) return;
    for (const event of events) server.local.to(rooms.session(event.sessionId)).emit('board:event', event);
    // Confidential fields only ever go to the owner's room and the organisers' room.
    for (const { organisationId, update } of confidential) {
      server.local.to(rooms.organisation(organisationId)).to(rooms.organisers).emit('listing:confidential', update);
    }
    for (const sessionId of new Set(events.map((e) => e.sessionId))) this.scheduleTotals(sessionId);
  }

  /**
   * After a commit that changes an event's results: organisers' dashboards (every process, through
   * the adapter) hear it at most once per interval per event, and read the figures again.
   */
  publishFiguresChanged(eventId: string): void {
    this.figures.request(eventId, async () => {
      this.server?.to(rooms.organisers).emit('figures:changed', { eventId });
    });
  }

  onModuleDestroy(): void {
    this.figures.clear();
    this.totals.clear();
  }

  /**
   * After a commit that changes a session's totals without a board event (meetings booked,
   * published or marked): every process pushes fresh totals to its sockets, coalesced per
   * session like those that follow board events.
   */
  refreshTotals(sessionId: string): void {
    if (!this.server) return;
    this.scheduleTotals(sessionId);
    this.server.serverSideEmit('totals:relay', sessionId);
  }

  private scheduleTotals(sessionId: string): void {
    this.totals.request(sessionId, () => this.pushTotals(sessionId));
  }

  /** The signing ceremony's figures, to the event's room (big screens) and organisers. */
  publishCeremony(totals: CeremonyTotals): void {
    this.server?.to(rooms.event(totals.eventId)).to(rooms.organisers).emit('ceremony:totals', totals);
  }

  private async pushTotals(sessionId: string): Promise<void> {
    try {
      if (!this.totalsSource) return;
      const { seq, totals } = await this.totalsSource(sessionId);
      this.server?.local.to(rooms.session(sessionId)).emit('board:totals', { sessionId, seq, totals });
    } catch (error) {
      this.logger.warn(`Could not push totals for session ${sessionId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
