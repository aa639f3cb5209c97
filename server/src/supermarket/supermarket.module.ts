import { Module } from '@nestjs/common';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { SupermarketController } from './supermarket.controller';
import { SupermarketService } from './supermarket.service';

/** The matchmaking supermarket: the shelf of financial products, applications and answers. */
@Module({ imports: [UnitOfWorkModule], controllers: [SupermarketController], providers: [SupermarketService] })
export class SupermarketModule {}
