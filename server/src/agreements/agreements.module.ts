import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock';
import { AuditModule } from '../audit/audit.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { CertificateService } from './certificate.service';
import { LedgerService } from './ledger.service';

@Module({
  imports: [ClockModule, AuditModule, RealtimeModule, UnitOfWorkModule, EventsModule, NotificationsModule],
  controllers: [AgreementsController],
  providers: [AgreementsService, LedgerService, CertificateService],
  exports: [AgreementsService, LedgerService],
})
export class AgreementsModule {}
