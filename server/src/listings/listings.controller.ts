import { ID } from '../common/validation';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { BoardTotals, ListingChange, ListingView, Page } from '@duijie/shared';
import { CurrentUser, OrganisationMembersOnly } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ListingDto, ListingQueryDto, ListingUpdateDto, ListingWithdrawDto } from './dto/listing.dto';
import { ListingsService } from './listings.service';

@ApiTags('listings')
@ApiBearerAuth()
@Controller()
export class ListingsController {
  constructor(private readonly listings: ListingsService) {}

  @Get('sessions/:id/listings')
  list(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Query() query: ListingQueryDto): Promise<Page<ListingView>> {
    return this.listings.list(principal, id, query);
  }

  @Get('sessions/:id/board')
  board(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<BoardTotals> {
    return this.listings.totals(principal, id);
  }

  @Post('sessions/:id/listings')
  @OrganisationMembersOnly()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first response' })
  create(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ListingDto): Promise<ListingView> {
    return this.listings.create(principal, id, dto);
  }

  @Get('listings/:id')
  get(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<ListingView> {
    return this.listings.get(principal, id);
  }

  @Patch('listings/:id')
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ListingUpdateDto): Promise<ListingView> {
    return this.listings.update(principal, id, dto);
  }

  @Post('listings/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ListingWithdrawDto): Promise<ListingView> {
    return this.listings.withdraw(principal, id, dto);
  }

  @Get('listings/:id/history')
  history(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<ListingChange[]> {
    return this.listings.history(principal, id);
  }

  @Get('me/listings')
  mine(@CurrentUser() principal: Principal): Promise<ListingView[]> {
    return this.listings.mine(principal);
  }
}
