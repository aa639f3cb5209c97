import { UseFilters } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { rooms, type CeremonyTotals, type ClientToServerEvents, type ServerToClientEvents } from '@duijie/shared';
import type { Socket } from 'socket.io';
import type { Principal } from '../access/principal';
import { UUID_PATTERN } from '../common/validation';
import { WsErrorFilter } from '../common/ws-error.filter';
import { CeremonyService } from './ceremony.service';

type CeremonySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { principal?: Principal; screen?: { eventId: string } }>;

/** Big screens and signed-in users follow an event's ceremony figures (public data only). */
@WebSocketGateway()
@UseFilters(WsErrorFilter)
export class CeremonyGateway {
  constructor(private readonly ceremony: CeremonyService) {}

  @SubscribeMessage('ceremony:join')
  async join(
    @ConnectedSocket() socket: CeremonySocket,
    @MessageBody() request: { eventId: string },
  ): Promise<{ ok: true; totals: CeremonyTotals } | { ok: false; message: string }> {
    const eventId = request?.eventId;
    if (typeof eventId !== 'string' || !UUID_PATTERN.test(eventId)) return { ok: false, message: 'ceremony:join needs an event id' };
    if (socket.data.principal && socket.data.principal.organisationStatus !== 'approved') {
      return { ok: false, message: 'Your organisation is not approved; an organiser must approve it first' };
    }
    // A screen link watches its own event only.
    if (socket.data.screen && socket.data.screen.eventId !== eventId) return { ok: false, message: 'Event not found' };
    try {
      const totals = await this.ceremony.totals(eventId);
      await socket.join(rooms.event(eventId));
      return { ok: true, totals };
    } catch {
      return { ok: false, message: 'Event not found' };
    }
  }
}
