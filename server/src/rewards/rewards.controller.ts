import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import { routes, type Page, type ProgramProblem, type RewardAward, type RewardProgram, type RewardProgramContent, type RewardRun } from '@duijie/shared';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { attachmentDisposition, sendXlsx } from '../common/xlsx';
import {
  RewardAwardListQueryDto,
  RewardPaymentDto,
  RewardProgramDto,
  RewardProgramUpdateDto,
  RewardRunApproveDto,
  RewardRunDto,
  VersionDto,
} from './dto/rewards.dto';
import { RewardProgramsService } from './reward-programs.service';
import { RewardRunsService } from './reward-runs.service';
import { noticeRows, runSheets } from './rewards.export';
import { criticismPdf, praisePdf, type RewardNoticeData } from './rewards-notices-pdf';

@Controller()
export class RewardsController {
  constructor(
    private readonly programs: RewardProgramsService,
    private readonly runs: RewardRunsService,
  ) {}

  // ---- programs ----

  @Endpoint(routes.rewards.programs)
  @Roles('organiser')
  listPrograms(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<RewardProgram[]> {
    return this.programs.list(principal, id);
  }

  @Endpoint(routes.rewards.createProgram)
  @Roles('organiser')
  createProgram(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RewardProgramDto): Promise<RewardProgram> {
    return this.programs.create(principal, id, dto);
  }

  @Endpoint(routes.rewards.defaultProgram)
  @Roles('organiser')
  defaultProgram(): RewardProgramContent {
    return this.programs.defaultContent();
  }

  @Endpoint(routes.rewards.checkProgram)
  @Roles('organiser')
  checkProgram(@Body() dto: RewardProgramDto): ProgramProblem[] {
    return this.programs.check(dto.content);
  }

  @Endpoint(routes.rewards.program)
  @Roles('organiser')
  program(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<RewardProgram> {
    return this.programs.get(principal, id);
  }

  @Endpoint(routes.rewards.updateProgram)
  @Roles('organiser')
  updateProgram(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RewardProgramUpdateDto): Promise<RewardProgram> {
    return this.programs.update(principal, id, dto);
  }

  @Endpoint(routes.rewards.publishProgram)
  @Roles('organiser')
  publishProgram(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: VersionDto): Promise<RewardProgram> {
    return this.programs.publish(principal, id, dto.version);
  }

  @Endpoint(routes.rewards.newVersion)
  @Roles('organiser')
  newVersion(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<RewardProgram> {
    return this.programs.newVersion(principal, id);
  }

  // ---- runs ----

  @Endpoint(routes.rewards.runs)
  @Roles('organiser')
  listRuns(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<RewardRun[]> {
    return this.runs.runs(principal, id);
  }

  @Endpoint(routes.rewards.compute)
  @Roles('organiser')
  compute(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RewardRunDto): Promise<RewardRun> {
    return this.runs.compute(principal, id, dto.programId);
  }

  @Endpoint(routes.rewards.run)
  @Roles('organiser')
  run(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<RewardRun> {
    return this.runs.get(principal, id);
  }

  @Endpoint(routes.rewards.awards)
  @Roles('organiser')
  awards(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Query() query: RewardAwardListQueryDto): Promise<Page<RewardAward>> {
    return this.runs.awards(principal, id, query);
  }

  /** Within a step-up grant (POST /auth/step-up), as for signing. */
  @Endpoint(routes.rewards.approve)
  @Roles('organiser')
  approve(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RewardRunApproveDto): Promise<RewardRun> {
    return this.runs.approve(principal, id, dto.version);
  }

  @Endpoint(routes.rewards.confirmPayment)
  @Roles('organiser')
  confirmPayment(
    @CurrentUser() principal: Principal,
    @Param('id', ID) id: string,
    @Param('organisationId', ID) organisationId: string,
    @Body() dto: RewardPaymentDto,
  ): Promise<RewardAward> {
    return this.runs.confirmPayment(principal, id, organisationId, dto);
  }

  @Endpoint(routes.rewards.runExport)
  @Roles('organiser')
  async runExport(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { run, event, period, program, awards } = await this.runs.document(principal, id, { approved: false });
    const sheets = runSheets(run, program.content, awards);
    await sendXlsx(res, {
      fileName: `考核奖励-${event.name}-${period.name}-第${run.seq}次计算`,
      asciiName: `reward-run-${run.id}`,
      rows: sheets.reduce((n, s) => n + (s.rows as unknown[]).length, 0),
      timeZone: event.timeZone,
      sheets,
    });
  }

  @Endpoint(routes.rewards.praise)
  @Roles('organiser')
  async praise(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const data = await this.noticeData(principal, id);
    sendPdf(res, await praisePdf(data), `praise-${id}.pdf`, `表扬名单-${data.eventName}-${data.periodName}.pdf`);
  }

  @Endpoint(routes.rewards.criticism)
  @Roles('organiser')
  async criticism(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const data = await this.noticeData(principal, id);
    sendPdf(res, await criticismPdf(data), `criticism-${id}.pdf`, `通报批评-${data.eventName}-${data.periodName}.pdf`);
  }

  /** The caller's organisation's awards in approved runs (an institution sees its own only). */
  @Endpoint(routes.rewards.mine)
  mine(@CurrentUser() principal: Principal): Promise<RewardAward[]> {
    return this.runs.mine(principal);
  }

  private async noticeData(principal: Principal, id: string): Promise<RewardNoticeData> {
    const { run, entity, event, period, program, awards } = await this.runs.document(principal, id, { approved: true });
    return {
      eventName: event.name,
      periodName: period.name,
      periodSpan: { startsOn: period.startsOn, endsOn: period.endsOn },
      runSeq: run.seq,
      approvedAt: run.approvedAt!,
      timeZone: event.timeZone,
      organiserName: await this.runs.organiserName(event),
      ...noticeRows(entity, program.content, awards),
    };
  }
}

function sendPdf(res: Response, pdf: Buffer, ascii: string, readable: string): void {
  res
    .status(200)
    .set({
      'content-type': 'application/pdf',
      'content-disposition': attachmentDisposition(ascii, readable.replace(/[\\/:*?"<>|\s]+/g, '_')),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    })
    .send(pdf);
}
