import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { CoordinationController } from './coordination.controller';
import { LiaisonService } from './liaison.service';
import { ProblemsService } from './problems.service';
import { SummariesService } from './summaries.service';

/** Coordination after the signing: departments, problems raised and routed, liaison officers' reports, the weekly summary. */
@Module({
  imports: [AuditModule, ClockModule, UnitOfWorkModule, EventsModule, JobsModule, NotificationsModule, ObligationsModule],
  controllers: [CoordinationController],
  providers: [ProblemsService, LiaisonService, SummariesService],
  exports: [ProblemsService],
})
export class CoordinationModule {}
