import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ObligationsController } from './obligations.controller';
import { ObligationsService } from './obligations.service';

/** What organisations owe by a due date (reports now; survey responses and filings later), and its review. */
@Module({
  imports: [AuditModule, ClockModule, UnitOfWorkModule, EventsModule, NotificationsModule],
  controllers: [ObligationsController],
  providers: [ObligationsService],
  exports: [ObligationsService],
})
export class ObligationsModule {}
