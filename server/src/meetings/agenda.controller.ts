import { Controller, Query, Res } from '@nestjs/common';
import { routes, type AgendaItem } from '@duijie/shared';
import type { Response } from 'express';
import { CurrentUser } from '../access/access.decorators';
import { Endpoint } from '../common/endpoint';
import type { Principal } from '../access/principal';
import { AgendaPdfService } from './agenda-pdf.service';
import { buildAgendaCalendar } from './agenda.ics';
import { AgendaService, type Agenda } from './agenda.service';
import { AgendaQueryDto } from './dto/agenda.dto';
import { MeetingOutcomesService } from './meeting-outcomes.service';

/** An attachment's file name: ASCII for old clients, the readable one per RFC 6266 / 5987. */
function disposition(kind: 'attachment' | 'inline', ascii: string, readable: string): string {
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(readable)}`;
}
const fileStem = (agenda: Agenda) => `洽谈日程-${agenda.organisationName}-${agenda.eventName}`.replace(/[\\/:*?"<>|\s]+/g, '_');

@Controller()
export class AgendaController {
  constructor(
    private readonly agendas: AgendaService,
    private readonly pdfs: AgendaPdfService,
    private readonly outcomes: MeetingOutcomesService,
  ) {}

  /** My organisation's published meetings in the event, in time order. */
  @Endpoint(routes.meetings.agenda)
  async agenda(@CurrentUser() principal: Principal, @Query() query: AgendaQueryDto): Promise<AgendaItem[]> {
    return this.outcomes.attach(principal, (await this.agendas.agenda(principal, query.eventId, query.organisationId)).items);
  }

  /** The same as an iCalendar file to import into a calendar app. */
  @Endpoint(routes.meetings.agendaIcs)
  async ics(@CurrentUser() principal: Principal, @Query() query: AgendaQueryDto, @Res() res: Response): Promise<void> {
    const agenda = await this.agendas.agenda(principal, query.eventId, query.organisationId);
    const body = buildAgendaCalendar(agenda.items, { now: new Date(), name: `${agenda.eventName} · ${agenda.organisationName}` });
    res
      .set({
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': disposition('attachment', `agenda-${agenda.eventId}.ics`, `${fileStem(agenda)}.ics`),
        'cache-control': 'no-store',
      })
      .send(Buffer.from(body, 'utf8'));
  }

  /** The same printed on A4 in Chinese. */
  @Endpoint(routes.meetings.agendaPdf)
  async pdf(@CurrentUser() principal: Principal, @Query() query: AgendaQueryDto, @Res() res: Response): Promise<void> {
    const agenda = await this.agendas.agenda(principal, query.eventId, query.organisationId);
    const pdf = await this.pdfs.render(agenda);
    res
      .set({
        'content-type': 'application/pdf',
        'content-disposition': disposition('attachment', `agenda-${agenda.eventId}.pdf`, `${fileStem(agenda)}.pdf`),
        'cache-control': 'no-store',
      })
      .send(pdf);
  }
}
