import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../common/clock';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { ScoreboardSettingEntity } from './scoreboard-setting.entity';
import { ScoreboardController } from './scoreboard.controller';
import { ScoreboardGateway } from './scoreboard.gateway';
import { ScoreboardLive } from './scoreboard-live';
import { ScoreboardService } from './scoreboard.service';

/** The public scoreboard (排行榜) of an event's banks, ranked by the figure organisers choose, refreshed live. */
@Module({
  imports: [TypeOrmModule.forFeature([ScoreboardSettingEntity]), AuditModule, ClockModule, UnitOfWorkModule],
  controllers: [ScoreboardController],
  providers: [ScoreboardService, ScoreboardLive, ScoreboardGateway],
})
export class ScoreboardModule {}
