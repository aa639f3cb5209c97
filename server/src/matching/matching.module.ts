import { Module } from '@nestjs/common';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

/** Ranked, explained recommendations of counterpart listings. */
@Module({ controllers: [MatchingController], providers: [MatchingService], exports: [MatchingService] })
export class MatchingModule {}
