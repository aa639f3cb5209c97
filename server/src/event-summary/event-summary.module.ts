import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { EventSummaryPublicationEntity } from './event-summary-publication.entity';
import { EventSummaryController } from './event-summary.controller';
import { EventSummaryService } from './event-summary.service';

/** The supply and demand summary table of an event (供需对接情况汇总表): published to participants, downloaded as .xlsx and PDF. */
@Module({
  imports: [TypeOrmModule.forFeature([EventSummaryPublicationEntity]), AuditModule, ClockModule, EventsModule, NotificationsModule, UnitOfWorkModule],
  controllers: [EventSummaryController],
  providers: [EventSummaryService],
})
export class EventSummaryModule {}
