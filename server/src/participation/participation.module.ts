import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';

@Module({ imports: [EventsModule, OrganisationsModule], controllers: [ParticipationController], providers: [ParticipationService], exports: [ParticipationService] })
export class ParticipationModule {}
