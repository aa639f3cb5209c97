import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendXlsx } from '../common/xlsx';
import { PROBLEM_COLUMNS } from './problems.export';
import { DEPARTMENT_COLUMNS, LIAISON_COLUMNS, LIAISON_REPORT_COLUMNS, WEEKLY_SUMMARY_COLUMNS } from './coordination.export';
import {
  routes,
  type Department,
  type Liaison,
  type LiaisonReport,
  type MyLiaisonReports,
  type Page,
  type Problem,
  type WeeklySummary,
  type WeeklySummaryListItem,
} from '@duijie/shared';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import {
  DepartmentDto,
  LiaisonDto,
  LiaisonReportDto,
  LiaisonReportExportFilterDto,
  LiaisonReportListQueryDto,
  ProblemAnswerDto,
  ProblemDto,
  ProblemExportQueryDto,
  ProblemListQueryDto,
  ProblemRouteDto,
  UrgentLiaisonReportDto,
  WeeklySummaryDto,
} from './dto/coordination.dto';
import { LiaisonService } from './liaison.service';
import { ProblemsService } from './problems.service';
import { SummariesService } from './summaries.service';

@Controller()
export class CoordinationController {
  constructor(
    private readonly problems: ProblemsService,
    private readonly liaison: LiaisonService,
    private readonly summaries: SummariesService,
  ) {}

  // ---- departments ----

  @Endpoint(routes.coordination.departments)
  @Roles('organiser')
  departments(@Param('id', ID) id: string): Promise<Department[]> {
    return this.problems.departments(id);
  }

  @Endpoint(routes.coordination.departmentsExport)
  @Roles('organiser')
  async departmentsExport(@Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { event, rows } = await this.problems.exportDepartments(id);
    await sendXlsx(res, {
      fileName: `成员单位-${event.name}`,
      asciiName: `departments-${event.id}`,
      rows: rows.length,
      timeZone: event.timeZone,
      sheets: [{ name: '成员单位', columns: DEPARTMENT_COLUMNS, rows }],
    });
  }

  @Endpoint(routes.coordination.createDepartment)
  @Roles('organiser')
  createDepartment(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: DepartmentDto): Promise<Department> {
    return this.problems.createDepartment(principal, id, dto);
  }

