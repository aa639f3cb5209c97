import { Module } from '@nestjs/common';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { AgreementsModule } from '../agreements/agreements.module';
import { EventsModule } from '../events/events.module';
import { RunningOrderController } from './running-order.controller';
import { RunningOrderService } from './running-order.service';

/** The signing ceremony's running order (batches on stage). */
@Module({ imports: [UnitOfWorkModule, EventsModule, AgreementsModule], controllers: [RunningOrderController], providers: [RunningOrderService] })
export class CeremonyModule {}
