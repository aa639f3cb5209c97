import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import { routes, type EventSummaryPublication, type EventSummaryStatus } from '@duijie/shared';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { attachmentDisposition, safeFileName, sendXlsx } from '../common/xlsx';
import { EventSummaryDownloadQueryDto, EventSummaryPublishDto } from './dto/event-summary.dto';
import { renderSummaryPdf } from './event-summary-pdf';
import { AGREEMENT_COLUMNS, LISTING_COLUMNS, notesSheet, totalsSheet } from './event-summary.rows';
import { EventSummaryService, type SummaryEdition } from './event-summary.service';

/** YYYY-MM-DD HH:mm in the event's time zone. */
function zoned(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Which table it is, in words printed on it. */
function editionWords(e: SummaryEdition): { edition: string; warning: string | null; stem: string; ascii: string } {
  const at = zoned(e.at, e.event.timeZone);
  if (!e.publication) {
    return {
      edition: `预览（未发布） · 数据截至 ${at}`,
      warning: '本表为预览，尚未发布，仅供主办单位核对。',
      stem: `供需对接情况汇总表-${e.event.name}-预览`,
      ascii: `event-summary-${e.event.id}-preview`,
    };
  }
  const v = e.publication.version;
  return {
    edition: `第 ${v} 版 · 发布于 ${at}（数据截至发布时）`,
    warning: e.publication.provisional ? '活动尚未结束时发布，非最终版本。' : null,
    stem: `供需对接情况汇总表-${e.event.name}-第${v}版`,
    ascii: `event-summary-${e.event.id}-v${v}`,
  };
}

@Controller()
export class EventSummaryController {
  constructor(private readonly summary: EventSummaryService) {}

  @Endpoint(routes.eventSummary.status)
  status(@CurrentUser() principal: Principal, @Param('id', ID) eventId: string): Promise<EventSummaryStatus> {
    return this.summary.status(principal, eventId);
  }

  @Endpoint(routes.eventSummary.publish)
  @Roles('organiser')
  publish(@CurrentUser() principal: Principal, @Param('id', ID) eventId: string, @Body() dto: EventSummaryPublishDto): Promise<EventSummaryPublication> {
    return this.summary.publish(principal, eventId, dto);
  }

  @Endpoint(routes.eventSummary.xlsx)
  async xlsx(
    @CurrentUser() principal: Principal,
    @Param('id', ID) eventId: string,
    @Query() query: EventSummaryDownloadQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const edition = await this.summary.edition(principal, eventId, query.version);
    const words = editionWords(edition);
    const totals = this.summary.newTotals();
    await sendXlsx(res, {
      fileName: words.stem,
      asciiName: words.ascii,
      rows: edition.listings + edition.agreements,
      timeZone: edition.event.timeZone,
      sheets: [
        { name: '供需信息', columns: LISTING_COLUMNS, rows: this.summary.listingRows(edition, totals) },
        { name: '签约协议', columns: AGREEMENT_COLUMNS, rows: this.summary.agreementRows(edition, totals) },
        totalsSheet(totals),
        notesSheet([`${edition.event.name} 供需对接情况汇总表`, words.edition, ...(words.warning ? [words.warning] : [])]),
      ],
    });
  }

  @Endpoint(routes.eventSummary.pdf)
  async pdf(
    @CurrentUser() principal: Principal,
    @Param('id', ID) eventId: string,
    @Query() query: EventSummaryDownloadQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const edition = await this.summary.edition(principal, eventId, query.version);
    const words = editionWords(edition);
    const totals = this.summary.newTotals();
    const pdf = await renderSummaryPdf({
      eventName: edition.event.name,
      province: edition.event.province,
      edition: words.edition,
      warning: words.warning,
      printedAt: zoned(edition.at, edition.event.timeZone),
      listings: this.summary.listingRows(edition, totals),
      agreements: this.summary.agreementRows(edition, totals),
      totals,
    });
    res
      .status(200)
      .set({
        'content-type': 'application/pdf',
        'content-disposition': attachmentDisposition(`${words.ascii}.pdf`, `${safeFileName(words.stem)}.pdf`),
        'cache-control': 'no-store',
        'access-control-expose-headers': 'Content-Disposition',
      })
      .send(pdf);
  }
}
