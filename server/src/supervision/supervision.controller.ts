import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendXlsx } from '../common/xlsx';
import { SUPERVISION_COLUMNS } from './supervision.export';
import { CRITICISM_COLUMNS } from './criticism.export';
import { routes, type CriticismCandidate, type CriticismNotice, type Page, type SupervisionIssueResult, type SupervisionNotice } from '@duijie/shared';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { CriticismService } from './criticism.service';
import {
  CriticismPublishDto,
  SupervisionAcknowledgeDto,
  SupervisionExportFilterDto,
  SupervisionIssueDto,
  SupervisionListQueryDto,
} from './dto/supervision.dto';
import { SupervisionService } from './supervision.service';

@Controller()
export class SupervisionController {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly criticism: CriticismService,
  ) {}

  @Endpoint(routes.supervision.issue)
  @Roles('organiser')
  issue(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SupervisionIssueDto): Promise<SupervisionIssueResult> {
    return this.supervision.issue(principal, id, dto);
  }

  @Endpoint(routes.supervision.forEvent)
  @Roles('organiser')
  forEvent(@Param('id', ID) id: string, @Query() query: SupervisionListQueryDto): Promise<Page<SupervisionNotice>> {
    return this.supervision.forEvent(id, query);
  }

  /** The same list as a workbook, every notice the filter keeps. */
  @Endpoint(routes.supervision.export)
  @Roles('organiser')
  async export(@Param('id', ID) id: string, @Query() query: SupervisionExportFilterDto, @Res() res: Response): Promise<void> {
    const { event, count, pages } = await this.supervision.exportPages(id, query);
    await sendXlsx(res, {
      fileName: `督办单-${event.name}`,
      asciiName: `supervision-notices-${event.id}`,
      rows: count,
      timeZone: event.timeZone,
      sheets: [{ name: '督办单', columns: SUPERVISION_COLUMNS, rows: pages }],
    });
  }

  @Endpoint(routes.supervision.mine)
  mine(@CurrentUser() principal: Principal): Promise<SupervisionNotice[]> {
    return this.supervision.mine(principal);
  }

  /** The owing organisation only; a retry of the same acknowledgement is a no-op. */
  @Endpoint(routes.supervision.acknowledge)
  acknowledge(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SupervisionAcknowledgeDto): Promise<SupervisionNotice> {
    return this.supervision.acknowledge(principal, id, dto);
  }

  @Endpoint(routes.supervision.candidates)
  @Roles('organiser')
  candidates(@Param('id', ID) id: string): Promise<CriticismCandidate[]> {
    return this.criticism.candidates(id);
  }

  @Endpoint(routes.supervision.publish)
  @Roles('organiser')
  publish(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: CriticismPublishDto): Promise<CriticismNotice> {
    return this.criticism.publish(principal, id, dto);
  }

  @Endpoint(routes.supervision.notices)
  notices(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<CriticismNotice[]> {
    return this.criticism.list(principal, id);
  }

  /** The published notices as a workbook, for organisers (participants read the notices themselves). */
  @Endpoint(routes.supervision.noticesExport)
  @Roles('organiser')
  async noticesExport(@Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { event, count, pages } = await this.criticism.exportPages(id);
    await sendXlsx(res, {
      fileName: `通报-${event.name}`,
      asciiName: `criticism-notices-${event.id}`,
      rows: count,
      timeZone: event.timeZone,
      sheets: [{ name: '通报', columns: CRITICISM_COLUMNS, rows: pages }],
    });
  }

  @Endpoint(routes.supervision.notice)
  notice(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<CriticismNotice> {
    return this.criticism.get(principal, id);
  }
}
