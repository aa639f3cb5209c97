import { Module } from '@nestjs/common';
import { MeetingRequestsController } from './meeting-requests.controller';
import { MeetingRequestsService } from './meeting-requests.service';

/** Negotiation meetings (洽谈): requests and answers so far; scheduling, agendas and the table plan come next. */
@Module({ controllers: [MeetingRequestsController], providers: [MeetingRequestsService] })
export class MeetingsModule {}
