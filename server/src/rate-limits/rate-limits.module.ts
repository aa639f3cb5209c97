import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RateCounters } from './rate-counters';
import { PgThrottlerStorage } from './request-rate.guard';

/** Counters shared by every process: the per-user request budget, and what auth counts (logins, registrations). */
@Module({
  providers: [RateCounters],
  exports: [RateCounters],
})
class RateCountersModule {}

@Module({
  imports: [
    RateCountersModule,
    ThrottlerModule.forRootAsync({
      imports: [RateCountersModule],
      inject: [APP_CONFIG, RateCounters],
      useFactory: (config: AppConfig, counters: RateCounters) => ({
        throttlers: [{ name: 'requests', ttl: 60_000, limit: config.rateLimitPerMinute }],
        storage: new PgThrottlerStorage(counters),
      }),
    }),
  ],
  exports: [RateCountersModule, ThrottlerModule],
})
export class RateLimitsModule {}
