import { Body, Controller, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendXlsx } from '../common/xlsx';
import { meetingColumns } from './meetings.export';
import { routes, type Availability, type FreeSlot, type Meeting, type MeetingSlot, type MeetingStats, type ScheduleRun } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { CurrentUser, OrganisationMembersOnly, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { AvailabilityDto, BookingDto, PinDto, ScheduleRunDto } from './dto/meeting.dto';
import { MeetingOutcomesService } from './meeting-outcomes.service';
import { MeetingsService } from './meetings.service';
import { ScheduleRunsService } from './schedule-runs.service';

@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly runs: ScheduleRunsService,
    private readonly outcomes: MeetingOutcomesService,
  ) {}

  /** Starts the scheduler over the session's meetings; follow it on `schedule:progress` or the latest run. */
  @Endpoint(routes.meetings.scheduleRunStart)
  @Roles('organiser')
  startRun(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string, @Body() dto: ScheduleRunDto): Promise<ScheduleRun> {
    return this.runs.start(principal, sessionId, dto);
  }

  @Endpoint(routes.meetings.scheduleRunLatest)
  @Roles('organiser')
  latestRun(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string): Promise<ScheduleRun> {
    return this.runs.latest(principal, sessionId);
  }

  /** Organisers: every meeting of the session; a participant: its own. */
  @Endpoint(routes.meetings.list)
  async list(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string): Promise<Meeting[]> {
    return this.outcomes.attach(principal, await this.meetings.list(principal, sessionId));
  }

  /** Every meeting of the session as a workbook (organisers), with both parties' outcomes. */
  @Endpoint(routes.meetings.export)
  @Roles('organiser')
  async export(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string, @Res() res: Response): Promise<void> {
    const { session, event, count, pages } = await this.meetings.exportPages(sessionId);
    const outcomes = this.outcomes;
    async function* withOutcomes(): AsyncIterable<Meeting[]> {
      for await (const page of pages) yield await outcomes.attach(principal, page);
    }
    await sendXlsx(res, {
      fileName: `洽谈安排-${event.name}-${session.title}`,
      asciiName: `meetings-${session.id}`,
      rows: count,
      timeZone: event.timeZone,
      sheets: [{ name: '洽谈安排', columns: meetingColumns(), rows: withOutcomes() }],
    });
  }

  @Endpoint(routes.meetings.slots)
  slots(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string): Promise<MeetingSlot[]> {
    return this.meetings.slots(principal, sessionId);
  }

  @Endpoint(routes.meetings.availability)
  availability(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string): Promise<Availability> {
    return this.meetings.availability(principal, sessionId);
  }

  @Endpoint(routes.meetings.availabilitySet)
  @OrganisationMembersOnly()
  setAvailability(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string, @Body() dto: AvailabilityDto): Promise<Availability> {
    return this.meetings.setAvailability(principal, sessionId, dto);
  }

  @Endpoint(routes.meetings.availabilityOf)
  @Roles('organiser')
  availabilityOf(
    @CurrentUser() principal: Principal,
    @Param('id', ID) sessionId: string,
    @Param('organisationId', ID) organisationId: string,
  ): Promise<Availability> {
    return this.meetings.availability(principal, sessionId, organisationId);
  }

  @Endpoint(routes.meetings.availabilitySetOf)
  @Roles('organiser')
  setAvailabilityOf(
    @CurrentUser() principal: Principal,
    @Param('id', ID) sessionId: string,
    @Param('organisationId', ID) organisationId: string,
    @Body() dto: AvailabilityDto,
  ): Promise<Availability> {
    return this.meetings.setAvailability(principal, sessionId, dto, organisationId);
  }

  @Endpoint(routes.meetings.publish)
  @Roles('organiser')
  publish(@CurrentUser() principal: Principal, @Param('id', ID) sessionId: string): Promise<MeetingStats> {
    return this.meetings.publish(principal, sessionId);
  }

  @Endpoint(routes.meetings.freeSlots)
  freeSlots(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<FreeSlot[]> {
    return this.meetings.freeSlots(principal, id);
  }

  @Endpoint(routes.meetings.book)
  book(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: BookingDto): Promise<Meeting> {
    return this.meetings.book(principal, id, dto);
  }

  @Endpoint(routes.meetings.release)
  release(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Meeting> {
    return this.meetings.release(principal, id);
  }

  @Endpoint(routes.meetings.pin)
  @Roles('organiser')
  pin(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: PinDto): Promise<Meeting> {
    return this.meetings.pin(principal, id, dto);
  }

  @Endpoint(routes.meetings.unpin)
  @Roles('organiser')
  unpin(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Meeting> {
    return this.meetings.unpin(principal, id);
  }
}
