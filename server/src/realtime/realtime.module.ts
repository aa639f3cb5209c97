import { Module } from '@nestjs/common';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { BoardEventsService } from './board-events.service';
import { BoardPublisher } from './board-publisher';
import { SocketRevocations } from './socket-revocations';

/**
 * Delivery: the board event log, pushes to rooms (this process's sockets at once, the others' through
 * the adapter) and socket revocation. The socket gateway and the board feature live in board/.
 */
@Module({
  imports: [UnitOfWorkModule],
  providers: [BoardEventsService, BoardPublisher, SocketRevocations],
  exports: [BoardEventsService, BoardPublisher, SocketRevocations],
})
export class RealtimeModule {}
