import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { StatisticsController } from './statistics.controller';
import { RewardPeriodEntity, StatisticsFormEntity, StatisticsFormVersionEntity } from './statistics.entity';
import { StatisticsService } from './statistics.service';

/** Statistics institutions report (统计报表): reporting periods, forms filed and reviewed, the confirmed figures. */
@Module({
  imports: [
    TypeOrmModule.forFeature([RewardPeriodEntity, StatisticsFormEntity, StatisticsFormVersionEntity]),
    AuditModule,
    ClockModule,
    UnitOfWorkModule,
    EventsModule,
    ObligationsModule,
    NotificationsModule,
  ],
  controllers: [StatisticsController],
  providers: [StatisticsService],
  exports: [StatisticsService],
})
export class StatisticsModule {}
