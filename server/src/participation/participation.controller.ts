import { ID } from '../common/validation';
import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { routes, type Participation } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { CurrentUser, OrganisationMembersOnly, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { RejectDto } from '../organisations/dto/organisation.dto';
import { ParticipationDto, ParticipationQuery, SessionInvitationDto } from './dto/participation.dto';
import { ParticipationService } from './participation.service';
import { sendXlsx } from '../common/xlsx';
import { PARTICIPANT_COLUMNS } from './participants.export';

@Controller()
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @Endpoint(routes.participation.list)
  list(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Query() query: ParticipationQuery): Promise<Participation[]> {
    return this.participation.list(principal, id, query);
  }

  /** The same list as a workbook (organisers), filtered the same way. */
  @Endpoint(routes.participation.export)
  @Roles('organiser')
  async export(@Param('id', ID) id: string, @Query() query: ParticipationQuery, @Res() res: Response): Promise<void> {
    const { session, event, count, pages } = await this.participation.exportPages(id, query);
    await sendXlsx(res, {
      fileName: `参会机构-${event.name}-${session.title}`,
      asciiName: `participants-${session.id}`,
      rows: count,
      timeZone: event.timeZone,
      sheets: [{ name: '参会机构', columns: PARTICIPANT_COLUMNS, rows: pages }],
    });
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
