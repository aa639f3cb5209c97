import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RewardProgramsService } from './reward-programs.service';
import { RewardRunsService } from './reward-runs.service';
import { RewardsController } from './rewards.controller';

/**
 * Assessment and rewards (考核奖励): reward programs as data (draft, published and frozen,
 * superseded), calculation runs over a period's confirmed figures with every award's reasons,
 * approval within a step-up grant, payment confirmations, the workbook and the notices.
 */
@Module({
  imports: [AuditModule, ClockModule, NotificationsModule, UnitOfWorkModule],
  controllers: [RewardsController],
  providers: [RewardProgramsService, RewardRunsService],
  exports: [RewardProgramsService, RewardRunsService],
})
export class RewardsModule {}
