import { Body, Controller, Param } from '@nestjs/common';
import { routes, type MeetingRequest } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { CurrentUser, OrganisationMembersOnly } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { MeetingRequestAnswerDto, MeetingRequestDto } from './dto/meeting-request.dto';
import { MeetingRequestsService } from './meeting-requests.service';

@Controller()
export class MeetingRequestsController {
  constructor(private readonly requests: MeetingRequestsService) {}

  @Endpoint(routes.meetings.requestCreate)
  @OrganisationMembersOnly()
  create(@CurrentUser() principal: Principal, @Body() dto: MeetingRequestDto): Promise<MeetingRequest> {
    return this.requests.create(principal, dto);
  }

  @Endpoint(routes.meetings.requestsMine)
  mine(@CurrentUser() principal: Principal): Promise<MeetingRequest[]> {
    return this.requests.mine(principal);
  }

  @Endpoint(routes.meetings.requestAnswer)
  @OrganisationMembersOnly()
  answer(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: MeetingRequestAnswerDto): Promise<MeetingRequest> {
    return this.requests.answer(principal, id, dto);
  }

  @Endpoint(routes.meetings.requestCancel)
  cancel(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<MeetingRequest> {
    return this.requests.cancel(principal, id);
  }
}
