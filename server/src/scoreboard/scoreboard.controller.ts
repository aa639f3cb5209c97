import { Body, Controller, Param } from '@nestjs/common';
import { routes, type Scoreboard } from '@duijie/shared';
import { CurrentUser, Public, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { ScoreboardSettingsDto } from './dto/scoreboard.dto';
import { ScoreboardService } from './scoreboard.service';

@Controller()
export class ScoreboardController {
  constructor(private readonly scoreboards: ScoreboardService) {}

  /** No login (the global request budget counts anonymous callers by address); 404 for an event not public yet. */
  @Public()
  @Endpoint(routes.rewards.scoreboard)
  scoreboard(@Param('id', ID) id: string): Promise<Scoreboard> {
    return this.scoreboards.scoreboard(id);
  }

  @Endpoint(routes.rewards.scoreboardSettings)
  @Roles('organiser')
  setFigure(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ScoreboardSettingsDto): Promise<Scoreboard> {
    return this.scoreboards.setFigure(principal, id, dto);
  }
}
