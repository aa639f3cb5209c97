import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Meeting, MeetingStats } from '@duijie/shared';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { AttendanceDto } from './dto/agenda.dto';
import { MeetingAttendanceService } from './meeting-attendance.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingAttendanceController {
  constructor(private readonly attendance: MeetingAttendanceService) {}

  /** Organisers: the meeting was held, or nobody came. Repeating the same mark is harmless. */
  @Post('meetings/:id/attendance')
  @Roles('organiser')
  @HttpCode(200)
  mark(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: AttendanceDto): Promise<Meeting> {
    return this.attendance.mark(principal, id, dto);
  }

  @Get('sessions/:id/meeting-stats')
  @Roles('organiser')
  stats(@Param('id', ID) id: string): Promise<MeetingStats> {
    return this.attendance.stats(id);
  }
}
