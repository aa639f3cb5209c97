import { Module } from '@nestjs/common';
import { MeetingRequestsController } from './meeting-requests.controller';
import { MeetingRequestsService } from './meeting-requests.service';
import { MeetingsService } from './meetings.service';

/** Negotiation meetings (洽谈): requests and answers so far; scheduling, agendas and the table plan come next. */
@Module({ controllers: [MeetingRequestsController], providers: [MeetingRequestsService, MeetingsService], exports: [MeetingsService] })
export class MeetingsModule {}
