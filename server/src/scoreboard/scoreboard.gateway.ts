import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { ClientToServerEvents, ServerToClientEvents } from '@duijie/shared';
import type { Server } from 'socket.io';

/**
 * The shared socket.io server, for pushing scoreboard changes to an event's room. Sockets join
 * that room with `ceremony:join` (big screens and signed-in users), authenticated at the handshake
 * by the board gateway; this gateway handles no messages of its own.
 */
@WebSocketGateway()
export class ScoreboardGateway {
  @WebSocketServer()
  server: Server<ClientToServerEvents, ServerToClientEvents> | undefined;
}
