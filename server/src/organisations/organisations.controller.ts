import { ID } from '../common/validation';
import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendXlsx } from '../common/xlsx';
import { ORGANISATION_COLUMNS } from './organisations.export';
import { routes, type Organisation, type Page } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { AllowPending, CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { OrganisationDto, OrganisationExportQuery, OrganisationQuery, OrganisationUpdateDto, RejectDto } from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

@Controller()
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Endpoint(routes.organisations.list)
  list(@CurrentUser() principal: Principal, @Query() query: OrganisationQuery): Promise<Page<Organisation>> {
    return this.organisations.list(principal, query);
  }

  /** The organisations as a workbook (organisers), filtered like the list. Declared before /organisations/:id. */
  @Endpoint(routes.organisations.export)
  @Roles('organiser')
  async export(@Query() query: OrganisationExportQuery, @Res() res: Response): Promise<void> {
    const { count, pages } = await this.organisations.exportPages(query);
    await sendXlsx(res, {
      fileName: '机构名录',
      asciiName: 'organisations',
      rows: count,
      sheets: [{ name: '机构', columns: ORGANISATION_COLUMNS, rows: pages }],
    });
  }

  @Endpoint(routes.organisations.create)
  @Roles('organiser')
  create(@CurrentUser() principal: Principal, @Body() dto: OrganisationDto): Promise<Organisation> {
    return this.organisations.create(principal, dto);
  }

  /** A pending organisation may read its own registration (the service scopes it). */
  @Endpoint(routes.organisations.get)
  @AllowPending()
  get(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Organisation> {
    return this.organisations.get(principal, id);
  }

  /** A pending organisation's admin may correct its registration while it waits. */
  @Endpoint(routes.organisations.update)
  @AllowPending()
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: OrganisationUpdateDto): Promise<Organisation> {
    return this.organisations.update(principal, id, dto);
  }

  @Endpoint(routes.organisations.approve)
  @Roles('organiser')
  approve(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Organisation> {
    return this.organisations.approve(principal, id);
  }

  @Endpoint(routes.organisations.reject)
  @Roles('organiser')
  reject(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RejectDto): Promise<Organisation> {
    return this.organisations.reject(principal, id, dto.reason);
  }

  @Endpoint(routes.organisations.suspend)
  @Roles('organiser')
  suspend(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RejectDto): Promise<Organisation> {
    return this.organisations.suspend(principal, id, dto.reason);
  }

  @Endpoint(routes.organisations.reinstate)
  @Roles('organiser')
  reinstate(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Organisation> {
    return this.organisations.reinstate(principal, id);
  }
}
