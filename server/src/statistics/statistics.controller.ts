import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import { routes, type Page, type RewardPeriod, type StatisticsForm, type StatisticsFormRow } from '@duijie/shared';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { sendXlsx } from '../common/xlsx';
import { RewardPeriodCloseDto, RewardPeriodDto, StatisticsFormDto, StatisticsFormListQueryDto } from './dto/statistics.dto';
import { formSheets } from './statistics-workbook';
import { StatisticsService } from './statistics.service';

@Controller()
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Endpoint(routes.statistics.periods)
  @Roles('organiser')
  periods(@Param('id', ID) id: string): Promise<RewardPeriod[]> {
    return this.statistics.periods(id);
  }

  @Endpoint(routes.statistics.openPeriod)
  @Roles('organiser')
  openPeriod(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RewardPeriodDto): Promise<RewardPeriod> {
    return this.statistics.openPeriod(principal, id, dto);
  }

  @Endpoint(routes.statistics.period)
  @Roles('organiser')
  period(@Param('id', ID) id: string): Promise<RewardPeriod> {
    return this.statistics.period(id);
  }

  @Endpoint(routes.statistics.closePeriod)
  @Roles('organiser')
  closePeriod(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RewardPeriodCloseDto): Promise<RewardPeriod> {
    return this.statistics.closePeriod(principal, id, dto);
  }

  @Endpoint(routes.statistics.forms)
  @Roles('organiser')
  forms(@Param('id', ID) id: string, @Query() query: StatisticsFormListQueryDto): Promise<Page<StatisticsFormRow>> {
    return this.statistics.forms(id, query);
  }

  @Endpoint(routes.statistics.formsExport)
  @Roles('organiser')
  async formsExport(@Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { period, timeZone, count, pages } = await this.statistics.exportForms(id);
    await sendXlsx(res, {
      fileName: `统计报表-${period.name}`,
      asciiName: `statistics-forms-${period.id}`,
      rows: count,
      timeZone,
      sheets: formSheets(period.classes, pages),
    });
  }

  @Endpoint(routes.statistics.mine)
  mine(@CurrentUser() principal: Principal): Promise<StatisticsForm[]> {
    return this.statistics.mine(principal);
  }

  @Endpoint(routes.statistics.form)
  form(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<StatisticsForm> {
    return this.statistics.form(principal, id);
  }

  @Endpoint(routes.statistics.saveDraft)
  saveDraft(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: StatisticsFormDto): Promise<StatisticsForm> {
    return this.statistics.saveDraft(principal, id, dto);
  }

  @Endpoint(routes.statistics.submit)
  submit(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: StatisticsFormDto): Promise<StatisticsForm> {
    return this.statistics.submit(principal, id, dto);
  }
}
