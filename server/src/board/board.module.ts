import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { AuthModule } from '../auth/auth.module';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { BoardController } from './board.controller';
import { BoardGateway } from './board.gateway';
import { BoardQueryService } from './board-query.service';
import { ScreenLinksController } from './screen-links.controller';
import { ScreenLinksService } from './screen-links.service';

/**
 * The live board, above the capabilities it shows: the socket gateway (handshake, rooms,
 * board:join with snapshot or replay), big-screen links, and the board's figures, read through
 * each capability's repository. Delivery (adapter, room pushes, the board event log) is realtime's.
 */
@Module({
  imports: [AuditModule, RealtimeModule, AuthModule, UnitOfWorkModule, EventsModule],
  controllers: [BoardController, ScreenLinksController],
  providers: [BoardQueryService, BoardGateway, ScreenLinksService],
})
export class BoardModule {}
