import { Injectable } from '@nestjs/common';
import { rooms } from '@duijie/shared';
import type { Server } from 'socket.io';

/**
 * Closes sockets whose rights are gone: a deactivated user, a changed role, a suspended
 * organisation, a logged-out session. Rooms go through the cluster adapter, so sockets on
 * other server processes are closed too. Call after the change has committed.
 */
@Injectable()
export class SocketRevocations {
  private server: Server | null = null;

  attach(server: Server): void {
    this.server = server;
  }

  user(userId: string): void {
    this.close(rooms.user(userId));
  }

  organisation(organisationId: string): void {
    this.close(rooms.organisation(organisationId));
  }

  authSession(sessionId: string): void {
    this.close(rooms.authSession(sessionId));
  }

  private close(room: string): void {
    this.server?.in(room).disconnectSockets(true);
  }
}
