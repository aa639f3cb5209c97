import { SCOREBOARD_FIGURES, type ScoreboardFigure, type ScoreboardSettingsInput } from '@duijie/shared';
import { IsIn } from 'class-validator';

export class ScoreboardSettingsDto implements ScoreboardSettingsInput {
  @IsIn(SCOREBOARD_FIGURES)
  figure: ScoreboardFigure;
}
