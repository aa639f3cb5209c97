import { Module } from '@nestjs/common';
import { SupermarketController } from './supermarket.controller';
import { SupermarketService } from './supermarket.service';

/** The matchmaking supermarket: the shelf of financial products, applications and answers. */
@Module({ controllers: [SupermarketController], providers: [SupermarketService] })
export class SupermarketModule {}
