import { Module } from '@nestjs/common';
import { MeetingRequestsController } from './meeting-requests.controller';
import { MeetingRequestsService } from './meeting-requests.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { ScheduleRunsService } from './schedule-runs.service';

/** Negotiation meetings (洽谈): requests and answers, meetings, availability, self-booking, pins and scheduler runs. */
@Module({ controllers: [MeetingRequestsController, MeetingsController], providers: [MeetingRequestsService, MeetingsService, ScheduleRunsService], exports: [MeetingsService] })
export class MeetingsModule {}
