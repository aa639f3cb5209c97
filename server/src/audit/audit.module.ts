import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { AuditController } from './audit.controller';
import { AuditSequencerService } from './audit-sequencer.service';
import { AuditTreeService } from './audit-tree.service';
import { AuditService } from './audit.service';

@Module({
  imports: [JobsModule],
  controllers: [AuditController],
  providers: [AuditService, AuditTreeService, AuditSequencerService],
  exports: [AuditService, AuditTreeService, AuditSequencerService],
})
export class AuditModule {}
