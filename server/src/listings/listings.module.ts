import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ParticipationModule } from '../participation/participation.module';
import { ListingsController } from './listings.controller';
import { ListingsService } from './listings.service';

@Module({ imports: [EventsModule, ParticipationModule], controllers: [ListingsController], providers: [ListingsService], exports: [ListingsService] })
export class ListingsModule {}
