import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { FiguresLive } from './figures-live';
import { FiguresController } from './figures.controller';
import { FiguresService } from './figures.service';

/** An event's results (对接成效): one service computes every figure that screens, exports and briefings show (read only). */
@Module({
  imports: [ClockModule, EventsModule, RealtimeModule, UnitOfWorkModule],
  controllers: [FiguresController],
  providers: [FiguresService, FiguresLive],
  exports: [FiguresService],
})
export class FiguresModule {}
