import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';

/** Bulk import of organisations and listings by organisers. */
@Module({ imports: [AuditModule, RealtimeModule, UnitOfWorkModule], controllers: [ImportController], providers: [ImportService] })
export class ImportModule {}
