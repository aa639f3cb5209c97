import { Controller, Param, Query } from '@nestjs/common';
import { routes, type Match, type MatchCounts } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { CurrentUser } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { MatchCountsQueryDto, MatchesQueryDto } from './dto/matches-query.dto';
import { MatchingService } from './matching.service';

@Controller()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  /** The best eligible counterparts of the listing, each with its score and the reasons behind it; near misses for organisers who ask. */
  @Endpoint(routes.matching.matches)
  matches(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Query() query: MatchesQueryDto): Promise<Match[]> {
    return this.matching.matches(principal, id, query.limit ?? 10, query.lang ?? 'zh-CN', query.includeIneligible === 'true');
  }

  /** Dismisses a recommendation for good (idempotent). */
  @Endpoint(routes.matching.dismiss)
  dismiss(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Param('counterpartId', ID) counterpartId: string): Promise<void> {
    return this.matching.mark(principal, id, counterpartId, 'dismissed', true);
  }

  @Endpoint(routes.matching.bookmark)
  bookmark(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Param('counterpartId', ID) counterpartId: string): Promise<void> {
    return this.matching.mark(principal, id, counterpartId, 'bookmarked', true);
  }

  @Endpoint(routes.matching.unbookmark)
  unbookmark(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Param('counterpartId', ID) counterpartId: string): Promise<void> {
    return this.matching.mark(principal, id, counterpartId, 'bookmarked', false);
  }

  /** Match counts for the listings of a board page. */
  @Endpoint(routes.matching.counts)
  counts(@Param('id', ID) id: string, @Query() query: MatchCountsQueryDto): Promise<MatchCounts> {
    return this.matching.counts(id, query.ids);
  }
}
