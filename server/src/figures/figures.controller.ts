import { Controller, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { routes, type EventFigures, type InstitutionRow } from '@duijie/shared';
import { CurrentUser, OrganisationMembersOnly, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { sendXlsx } from '../common/xlsx';
import { figuresSheets } from './figures-export';
import { FiguresQueryDto } from './dto/figures.dto';
import { FiguresService } from './figures.service';

@Controller()
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Endpoint(routes.figures.event)
  @Roles('organiser')
  event(@Param('id', ID) id: string, @Query() query: FiguresQueryDto): Promise<EventFigures> {
    return this.figures.figures(id, query);
  }

  /** The same answer's breakdowns as a workbook, a sheet each. */
  @Endpoint(routes.figures.export)
  @Roles('organiser')
  async export(@Param('id', ID) id: string, @Query() query: FiguresQueryDto, @Res() res: Response): Promise<void> {
    const figures = await this.figures.figures(id, query);
    const { rows, sheets } = figuresSheets(figures);
    await sendXlsx(res, { fileName: `对接成效-${figures.eventName}`, asciiName: `results-${id}`, rows, timeZone: figures.timeZone, sheets });
  }

  /** An institution sees its own row and no other's. */
  @Endpoint(routes.figures.mine)
  @OrganisationMembersOnly()
  mine(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<InstitutionRow> {
    return this.figures.institutionRow(id, principal.organisationId);
  }
}