  @Endpoint(routes.coordination.deleteDepartment)
  @Roles('organiser')
  deleteDepartment(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<void> {
    return this.problems.deleteDepartment(principal, id);
  }

  // ---- problems ----

  /** Approved participants of the event (organisers route problems, they do not raise them). */
  @Endpoint(routes.coordination.raise)
  raise(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ProblemDto): Promise<Problem> {
    return this.problems.raise(principal, id, dto);
  }

  @Endpoint(routes.coordination.problems)
  @Roles('organiser')
  problemQueue(@Param('id', ID) id: string, @Query() query: ProblemListQueryDto): Promise<Page<Problem>> {
    return this.problems.forEvent(id, query);
  }

  /** The same queue as a workbook, every problem the filters keep. */
  @Endpoint(routes.coordination.problemsExport)
  @Roles('organiser')
  async problemsExport(@Param('id', ID) id: string, @Query() query: ProblemExportQueryDto, @Res() res: Response): Promise<void> {
    const { event, count, pages } = await this.problems.exportPages(id, query);
    await sendXlsx(res, {
      fileName: `问题协调-${event.name}`,
      asciiName: `problems-${event.id}`,
      rows: count,
      timeZone: event.timeZone,
      sheets: [{ name: '问题协调', columns: PROBLEM_COLUMNS, rows: pages }],
    });
  }

  @Endpoint(routes.coordination.mine)
  mine(@CurrentUser() principal: Principal): Promise<Problem[]> {
    return this.problems.mine(principal);
  }

  @Endpoint(routes.coordination.get)
  get(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Problem> {
    return this.problems.get(principal, id);
  }

  @Endpoint(routes.coordination.route)
  @Roles('organiser')
  route(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ProblemRouteDto): Promise<Problem> {
    return this.problems.route(principal, id, dto);
  }

  /** The department's users, or organisers. */
  @Endpoint(routes.coordination.answer)
  answer(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: ProblemAnswerDto): Promise<Problem> {
    return this.problems.answer(principal, id, dto);
  }

  // ---- liaison officers ----

  @Endpoint(routes.coordination.liaisons)
  @Roles('organiser')
  liaisons(@Param('id', ID) id: string): Promise<Liaison[]> {
    return this.liaison.list(id);
  }

  @Endpoint(routes.coordination.liaisonsExport)
  @Roles('organiser')
  async liaisonsExport(@Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { event, rows } = await this.liaison.exportLiaisons(id);
    await sendXlsx(res, {
      fileName: `重点企业联络员-${event.name}`,
      asciiName: `liaisons-${event.id}`,
      rows: rows.length,
      timeZone: event.timeZone,
      sheets: [{ name: '重点企业联络员', columns: LIAISON_COLUMNS, rows }],
    });
  }

  @Endpoint(routes.coordination.designate)
  @Roles('organiser')
  designate(
    @CurrentUser() principal: Principal,
    @Param('id', ID) id: string,
    @Param('organisationId', ID) organisationId: string,
    @Body() dto: LiaisonDto,
  ): Promise<Liaison> {
    return this.liaison.designate(principal, id, organisationId, dto);
  }

  @Endpoint(routes.coordination.stopLiaison)
  @Roles('organiser')
  stopLiaison(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Param('organisationId', ID) organisationId: string): Promise<void> {
    return this.liaison.stop(principal, id, organisationId);
  }

  /** A user of the organisation that owes the report. */
  @Endpoint(routes.coordination.fileLiaisonReport)
  fileLiaisonReport(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: LiaisonReportDto): Promise<LiaisonReport> {
    return this.liaison.file(principal, id, dto);
  }

  @Endpoint(routes.coordination.urgentLiaisonReport)
  urgentLiaisonReport(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: UrgentLiaisonReportDto): Promise<LiaisonReport> {
    return this.liaison.fileUrgent(principal, id, dto);
  }

  @Endpoint(routes.coordination.liaisonReports)
  @Roles('organiser')
  liaisonReports(@Param('id', ID) id: string, @Query() query: LiaisonReportListQueryDto): Promise<Page<LiaisonReport>> {
    return this.liaison.reports(id, query);
  }

  /** The same reports as a workbook, every one the filter keeps. */
  @Endpoint(routes.coordination.liaisonReportsExport)
  @Roles('organiser')
  async liaisonReportsExport(@Param('id', ID) id: string, @Query() query: LiaisonReportExportFilterDto, @Res() res: Response): Promise<void> {
    const { event, count, pages } = await this.liaison.exportReports(id, query);
    await sendXlsx(res, {
      fileName: `运行报告-${event.name}`,
      asciiName: `liaison-reports-${event.id}`,
      rows: count,
      timeZone: event.timeZone,
      sheets: [{ name: '运行报告', columns: LIAISON_REPORT_COLUMNS, rows: pages }],
    });
  }

  @Endpoint(routes.coordination.myLiaisonReports)
  myLiaisonReports(@CurrentUser() principal: Principal): Promise<MyLiaisonReports> {
    return this.liaison.mine(principal);
  }

  // ---- weekly summaries ----

  @Endpoint(routes.coordination.weeklySummaries)
  @Roles('organiser')
  weeklySummaries(@Param('id', ID) id: string): Promise<WeeklySummaryListItem[]> {
    return this.summaries.list(id);
  }

  @Endpoint(routes.coordination.weeklySummariesExport)
  @Roles('organiser')
  async weeklySummariesExport(@Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { event, count, pages } = await this.summaries.exportPages(id);
    await sendXlsx(res, {
      fileName: `周摘要-${event.name}`,
      asciiName: `weekly-summaries-${event.id}`,
      rows: count,
      timeZone: event.timeZone,
      sheets: [{ name: '周摘要', columns: WEEKLY_SUMMARY_COLUMNS, rows: pages }],
    });
  }

  @Endpoint(routes.coordination.weeklySummary)
  @Roles('organiser')
  weeklySummary(@Param('id', ID) id: string): Promise<WeeklySummary> {
    return this.summaries.get(id);
  }

  @Endpoint(routes.coordination.generateWeeklySummary)
  @Roles('organiser')
  generateWeeklySummary(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: WeeklySummaryDto): Promise<WeeklySummary> {
    return this.summaries.generateNow(principal, id, dto.weekStart);
  }
}
