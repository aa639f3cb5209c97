import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { RealtimeModule } from '../realtime/realtime.module';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { EventsModule } from '../events/events.module';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AgendaPdfService } from './agenda-pdf.service';
import { AgendaController } from './agenda.controller';
import { AgendaService } from './agenda.service';
import { MeetingAttendanceController } from './meeting-attendance.controller';
import { MeetingAttendanceService } from './meeting-attendance.service';
import { MeetingRequestsController } from './meeting-requests.controller';
import { MeetingRequestsService } from './meeting-requests.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { MeetingOutcomesController } from './meeting-outcomes.controller';
import { MeetingOutcomesService } from './meeting-outcomes.service';
import { ScheduleRunsService } from './schedule-runs.service';

/** Negotiation meetings (洽谈): requests and answers, meetings, availability, self-booking, pins, scheduler runs, agendas (JSON, .ics, PDF), attendance and figures. */
@Module({
  imports: [AuditModule, RealtimeModule, UnitOfWorkModule, EventsModule, JobsModule, NotificationsModule, ClockModule],
  controllers: [MeetingRequestsController, MeetingsController, AgendaController, MeetingAttendanceController, MeetingOutcomesController],
  providers: [MeetingRequestsService, MeetingsService, ScheduleRunsService, AgendaService, AgendaPdfService, MeetingAttendanceService, MeetingOutcomesService],
  exports: [MeetingsService, MeetingOutcomesService],
})
export class MeetingsModule {}
