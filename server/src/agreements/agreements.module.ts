import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { LedgerService } from './ledger.service';

@Module({ imports: [EventsModule], controllers: [AgreementsController], providers: [AgreementsService, LedgerService], exports: [AgreementsService] })
export class AgreementsModule {}
