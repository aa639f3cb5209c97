import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { ListingsModule } from '../listings/listings.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { SurveyEntity, SurveyExclusionEntity, SurveyResponseEntity } from './survey.entity';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

/** The needs survey before an event (摸底调查): define, send, answer, review, summarise, confirm as listings. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SurveyEntity, SurveyResponseEntity, SurveyExclusionEntity]),
    AuditModule,
    ClockModule,
    UnitOfWorkModule,
    EventsModule,
    ObligationsModule,
    ListingsModule,
    NotificationsModule,
  ],
  controllers: [SurveysController],
  providers: [SurveysService],
  exports: [SurveysService],
})
export class SurveysModule {}
