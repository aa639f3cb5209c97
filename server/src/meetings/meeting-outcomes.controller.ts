import { Body, Controller, Param } from '@nestjs/common';
import { routes, type MeetingOutcome } from '@duijie/shared';
import { CurrentUser, OrganisationMembersOnly } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { MeetingOutcomeDto } from './dto/meeting-outcome.dto';
import { MeetingOutcomesService } from './meeting-outcomes.service';

@Controller()
export class MeetingOutcomesController {
  constructor(private readonly outcomes: MeetingOutcomesService) {}

  /** A party's own outcome of the meeting; anybody else gets 404. */
  @Endpoint(routes.meetings.outcome)
  @OrganisationMembersOnly()
  record(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: MeetingOutcomeDto): Promise<MeetingOutcome> {
    return this.outcomes.record(principal, id, dto);
  }
}
