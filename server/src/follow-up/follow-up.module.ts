import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { JobsModule } from '../jobs/jobs.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { StorageModule } from '../storage/storage.module';
import { EvidenceService } from './evidence.service';
import { FollowUpController } from './follow-up.controller';
import { FollowUpService } from './follow-up.service';
import { ReportsService } from './reports.service';

/** Follow-up (跟踪落实) of signed agreements: the event's plan, report schedules, and the reports filed. */
@Module({
  imports: [AuditModule, ClockModule, UnitOfWorkModule, EventsModule, AgreementsModule, ObligationsModule, StorageModule, JobsModule],
  controllers: [FollowUpController],
  providers: [FollowUpService, ReportsService, EvidenceService],
  exports: [FollowUpService],
})
export class FollowUpModule {}
