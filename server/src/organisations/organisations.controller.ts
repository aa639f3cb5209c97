import { ID } from '../common/validation';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Organisation, Page } from '@duijie/shared';
import { AllowPending, CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { OrganisationDto, OrganisationQuery, OrganisationUpdateDto, RejectDto } from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: OrganisationQuery): Promise<Page<Organisation>> {
    return this.organisations.list(principal, query);
  }

  @Post()
  @Roles('organiser')
  create(@CurrentUser() principal: Principal, @Body() dto: OrganisationDto): Promise<Organisation> {
    return this.organisations.create(principal, dto);
  }

  /** A pending organisation may read its own registration (the service scopes it). */
  @Get(':id')
  @AllowPending()
  get(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Organisation> {
    return this.organisations.get(principal, id);
  }

  /** A pending organisation's admin may correct its registration while it waits. */
  @Patch(':id')
  @AllowPending()
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: OrganisationUpdateDto): Promise<Organisation> {
    return this.organisations.update(principal, id, dto);
  }

  @Post(':id/approve')
  @Roles('organiser')
  @HttpCode(200)
  approve(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Organisation> {
    return this.organisations.approve(principal, id);
  }

  @Post(':id/reject')
  @Roles('organiser')
  @HttpCode(200)
  reject(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RejectDto): Promise<Organisation> {
    return this.organisations.reject(principal, id, dto.reason);
  }

  @Post(':id/suspend')
  @Roles('organiser')
  @HttpCode(200)
  suspend(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RejectDto): Promise<Organisation> {
    return this.organisations.suspend(principal, id, dto.reason);
  }

  @Post(':id/reinstate')
  @Roles('organiser')
  @HttpCode(200)
  reinstate(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Organisation> {
    return this.organisations.reinstate(principal, id);
  }
}
