import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import {
  routes,
  type DemandGuidance,
  type Page,
  type Survey,
  type SurveyExclusion,
  type SurveyResponse,
  type SurveyResponseRow,
  type SurveySendResult,
} from '@duijie/shared';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import {
  SurveyAnswersDto,
  SurveyCloseDto,
  SurveyConfirmListingDto,
  SurveyDto,
  SurveyExclusionDto,
  SurveyGuidanceDto,
  SurveyResponseListQueryDto,
  SurveySendDto,
  SurveySubmitDto,
  SurveyUpdateDto,
} from './dto/survey.dto';
import { summarySheet } from './summary-workbook';
import { sendXlsx } from '../common/xlsx';
import { SurveysService } from './surveys.service';

@Controller()
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Endpoint(routes.surveys.list)
  @Roles('organiser')
  list(@Param('id', ID) id: string): Promise<Survey[]> {
    return this.surveys.list(id);
  }

  @Endpoint(routes.surveys.create)
  @Roles('organiser')
  create(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SurveyDto): Promise<Survey> {
    return this.surveys.create(principal, id, dto);
  }

  @Endpoint(routes.surveys.get)
  @Roles('organiser')
  get(@Param('id', ID) id: string): Promise<Survey> {
    return this.surveys.get(id);
  }

  @Endpoint(routes.surveys.update)
  @Roles('organiser')
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SurveyUpdateDto): Promise<Survey> {
    return this.surveys.update(principal, id, dto);
  }

  @Endpoint(routes.surveys.send)
  @Roles('organiser')
  send(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SurveySendDto): Promise<SurveySendResult> {
    return this.surveys.send(principal, id, dto);
  }

  @Endpoint(routes.surveys.close)
  @Roles('organiser')
  close(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SurveyCloseDto): Promise<Survey> {
    return this.surveys.close(principal, id, dto);
  }

  @Endpoint(routes.surveys.responses)
  @Roles('organiser')
  responses(@Param('id', ID) id: string, @Query() query: SurveyResponseListQueryDto): Promise<Page<SurveyResponseRow>> {
    return this.surveys.responses(id, query);
  }

  @Endpoint(routes.surveys.summary)
  @Roles('organiser')
  async summary(@Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { survey, timeZone, count, batches } = await this.surveys.summaryRows(id);
    await sendXlsx(res, {
      fileName: `摸底汇总-${survey.title}`,
      asciiName: 'survey-summary',
      rows: count,
      timeZone,
      sheets: [summarySheet(survey, batches)],
    });
  }

  @Endpoint(routes.surveys.publishGuidance)
  @Roles('organiser')
  publishGuidance(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SurveyGuidanceDto): Promise<Survey> {
    return this.surveys.publishGuidance(principal, id, dto);
  }

  @Endpoint(routes.surveys.guidance)
  guidance(@Param('id', ID) id: string): Promise<DemandGuidance> {
    return this.surveys.guidance(id);
  }

  @Endpoint(routes.surveys.mine)
  mine(@CurrentUser() principal: Principal): Promise<SurveyResponse[]> {
    return this.surveys.mine(principal);
  }

  @Endpoint(routes.surveys.response)
  response(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<SurveyResponse> {
    return this.surveys.response(principal, id);
  }

  @Endpoint(routes.surveys.saveAnswers)
  saveAnswers(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SurveyAnswersDto): Promise<SurveyResponse> {
    return this.surveys.saveAnswers(principal, id, dto);
  }

  @Endpoint(routes.surveys.submit)
  submit(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SurveySubmitDto): Promise<SurveyResponse> {
    return this.surveys.submit(principal, id, dto);
  }

  @Endpoint(routes.surveys.confirmListing)
  confirmListing(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SurveyConfirmListingDto): Promise<SurveyResponse> {
    return this.surveys.confirmListing(principal, id, dto);
  }

  @Endpoint(routes.surveys.exclusions)
  @Roles('organiser')
  exclusions(): Promise<SurveyExclusion[]> {
    return this.surveys.exclusions();
  }

  @Endpoint(routes.surveys.exclude)
  @Roles('organiser')
  exclude(@CurrentUser() principal: Principal, @Body() dto: SurveyExclusionDto): Promise<SurveyExclusion> {
    return this.surveys.exclude(principal, dto);
  }

  @Endpoint(routes.surveys.unexclude)
  @Roles('organiser')
  unexclude(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<void> {
    return this.surveys.unexclude(principal, id);
  }
}
