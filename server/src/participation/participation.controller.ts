import { ID } from '../common/validation';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Participation } from '@duijie/shared';
import { CurrentUser, OrganisationMembersOnly, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { RejectDto } from '../organisations/dto/organisation.dto';
import { ParticipationDto, ParticipationQuery, SessionInvitationDto } from './dto/participation.dto';
import { ParticipationService } from './participation.service';

@ApiTags('participation')
@ApiBearerAuth()
@Controller()
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @Get('sessions/:id/participants')
  list(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Query() query: ParticipationQuery): Promise<Participation[]> {
    return this.participation.list(principal, id, query);
  }

  @Post('sessions/:id/participants')
  @OrganisationMembersOnly()
  register(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ParticipationDto): Promise<Participation> {
    return this.participation.register(principal, id, dto);
  }

  @Post('sessions/:id/invitations')
  @Roles('organiser')
  invite(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SessionInvitationDto): Promise<Participation> {
    return this.participation.invite(principal, id, dto);
  }

  @Post('participants/:id/approve')
  @Roles('organiser')
  @HttpCode(200)
  approve(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Participation> {
    return this.participation.approve(principal, id);
  }

  @Post('participants/:id/reject')
  @Roles('organiser')
  @HttpCode(200)
  reject(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RejectDto): Promise<Participation> {
    return this.participation.reject(principal, id, dto.reason);
  }

  @Get('me/participations')
  mine(@CurrentUser() principal: Principal): Promise<Participation[]> {
    return this.participation.mine(principal);
  }
}
