import { Body, Controller, Param } from '@nestjs/common';
import { routes, type Meeting, type MeetingStats } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { AttendanceDto } from './dto/agenda.dto';
import { MeetingAttendanceService } from './meeting-attendance.service';

@Controller()
export class MeetingAttendanceController {
  constructor(private readonly attendance: MeetingAttendanceService) {}

  /** Organisers: the meeting was held, or nobody came. Repeating the same mark is harmless. */
  @Endpoint(routes.meetings.attendance)
  @Roles('organiser')
  mark(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: AttendanceDto): Promise<Meeting> {
    return this.attendance.mark(principal, id, dto);
  }

  @Endpoint(routes.meetings.stats)
  @Roles('organiser')
  stats(@Param('id', ID) id: string): Promise<MeetingStats> {
    return this.attendance.stats(id);
  }
}
