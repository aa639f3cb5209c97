import { ID } from '../common/validation';
import { Body, Controller, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendXlsx } from '../common/xlsx';
import { EVENT_COLUMNS, SESSION_COLUMNS } from './events.export';
import { routes, type EventDetail, type MatchEvent, type MatchSession } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { EventDto, EventUpdateDto, SessionDto, SessionTransitionDto, SessionUpdateDto } from './dto/event.dto';
import { EventsService } from './events.service';

@Controller()
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Endpoint(routes.events.list)
  list(@CurrentUser() principal: Principal): Promise<MatchEvent[]> {
    return this.events.list(principal);
  }

  /** The events tab as a workbook: the events, and their sessions. Declared before GET /events/:id. */
  @Endpoint(routes.events.export)
  @Roles('organiser')
  async export(@CurrentUser() principal: Principal, @Res() res: Response): Promise<void> {
    const { events, sessionCount, sessions } = await this.events.exportPages(principal);
    await sendXlsx(res, {
      fileName: '对接活动与场次',
      asciiName: 'events',
      rows: events.length + sessionCount,
      sheets: [
        { name: '活动', columns: EVENT_COLUMNS, rows: events },
        { name: '场次', columns: SESSION_COLUMNS, rows: sessions },
      ],
    });
  }

  @Endpoint(routes.events.create)
  @Roles('organiser')
  create(@CurrentUser() principal: Principal, @Body() dto: EventDto): Promise<MatchEvent> {
    return this.events.create(principal, dto);
  }

  @Endpoint(routes.events.get)
  get(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<EventDetail> {
    return this.events.get(principal, id);
  }

  @Endpoint(routes.events.update)
  @Roles('organiser')
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: EventUpdateDto): Promise<MatchEvent> {
    return this.events.update(principal, id, dto);
  }

  @Endpoint(routes.events.createSession)
  @Roles('organiser')
  createSession(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SessionDto): Promise<MatchSession> {
    return this.events.createSession(principal, id, dto);
  }

  @Endpoint(routes.events.getSession)
  getSession(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<MatchSession> {
    return this.events.getSession(principal, id);
  }

  @Endpoint(routes.events.updateSession)
  @Roles('organiser')
  updateSession(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SessionUpdateDto): Promise<MatchSession> {
    return this.events.updateSession(principal, id, dto);
  }

  @Endpoint(routes.events.transition)
  @Roles('organiser')
  transition(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SessionTransitionDto): Promise<MatchSession> {
    return this.events.transition(principal, id, dto);
  }
}
