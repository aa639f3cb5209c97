import { ID } from '../common/validation';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { routes, type Participation } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { CurrentUser, OrganisationMembersOnly, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { RejectDto } from '../organisations/dto/organisation.dto';
import { ParticipationDto, ParticipationQuery, SessionInvitationDto } from './dto/participation.dto';
import { ParticipationService } from './participation.service';

@Controller()
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @Endpoint(routes.participation.list)
  list(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Query() query: ParticipationQuery): Promise<Participation[]> {
    return this.participation.list(principal, id, query);
  }

  @Endpoint(routes.participation.register)
  @OrganisationMembersOnly()
  register(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ParticipationDto): Promise<Participation> {
    return this.participation.register(principal, id, dto);
  }

  @Endpoint(routes.participation.invite)
  @Roles('organiser')
  invite(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SessionInvitationDto): Promise<Participation> {
    return this.participation.invite(principal, id, dto);
  }

  @Endpoint(routes.participation.approve)
  @Roles('organiser')
  approve(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Participation> {
    return this.participation.approve(principal, id);
  }

  @Endpoint(routes.participation.reject)
  @Roles('organiser')
  reject(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RejectDto): Promise<Participation> {
    return this.participation.reject(principal, id, dto.reason);
  }

  @Endpoint(routes.participation.mine)
  mine(@CurrentUser() principal: Principal): Promise<Participation[]> {
    return this.participation.mine(principal);
  }
}
