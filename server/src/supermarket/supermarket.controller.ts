import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FinancingApplication, ListingPublic, OverdueByOrganisation, Page } from '@duijie/shared';
import { CurrentUser, OrganisationMembersOnly, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { ApplicationAnswerDto, ApplicationDto, SupermarketQueryDto } from './dto/supermarket.dto';
import { SupermarketService } from './supermarket.service';

@ApiTags('supermarket')
@ApiBearerAuth()
@Controller()
export class SupermarketController {
  constructor(private readonly supermarket: SupermarketService) {}

  /** The shelf: credit and guarantee products of the event, filtered. */
  @Get('events/:id/supermarket')
  shelf(@Param('id', ID) id: string, @Query() query: SupermarketQueryDto): Promise<Page<ListingPublic>> {
    return this.supermarket.shelf(id, query);
  }

  @Post('listings/:id/applications')
  @OrganisationMembersOnly()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  apply(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ApplicationDto): Promise<FinancingApplication> {
    return this.supermarket.apply(principal, id, dto.needListingId);
  }

  @Post('applications/:id/answer')
  @OrganisationMembersOnly()
  @HttpCode(200)
  answer(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ApplicationAnswerDto): Promise<FinancingApplication> {
    return this.supermarket.answer(principal, id, dto);
  }

  @Get('me/applications')
  mine(@CurrentUser() principal: Principal): Promise<FinancingApplication[]> {
    return this.supermarket.mine(principal);
  }

  /** Organisers: unanswered applications past their deadline, per bank. */
  @Get('events/:id/applications/overdue')
  @Roles('organiser')
  overdue(@Param('id', ID) id: string): Promise<OverdueByOrganisation[]> {
    return this.supermarket.overdue(id);
  }
}
