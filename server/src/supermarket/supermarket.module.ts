import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SupermarketController } from './supermarket.controller';
import { SupermarketService } from './supermarket.service';

/** The matchmaking supermarket: the shelf of financial products, applications and answers. */
@Module({ imports: [AuditModule, UnitOfWorkModule, NotificationsModule], controllers: [SupermarketController], providers: [SupermarketService] })
export class SupermarketModule {}
