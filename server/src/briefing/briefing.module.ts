import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { CoordinationModule } from '../coordination/coordination.module';
import { EventsModule } from '../events/events.module';
import { FiguresModule } from '../figures/figures.module';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { StorageModule } from '../storage/storage.module';
import { BriefingController } from './briefing.controller';
import { BriefingService } from './briefing.service';

/** The briefing (简报) for an event's coordination group: weekly and on demand, kept, sent (organisers). */
@Module({
  imports: [AuditModule, ClockModule, UnitOfWorkModule, CoordinationModule, EventsModule, FiguresModule, JobsModule, NotificationsModule, StorageModule],
  controllers: [BriefingController],
  providers: [BriefingService],
  exports: [BriefingService],
})
export class BriefingModule {}
