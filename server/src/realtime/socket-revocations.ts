import { Injectable } from '@nestjs/common';
import { rooms } from '@duijie/shared';
import type { Server } from 'socket.io';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';

/**
 * Closes sockets whose rights are gone: a deactivated user, a changed role, a suspended
 * organisation, a logged-out session. Rooms go through the cluster adapter, so sockets on
 * other server processes are closed too, once the change that took the rights has committed
 * (the `access.revoked` domain event).
 */
@Injectable()
export class SocketRevocations {
  private server: Server | null = null;

  constructor(uow: UnitOfWork) {
    uow.on('access.revoked', (revoked) => {
      for (const { userId, organisationId, authSessionId } of revoked) {
        if (userId) this.user(userId);
        if (organisationId) this.organisation(organisationId);
        if (authSessionId) this.authSession(authSessionId);
      }
    });
  }

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
