import { Body, Controller, Param, Query } from '@nestjs/common';
import { routes, type Obligation, type Page } from '@duijie/shared';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { ObligationListQueryDto, ObligationReviewDto } from './dto/obligation.dto';
import { ObligationsService } from './obligations.service';

@Controller()
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  /** The caller's organisation's 待办: what it owes and has not filed, soonest due first. */
  @Endpoint(routes.obligations.mine)
  mine(@CurrentUser() principal: Principal): Promise<Obligation[]> {
    return this.obligations.mine(principal);
  }

  @Endpoint(routes.obligations.forEvent)
  @Roles('organiser')
  forEvent(@Param('id', ID) id: string, @Query() query: ObligationListQueryDto): Promise<Page<Obligation>> {
    return this.obligations.forEvent(id, query);
  }

  /** Accept, or return with a reason; a retry of the same review is a no-op. */
  @Endpoint(routes.obligations.review)
  @Roles('organiser')
  review(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ObligationReviewDto): Promise<Obligation> {
    return this.obligations.review(principal, id, dto);
  }
}
