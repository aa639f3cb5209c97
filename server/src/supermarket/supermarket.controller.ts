import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendXlsx } from '../common/xlsx';
import { APPLICATION_COLUMNS, OVERDUE_COLUMNS } from './applications.export';
import { routes, type FinancingApplication, type ListingPublic, type OverdueByOrganisation, type Page } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { CurrentUser, OrganisationMembersOnly, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { ApplicationAnswerDto, ApplicationDto, SupermarketQueryDto } from './dto/supermarket.dto';
import { SupermarketService } from './supermarket.service';

@Controller()
export class SupermarketController {
  constructor(private readonly supermarket: SupermarketService) {}

  /** The shelf: credit and guarantee products of the event, filtered. */
  @Endpoint(routes.supermarket.shelf)
  shelf(@Param('id', ID) id: string, @Query() query: SupermarketQueryDto): Promise<Page<ListingPublic>> {
    return this.supermarket.shelf(id, query);
  }

  @Endpoint(routes.supermarket.apply)
  @OrganisationMembersOnly()
  apply(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ApplicationDto): Promise<FinancingApplication> {
    return this.supermarket.apply(principal, id, dto.needListingId);
  }

  @Endpoint(routes.supermarket.answer)
  @OrganisationMembersOnly()
  answer(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ApplicationAnswerDto): Promise<FinancingApplication> {
    return this.supermarket.answer(principal, id, dto);
  }

  @Endpoint(routes.supermarket.mine)
  mine(@CurrentUser() principal: Principal): Promise<FinancingApplication[]> {
    return this.supermarket.mine(principal);
  }

  /** Organisers: unanswered applications past their deadline, per bank. */
  @Endpoint(routes.supermarket.overdue)
  @Roles('organiser')
  overdue(@Param('id', ID) id: string): Promise<OverdueByOrganisation[]> {
    return this.supermarket.overdue(id);
  }

  /** Every application of the event, and the per-bank table, as a workbook (organisers). */
  @Endpoint(routes.supermarket.export)
  @Roles('organiser')
  async export(@Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { event, count, pages } = await this.supermarket.exportPages(id);
    const perBank = await this.supermarket.overdue(id);
    await sendXlsx(res, {
      fileName: `融资申请-${event.name}`,
      asciiName: `applications-${event.id}`,
      rows: count + perBank.length,
      timeZone: event.timeZone,
      sheets: [
        { name: '融资申请', columns: APPLICATION_COLUMNS, rows: pages },
        { name: '答复情况（按机构）', columns: OVERDUE_COLUMNS, rows: perBank },
      ],
    });
  }
}
