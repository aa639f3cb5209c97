import { Inject, Logger, UseFilters } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import { InjectDataSource } from '@nestjs/typeorm';
import { rooms, type BoardJoinRequest, type BoardJoinResult, type ClientToServerEvents, type ServerToClientEvents } from '@duijie/shared';
import type { Server, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { UUID_PATTERN } from '../common/validation';
import { WsErrorFilter } from '../common/ws-error.filter';
import { TokenService } from '../auth/token.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DomainError } from '../common/errors';
import { SessionEntity } from '../events/session.entity';
import { BoardPublisher, type InterServerEvents } from './board-publisher';
import { BoardQueryService } from './board-query.service';
import { ScreenLinksService } from './screen-links.service';

/** Who is behind a socket: a user, or a read-only big screen for one event. */
type SocketData = { principal?: Principal; screen?: { linkId: string; eventId: string } };
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
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    this.screens.onRevoke = (linkId) => server.in(`screen:${linkId}`).disconnectSockets(true);
  }

  handleConnection(socket: BoardSocket): void {
    const { principal, screen } = socket.data;
    if (principal) {
      void socket.join(rooms.organisation(principal.organisationId));
      if (principal.role === 'organiser') void socket.join(rooms.organisers);
    } else if (screen) {
      void socket.join([rooms.event(screen.eventId), `screen:${screen.linkId}`]);
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
    const session = await this.dataSource.getRepository(SessionEntity).findOne({ where: { id: sessionId } });
    const { principal, screen } = socket.data;
    const visible =
      session !== null &&
      (principal ? session.status !== 'draft' || principal.role === 'organiser' : screen ? session.eventId === screen.eventId && session.status !== 'draft' : false);
    if (!session || !visible) return { ok: false, code: 'not_found', message: 'Session not found' };

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

  private async authenticate(socket: BoardSocket): Promise<void> {
    const auth = (socket.handshake.auth ?? {}) as { token?: unknown; screenToken?: unknown };
    if (typeof auth.token === 'string' && auth.token) {
      socket.data.principal = await this.tokens.authenticate(auth.token);
    } else if (typeof auth.screenToken === 'string' && auth.screenToken) {
      socket.data.screen = await this.screens.authenticate(auth.screenToken);
    } else {
      throw new DomainError(401, 'unauthorized', 'Please log in (no token in the socket handshake)');
    }
  }
}
