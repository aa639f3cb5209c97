import { Module } from '@nestjs/common';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';

/** Bulk import of organisations and listings by organisers. */
@Module({ imports: [UnitOfWorkModule], controllers: [ImportController], providers: [ImportService] })
export class ImportModule {}
