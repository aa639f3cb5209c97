import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

@Module({ imports: [AuditModule, RealtimeModule, UnitOfWorkModule], controllers: [EventsController], providers: [EventsService], exports: [EventsService] })
export class EventsModule {}
