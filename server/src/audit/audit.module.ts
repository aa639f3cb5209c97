import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditSequencerService } from './audit-sequencer.service';
import { AuditTreeService } from './audit-tree.service';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditTreeService, AuditSequencerService],
  exports: [AuditService, AuditTreeService, AuditSequencerService],
})
export class AuditModule {}
