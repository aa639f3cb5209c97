import { Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/realtime.module';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

/** Ranked, explained recommendations of counterpart listings. */
@Module({ imports: [RealtimeModule, UnitOfWorkModule], controllers: [MatchingController], providers: [MatchingService], exports: [MatchingService] })
export class MatchingModule {}
