import { Controller, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendXlsx } from '../common/xlsx';
import { TRACKING_COLUMNS } from './tracking.export';
import { routes, type TrackingPage } from '@duijie/shared';
import { Roles } from '../access/access.decorators';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { TrackingExportFilterDto, TrackingQueryDto } from './dto/tracking.dto';
import { TrackingService } from './tracking.service';

@Controller()
export class TrackingController {
  constructor(private readonly tracking: TrackingService) {}

  @Endpoint(routes.tracking.agreements)
  @Roles('organiser')
  agreements(@Param('id', ID) id: string, @Query() query: TrackingQueryDto): Promise<TrackingPage> {
    return this.tracking.agreements(id, query);
  }

  /** The same view as a workbook, filtered the same way, every row. */
  @Endpoint(routes.tracking.export)
  @Roles('organiser')
  async export(@Param('id', ID) id: string, @Query() query: TrackingExportFilterDto, @Res() res: Response): Promise<void> {
    const { event, count, pages } = await this.tracking.exportPages(id, query);
    await sendXlsx(res, {
      fileName: `跟踪落实-${event.name}`,
      asciiName: `tracking-${event.id}`,
      rows: count,
      timeZone: event.timeZone,
      sheets: [{ name: '签约项目跟踪', columns: TRACKING_COLUMNS, rows: pages }],
    });
  }
}
