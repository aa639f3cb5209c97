import { Inject, Logger, UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { rooms, type BoardJoinRequest, type BoardJoinResult, type ClientToServerEvents, type ServerToClientEvents } from '@duijie/shared';
import type { Server, Socket } from 'socket.io';
import type { Principal } from '../access/principal';
import { UUID_PATTERN } from '../common/validation';
import { WsErrorFilter } from '../common/ws-error.filter';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { TokenService } from '../auth/token.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DomainError } from '../common/errors';
import { EventsService } from '../events/events.service';
import { seesSession, type SessionViewer } from '../events/session-visibility';
import { BoardPublisher, type InterServerEvents } from '../realtime/board-publisher';
import { BoardQueryService } from './board-query.service';
import { ScreenLinksService } from './screen-links.service';
import { SocketRevocations } from '../realtime/socket-revocations';
import { readCookies, SESSION_COOKIE } from '../auth/session-cookies';

/** setTimeout's limit; a later expiry is checked again when the first timer fires. */
const MAX_TIMER_MS = 2_147_483_647;

/** Who is behind a socket: a user, or a read-only big screen for one event. */
type SocketData = { principal?: Principal; screen?: { linkId: string; eventId: string; expiresAt: Date } };
type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

@WebSocketGateway()
@UseFilters(WsErrorFilter)
export class BoardGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('BoardGateway');

  @WebSocketServer()
  server: Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

  constructor(
    private readonly tokens: TokenService,
    private readonly screens: ScreenLinksService,
    private readonly publisher: BoardPublisher,
    private readonly query: BoardQueryService,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly revocations: SocketRevocations,
    private readonly uow: UnitOfWork,
  ) {}

  afterInit(server: Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>): void {
    // Authenticate at the handshake: a refused socket gets a connect_error saying why.
    server.use((socket, next) => {
      this.authenticate(socket as BoardSocket).then(
        () => next(),
        (error: unknown) => next(new Error(error instanceof DomainError ? error.message : 'Authentication failed')),
      );
    });
    this.publisher.attach(server);
    this.revocations.attach(server as unknown as Server);
    this.uow.on('screen_link.revoked', (revoked) => revoked.forEach(({ linkId }) => server.in(`screen:${linkId}`).disconnectSockets(true)));
  }

  handleConnection(socket: BoardSocket): void {
    const { principal, screen } = socket.data;
    if (principal) {
      // Named rooms so that deactivation, a role change, suspension or logout can close this socket from any process.
      const own = [rooms.user(principal.userId)];
      if (principal.sessionId) own.push(rooms.authSession(principal.sessionId));
      // A user of an organisation that is not approved gets no confidential room.
      if (principal.organisationStatus === 'approved') {
        own.push(rooms.organisation(principal.organisationId));
        if (principal.role === 'organiser') own.push(rooms.organisers);
      }
      void socket.join(own);
      if (principal.sessionExpiresAt) this.closeAt(socket, principal.sessionExpiresAt);
    } else if (screen) {
      void socket.join([rooms.event(screen.eventId), `screen:${screen.linkId}`]);
      // A link that expires while the screen watches cuts it off then (timers max out at ~24 days).
      const timer = setTimeout(() => socket.disconnect(true), Math.min(screen.expiresAt.getTime() - Date.now(), MAX_TIMER_MS));
      socket.once('disconnect', () => clearTimeout(timer));
    }
  }

  /** Joins a session's room, then answers with what the client missed or a snapshot. */
  @SubscribeMessage('board:join')
  async join(@ConnectedSocket() socket: BoardSocket, @MessageBody() request: BoardJoinRequest): Promise<BoardJoinResult> {
    const sessionId = request?.sessionId;
    const lastSeq = request?.lastSeq ?? null;
    if (typeof sessionId !== 'string' || !UUID_PATTERN.test(sessionId) || (lastSeq !== null && (!Number.isInteger(lastSeq) || lastSeq < 0))) {
      return { ok: false, code: 'invalid', message: 'board:join needs a session id and lastSeq (a whole number or null)' };
    }
    const { principal, screen } = socket.data;
    if (principal && principal.organisationStatus !== 'approved') {
      return { ok: false, code: 'forbidden', message: 'Your organisation is not approved; an organiser must approve it first' };
    }
    const session = await this.events.sessionById(sessionId);
    const viewer: SessionViewer | null = principal ? { principal } : screen ? { screenEventId: screen.eventId } : null;
    if (!session || !viewer || !seesSession(viewer, session)) return { ok: false, code: 'not_found', message: 'Session not found' };

    // Join first: anything committed from now on is pushed live, and the reply covers the rest.
    await socket.join(rooms.session(sessionId));
    try {
      const replay = lastSeq === null ? null : await this.query.replay(sessionId, lastSeq, this.config.boardReplayLimit);
      if (replay) return { ok: true, mode: 'replay', ...replay };
      const snapshot = await this.query.snapshot(sessionId);
      return { ok: true, mode: 'snapshot', seq: snapshot.seq, snapshot };
    } catch (error) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return { ok: false, code: 'invalid', message: 'Could not load the board; try again' };
    }
  }

  @SubscribeMessage('board:leave')
  async leave(@ConnectedSocket() socket: BoardSocket, @MessageBody() request: { sessionId: string }): Promise<void> {
    if (typeof request?.sessionId === 'string') await socket.leave(rooms.session(request.sessionId));
  }

  /** The token's session ends: so does the socket (the client reconnects and is refused, or logs in again). */
  private closeAt(socket: BoardSocket, expiresAt: Date): void {
    const wait = expiresAt.getTime() - Date.now();
    const timer = setTimeout(
      () => {
        if (Date.now() >= expiresAt.getTime()) socket.disconnect(true);
        else this.closeAt(socket, expiresAt);
      },
      Math.min(Math.max(wait, 0), MAX_TIMER_MS),
    );
    timer.unref();
    socket.once('disconnect', () => clearTimeout(timer));
  }

  private async authenticate(socket: BoardSocket): Promise<void> {
    const auth = (socket.handshake.auth ?? {}) as { token?: unknown; screenToken?: unknown };
    const cookie = readCookies(socket.handshake.headers.cookie)[SESSION_COOKIE];
    if (typeof auth.token === 'string' && auth.token) {
      socket.data.principal = await this.tokens.authenticate(auth.token);
    } else if (typeof auth.screenToken === 'string' && auth.screenToken) {
      socket.data.screen = await this.screens.authenticate(auth.screenToken);
    } else if (cookie) {
      // The browser's session cookie: only from a page of this site (no cross-site socket hijacking).
      const origin = socket.handshake.headers.origin;
      const host = socket.handshake.headers.host;
      if (origin && host && new URL(origin).host !== host) throw new DomainError(403, 'forbidden', 'Cross-site socket refused');
      socket.data.principal = await this.tokens.authenticate(cookie);
    } else {
      throw new DomainError(401, 'unauthorized', 'Please log in (no token in the socket handshake)');
    }
  }
}
