import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Availability, FreeSlot, Meeting, MeetingSlot, MeetingStats, ScheduleRun } from '@duijie/shared';
import { CurrentUser, OrganisationMembersOnly, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { AvailabilityDto, BookingDto, PinDto, ScheduleRunDto } from './dto/meeting.dto';
import { MeetingsService } from './meetings.service';
import { ScheduleRunsService } from './schedule-runs.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly runs: ScheduleRunsService,
  ) {}

  /** Starts the scheduler over the session's meetings; follow it on `schedule:progress` or the latest run. */
  @Post('sessions/:id/schedule-runs')
  @HttpCode(202)
  @Roles('organiser')
  startRun(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string, @Body() dto: ScheduleRunDto): Promise<ScheduleRun> {
    return this.runs.start(principal, sessionId, dto);
  }

  @Get('sessions/:id/schedule-runs/latest')
  @Roles('organiser')
  latestRun(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string): Promise<ScheduleRun> {
    return this.runs.latest(principal, sessionId);
  }

  /** Organisers: every meeting of the session; a participant: its own. */
  @Get('sessions/:id/meetings')
  list(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string): Promise<Meeting[]> {
    return this.meetings.list(principal, sessionId);
  }

  @Get('sessions/:id/slots')
  slots(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string): Promise<MeetingSlot[]> {
    return this.meetings.slots(principal, sessionId);
  }

  @Get('sessions/:id/availability')
  availability(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string): Promise<Availability> {
    return this.meetings.availability(principal, sessionId);
  }

  @Put('sessions/:id/availability')
  @OrganisationMembersOnly()
  setAvailability(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string, @Body() dto: AvailabilityDto): Promise<Availability> {
    return this.meetings.setAvailability(principal, sessionId, dto);
  }

  @Get('sessions/:id/availability/:organisationId')
  @Roles('organiser')
  availabilityOf(
    @CurrentUser() principal: Principal,
    @Param('id', ID) sessionId: string,
    @Param('organisationId', ID) organisationId: string,
  ): Promise<Availability> {
    return this.meetings.availability(principal, sessionId, organisationId);
  }

  @Put('sessions/:id/availability/:organisationId')
  @Roles('organiser')
  setAvailabilityOf(
    @CurrentUser() principal: Principal,
    @Param('id', ID) sessionId: string,
    @Param('organisationId', ID) organisationId: string,
    @Body() dto: AvailabilityDto,
  ): Promise<Availability> {
    return this.meetings.setAvailability(principal, sessionId, dto, organisationId);
  }

  @Post('sessions/:id/meetings/publish')
  @HttpCode(200)
  @Roles('organiser')
  publish(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string): Promise<MeetingStats> {
    return this.meetings.publish(principal, sessionId);
  }

  @Get('meetings/:id/free-slots')
  freeSlots(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<FreeSlot[]> {
    return this.meetings.freeSlots(principal, id);
  }

  @Post('meetings/:id/book')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  book(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: BookingDto): Promise<Meeting> {
    return this.meetings.book(principal, id, dto);
  }

  @Post('meetings/:id/release')
  @HttpCode(200)
  release(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Meeting> {
    return this.meetings.release(principal, id);
  }

  @Post('meetings/:id/pin')
  @HttpCode(200)
  @Roles('organiser')
  pin(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: PinDto): Promise<Meeting> {
    return this.meetings.pin(principal, id, dto);
  }

  @Post('meetings/:id/unpin')
  @HttpCode(200)
  @Roles('organiser')
  unpin(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Meeting> {
    return this.meetings.unpin(principal, id);
  }
}
