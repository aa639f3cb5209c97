import { Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Match } from '@duijie/shared';
import { CurrentUser } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { MatchCountsQueryDto, MatchesQueryDto } from './dto/matches-query.dto';
import { MatchingService } from './matching.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  /** The best counterparts of the listing, each with its score and the reasons behind it. */
  @Get('listings/:id/matches')
  matches(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Query() query: MatchesQueryDto): Promise<Match[]> {
    return this.matching.matches(principal, id, query.limit ?? 10, query.lang ?? 'zh-CN');
  }

  /** Dismisses a recommendation for good (idempotent). */
  @Put('listings/:id/matches/:counterpartId/dismissed')
  @HttpCode(204)
  dismiss(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Param('counterpartId', ID) counterpartId: string): Promise<void> {
    return this.matching.mark(principal, id, counterpartId, 'dismissed', true);
  }

  @Put('listings/:id/matches/:counterpartId/bookmarked')
  @HttpCode(204)
  bookmark(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Param('counterpartId', ID) counterpartId: string): Promise<void> {
    return this.matching.mark(principal, id, counterpartId, 'bookmarked', true);
  }

  @Delete('listings/:id/matches/:counterpartId/bookmarked')
  @HttpCode(204)
  unbookmark(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Param('counterpartId', ID) counterpartId: string): Promise<void> {
    return this.matching.mark(principal, id, counterpartId, 'bookmarked', false);
  }

  /** Match counts for the listings of a board page. */
  @Get('sessions/:id/match-counts')
  counts(@Param('id', ID) id: string, @Query() query: MatchCountsQueryDto): Promise<Record<string, number>> {
    return this.matching.counts(id, query.ids);
  }
}
