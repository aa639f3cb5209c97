import { Module } from '@nestjs/common';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { CertificateService } from './certificate.service';
import { LedgerService } from './ledger.service';

@Module({
  imports: [UnitOfWorkModule, EventsModule],
  controllers: [AgreementsController],
  providers: [AgreementsService, LedgerService, CertificateService],
  exports: [AgreementsService],
})
export class AgreementsModule {}
