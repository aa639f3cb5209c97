import { Module } from '@nestjs/common';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';

/** Bulk import of organisations and listings by organisers. */
@Module({ controllers: [ImportController], providers: [ImportService] })
export class ImportModule {}
