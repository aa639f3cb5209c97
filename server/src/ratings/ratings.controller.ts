import { Body, Controller, Param, Query } from '@nestjs/common';
import { routes, type InstitutionRating, type InstitutionRatingSummary, type Page, type RatableDealing } from '@duijie/shared';
import { CurrentUser, OrganisationMembersOnly, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { InstitutionRatingDto, RatingsPageQueryDto } from './dto/ratings.dto';
import { RatingsService } from './ratings.service';

@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  /** Empty for organisations that do not borrow (institutions, organisers). */
  @Endpoint(routes.ratings.ratable)
  ratable(@CurrentUser() principal: Principal): Promise<RatableDealing[]> {
    return this.ratings.ratable(principal);
  }

  /** Enterprises only, on their own dealings (404 for anyone else's). */
  @Endpoint(routes.ratings.rate)
  @OrganisationMembersOnly()
  rate(@CurrentUser() principal: Principal, @Body() dto: InstitutionRatingDto): Promise<InstitutionRating> {
    return this.ratings.rate(principal, dto);
  }

  /** Institutions only: their own ratings, without the raters. */
  @Endpoint(routes.ratings.mine)
  @OrganisationMembersOnly()
  mine(
    @CurrentUser() principal: Principal,
    @Query() query: RatingsPageQueryDto,
  ): Promise<{ summary: InstitutionRatingSummary; ratings: Page<InstitutionRating> }> {
    return this.ratings.mine(principal, query);
  }

  @Endpoint(routes.ratings.forEvent)
  @Roles('organiser')
  forEvent(@Param('id', ID) id: string): Promise<InstitutionRatingSummary[]> {
    return this.ratings.forEvent(id);
  }
}
