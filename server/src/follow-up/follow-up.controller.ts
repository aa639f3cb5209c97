import { Body, Controller, Param, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { routes, type AgreementFollowUp, type EvidenceFile, type FollowUpPlan, type ObligationReports } from '@duijie/shared';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { AgreementReportDto, FollowUpPlanDto } from './dto/follow-up.dto';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { EvidenceService, type EvidenceUpload } from './evidence.service';
import { FollowUpService } from './follow-up.service';
import { ReportsService } from './reports.service';

@Controller()
export class FollowUpController {
  constructor(
    private readonly followUp: FollowUpService,
    private readonly reports: ReportsService,
    private readonly evidence: EvidenceService,
  ) {}

  @Endpoint(routes.followUp.plan)
  @Roles('organiser')
  plan(@Param('id', ID) id: string): Promise<FollowUpPlan> {
    return this.followUp.plan(id);
  }

  @Endpoint(routes.followUp.setPlan)
  @Roles('organiser')
  setPlan(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: FollowUpPlanDto): Promise<FollowUpPlan> {
    return this.followUp.setPlan(principal, id, dto);
  }

  /** Only a user of the organisation that owes the report (403 for anyone else, organisers included). */
  @Endpoint(routes.followUp.fileReport)
  fileReport(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: AgreementReportDto): Promise<ObligationReports> {
    return this.reports.file(principal, id, dto);
  }

  @Endpoint(routes.followUp.reports)
  reportsOf(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<ObligationReports> {
    return this.reports.reports(principal, id);
  }

  @Endpoint(routes.followUp.agreement)
  agreement(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<AgreementFollowUp> {
    return this.followUp.forAgreement(principal, id);
  }

  /** One PDF, PNG or JPEG in the multipart field `file`, by the organisation that owes the report. */
  @Endpoint(routes.followUp.uploadEvidence)
  @UseInterceptors(EvidenceUploadInterceptor)
  uploadEvidence(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @UploadedFile() file: EvidenceUpload | undefined): Promise<EvidenceFile> {
    return this.evidence.upload(principal, id, file);
  }

  @Endpoint(routes.followUp.evidence)
  evidenceOf(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<EvidenceFile[]> {
    return this.evidence.list(principal, id);
  }

  /** The bytes as stored, as an attachment: never rendered inline, never sniffed into another type. */
  @Endpoint(routes.followUp.evidenceFile)
  async evidenceFile(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { evidence, data } = await this.evidence.download(principal, id);
    const ascii = evidence.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    res
      .set({
        'content-type': evidence.contentType,
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(evidence.name)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      })
      .send(data);
  }

  @Endpoint(routes.followUp.deleteEvidence)
  deleteEvidence(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<void> {
    return this.evidence.remove(principal, id);
  }
}
