import { ID } from '../common/validation';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EventDetail, MatchEvent, MatchSession } from '@duijie/shared';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { EventDto, EventUpdateDto, SessionDto, SessionTransitionDto, SessionUpdateDto } from './dto/event.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get('events')
  list(@CurrentUser() principal: Principal): Promise<MatchEvent[]> {
    return this.events.list(principal);
  }

  @Post('events')
  @Roles('organiser')
  create(@CurrentUser() principal: Principal, @Body() dto: EventDto): Promise<MatchEvent> {
    return this.events.create(principal, dto);
  }

  @Get('events/:id')
  get(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<EventDetail> {
    return this.events.get(principal, id);
  }

  @Patch('events/:id')
  @Roles('organiser')
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: EventUpdateDto): Promise<MatchEvent> {
    return this.events.update(principal, id, dto);
  }

  @Post('events/:id/sessions')
  @Roles('organiser')
  createSession(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SessionDto): Promise<MatchSession> {
    return this.events.createSession(principal, id, dto);
  }

  @Get('sessions/:id')
  getSession(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<MatchSession> {
    return this.events.getSession(principal, id);
  }

  @Patch('sessions/:id')
  @Roles('organiser')
  updateSession(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SessionUpdateDto): Promise<MatchSession> {
    return this.events.updateSession(principal, id, dto);
  }

  @Post('sessions/:id/transition')
  @Roles('organiser')
  @HttpCode(200)
  transition(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SessionTransitionDto): Promise<MatchSession> {
    return this.events.transition(principal, id, dto);
  }
}
