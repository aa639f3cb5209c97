import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

/** Enterprises' ratings of the institutions they dealt with (企业评银行). Others read averages through ratings.repository.ts. */
@Module({
  imports: [AuditModule, UnitOfWorkModule, EventsModule],
  controllers: [RatingsController],
  providers: [RatingsService],
  exports: [RatingsService],
})
export class RatingsModule {}
