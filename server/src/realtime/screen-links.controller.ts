import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID, Trim } from '../common/validation';
import type { ScreenLink as ScreenLinkView, ScreenLinkCreated } from '@duijie/shared';
import { ScreenLinksService } from './screen-links.service';

export class ScreenLinkDto {
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}

@ApiTags('screen links')
@ApiBearerAuth()
@Controller()
export class ScreenLinksController {
  constructor(private readonly links: ScreenLinksService) {}

  @Post('events/:id/screen-links')
  @Roles('organiser')
  create(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ScreenLinkDto): Promise<ScreenLinkCreated> {
    return this.links.create(principal, id, dto);
  }

  @Get('events/:id/screen-links')
  @Roles('organiser')
  list(@Param('id', ID) id: string): Promise<ScreenLinkView[]> {
    return this.links.list(id);
  }

  @Post('screen-links/:id/revoke')
  @Roles('organiser')
  @HttpCode(200)
  revoke(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<ScreenLinkView> {
    return this.links.revoke(principal, id);
  }
}
