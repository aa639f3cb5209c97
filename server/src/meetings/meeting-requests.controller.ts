import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { MeetingRequest } from '@duijie/shared';
import { CurrentUser, OrganisationMembersOnly } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { MeetingRequestAnswerDto, MeetingRequestDto } from './dto/meeting-request.dto';
import { MeetingRequestsService } from './meeting-requests.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingRequestsController {
  constructor(private readonly requests: MeetingRequestsService) {}

  @Post('meeting-requests')
  @OrganisationMembersOnly()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(@CurrentUser() principal: Principal, @Body() dto: MeetingRequestDto): Promise<MeetingRequest> {
    return this.requests.create(principal, dto);
  }

  @Get('me/meeting-requests')
  mine(@CurrentUser() principal: Principal): Promise<MeetingRequest[]> {
    return this.requests.mine(principal);
  }

  @Post('meeting-requests/:id/answer')
  @OrganisationMembersOnly()
  @HttpCode(200)
  answer(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: MeetingRequestAnswerDto): Promise<MeetingRequest> {
    return this.requests.answer(principal, id, dto);
  }

  @Post('meeting-requests/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<MeetingRequest> {
    return this.requests.cancel(principal, id);
  }
}
