import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { CriticismService } from './criticism.service';
import { LadderService } from './ladder.service';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

/** The ladder for what is owed: reminders, overdue marks, supervision notices (督办) and the notice of criticism (通报). */
@Module({
  imports: [AuditModule, ClockModule, UnitOfWorkModule, EventsModule, JobsModule, NotificationsModule, ObligationsModule],
  controllers: [SupervisionController],
  providers: [SupervisionService, CriticismService, LadderService],
  exports: [LadderService, SupervisionService],
})
export class SupervisionModule {}
