import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { AgreementsModule } from '../agreements/agreements.module';
import { EventsModule } from '../events/events.module';
import { RunningOrderController } from './running-order.controller';
import { CeremonyGateway } from './ceremony.gateway';
import { CeremonyService } from './ceremony.service';
import { RunningOrderService } from './running-order.service';

/** The signing ceremony: its running order (batches on stage), its live figures and the sockets that follow them. */
@Module({
  imports: [AuditModule, RealtimeModule, UnitOfWorkModule, EventsModule, AgreementsModule],
  controllers: [RunningOrderController],
  providers: [RunningOrderService, CeremonyService, CeremonyGateway],
})
export class CeremonyModule {}
