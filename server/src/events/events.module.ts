import { Module } from '@nestjs/common';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

@Module({ imports: [UnitOfWorkModule], controllers: [EventsController], providers: [EventsService], exports: [EventsService] })
export class EventsModule {}
