import { ID } from '../common/validation';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { routes, type ListingChange, type ListingView, type Page } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { CurrentUser, OrganisationMembersOnly } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ListingDto, ListingQueryDto, ListingUpdateDto, ListingWithdrawDto } from './dto/listing.dto';
import { ListingsService } from './listings.service';

@Controller()
export class ListingsController {
  constructor(private readonly listings: ListingsService) {}

  @Endpoint(routes.listings.list)
  list(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Query() query: ListingQueryDto): Promise<Page<ListingView>> {
    return this.listings.list(principal, id, query);
  }

  @Endpoint(routes.listings.create)
  @OrganisationMembersOnly()
  create(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ListingDto): Promise<ListingView> {
    return this.listings.create(principal, id, dto);
  }

  @Endpoint(routes.listings.get)
  get(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<ListingView> {
    return this.listings.get(principal, id);
  }

  @Endpoint(routes.listings.update)
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ListingUpdateDto): Promise<ListingView> {
    return this.listings.update(principal, id, dto);
  }

  @Endpoint(routes.listings.withdraw)
  withdraw(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ListingWithdrawDto): Promise<ListingView> {
    return this.listings.withdraw(principal, id, dto);
  }

  @Endpoint(routes.listings.history)
  history(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<ListingChange[]> {
    return this.listings.history(principal, id);
  }

  @Endpoint(routes.listings.mine)
  mine(@CurrentUser() principal: Principal): Promise<ListingView[]> {
    return this.listings.mine(principal);
  }
}
