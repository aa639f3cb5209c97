import { Controller, Param } from '@nestjs/common';
import { routes, type BoardTotals } from '@duijie/shared';
import { CurrentUser } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { BoardQueryService } from './board-query.service';

@Controller()
export class BoardController {
  constructor(private readonly board: BoardQueryService) {}

  @Endpoint(routes.board.totals)
  totals(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<BoardTotals> {
    return this.board.totalsFor(principal, id);
  }
}
