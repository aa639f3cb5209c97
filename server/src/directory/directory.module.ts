import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { DirectoryExportService } from './directory-export.service';
import { DirectoryController } from './directory.controller';
import { ProducerDirectoryEntity, ProducerDirectoryEntryEntity } from './directory.entity';
import { DirectoryService } from './directory.service';

/** The producers' directory (生产企业名录): compiled and published by organisers, read by anyone. */
@Module({
  imports: [TypeOrmModule.forFeature([ProducerDirectoryEntity, ProducerDirectoryEntryEntity]), AuditModule, ClockModule, UnitOfWorkModule, EventsModule],
  controllers: [DirectoryController],
  providers: [DirectoryService, DirectoryExportService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
