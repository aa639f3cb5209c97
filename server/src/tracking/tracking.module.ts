import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock';
import { EventsModule } from '../events/events.module';
import { TrackingController } from './tracking.controller';
import { TrackingService } from './tracking.service';

/** The organisers' 跟踪落实 view over signed agreements, their ledger, reports owed and supervision (read only). */
@Module({
  imports: [ClockModule, EventsModule],
  controllers: [TrackingController],
  providers: [TrackingService],
  exports: [TrackingService],
})
export class TrackingModule {}
