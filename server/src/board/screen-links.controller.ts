import { Body, Controller, Param } from '@nestjs/common';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID, Trim } from '../common/validation';
import { routes, type ScreenLink as ScreenLinkView, type ScreenLinkCreated, type ScreenLinkInput } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { ScreenLinksService } from './screen-links.service';

export class ScreenLinkDto implements ScreenLinkInput {
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}

@Controller()
export class ScreenLinksController {
  constructor(private readonly links: ScreenLinksService) {}

  @Endpoint(routes.screenLinks.create)
  @Roles('organiser')
  create(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ScreenLinkDto): Promise<ScreenLinkCreated> {
    return this.links.create(principal, id, dto);
  }

  @Endpoint(routes.screenLinks.list)
  @Roles('organiser')
  list(@Param('id', ID) id: string): Promise<ScreenLinkView[]> {
    return this.links.list(id);
  }

  @Endpoint(routes.screenLinks.revoke)
  @Roles('organiser')
  revoke(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<ScreenLinkView> {
    return this.links.revoke(principal, id);
  }
}
