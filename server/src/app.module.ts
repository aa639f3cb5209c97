import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsModule } from './agreements/agreements.module';
import { AuditModule } from './audit/audit.module';
import { CeremonyModule } from './ceremony/ceremony.module';
import { AuthModule } from './auth/auth.module';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { ServerPresence } from './common/server-presence';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { EventsModule } from './events/events.module';
import { FollowUpModule } from './follow-up/follow-up.module';
import { RatingsModule } from './ratings/ratings.module';
import { CoordinationModule } from './coordination/coordination.module';
import { SurveysModule } from './surveys/surveys.module';
import { TrackingModule } from './tracking/tracking.module';
import { FiguresModule } from './figures/figures.module';
import { BriefingModule } from './briefing/briefing.module';
import { EventSummaryModule } from './event-summary/event-summary.module';
import { StatisticsModule } from './statistics/statistics.module';
import { ScoreboardModule } from './scoreboard/scoreboard.module';
import { RewardsModule } from './rewards/rewards.module';
import { HealthController } from './health/health.controller';
import { ImportModule } from './import/import.module';
import { JobsModule } from './jobs/jobs.module';
import { ListingsModule } from './listings/listings.module';
import { MatchingModule } from './matching/matching.module';
import { SupermarketModule } from './supermarket/supermarket.module';
import { DirectoryModule } from './directory/directory.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ObligationsModule } from './obligations/obligations.module';
import { SupervisionModule } from './supervision/supervision.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ParticipationModule } from './participation/participation.module';
import { RealtimeModule } from './realtime/realtime.module';
import { BoardModule } from './board/board.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  /** The database URL is known only after the embedded PostgreSQL (if any) has started. */
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), migrationsRun: false }),
        AuditModule,
        RealtimeModule,
        JobsModule,
        AuthModule,
        OrganisationsModule,
        UsersModule,
        EventsModule,
        NotificationsModule,
        ParticipationModule,
        ListingsModule,
        ObligationsModule,
        AgreementsModule,
        FollowUpModule,
        RatingsModule,
        SurveysModule,
        SupervisionModule,
        CoordinationModule,
        TrackingModule,
        FiguresModule,
        BriefingModule,
        EventSummaryModule,
        StatisticsModule,
        RewardsModule,
        ScoreboardModule,
        CeremonyModule,
        MatchingModule,
        SupermarketModule,
        DirectoryModule,
        MeetingsModule,
        ImportModule,
        BoardModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }, ServerPresence, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
      exports: [APP_CONFIG],
    };
  }
}
