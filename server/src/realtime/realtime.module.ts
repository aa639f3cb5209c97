import { Global, Module } from '@nestjs/common';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { BoardEventsService } from './board-events.service';
import { BoardGateway } from './board.gateway';
import { BoardPublisher } from './board-publisher';
import { BoardQueryService } from './board-query.service';
import { ScreenLinksController } from './screen-links.controller';
import { ScreenLinksService } from './screen-links.service';
import { SocketRevocations } from './socket-revocations';

/** Live boards: board events, their pushes, the socket gateway and big-screen links. */
@Global()
@Module({
  imports: [UnitOfWorkModule],
  controllers: [ScreenLinksController],
  providers: [BoardEventsService, BoardPublisher, BoardQueryService, BoardGateway, ScreenLinksService, SocketRevocations],
  exports: [BoardEventsService, BoardQueryService, BoardPublisher, SocketRevocations],
})
export class RealtimeModule {}
