import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';

@Module({ imports: [EventsModule], controllers: [AgreementsController], providers: [AgreementsService], exports: [AgreementsService] })
export class AgreementsModule {}
