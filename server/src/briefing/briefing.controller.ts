import { Controller, Param, Query, Res } from '@nestjs/common';
import { routes, type Briefing, type Page } from '@duijie/shared';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { BriefingService } from './briefing.service';
import { BriefingListQueryDto } from './dto/briefing.dto';

@Controller()
export class BriefingController {
  constructor(private readonly briefings: BriefingService) {}

  @Endpoint(routes.briefings.list)
  @Roles('organiser')
  list(@Param('id', ID) id: string, @Query() query: BriefingListQueryDto): Promise<Page<Briefing>> {
    return this.briefings.list(id, query);
  }

  @Endpoint(routes.briefings.create)
  @Roles('organiser')
  create(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Briefing> {
    return this.briefings.create(principal, id);
  }

  /** The PDF as made, as an attachment named after the event and number. */
  @Endpoint(routes.briefings.pdf)
  @Roles('organiser')
  async pdf(@Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { briefing, event, data } = await this.briefings.pdf(id);
    const name = `${event.name}-简报第${briefing.seq}期.pdf`;
    res
      .set({
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="briefing-${briefing.seq}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      })
      .send(data);
  }

  @Endpoint(routes.briefings.send)
  @Roles('organiser')
  send(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Briefing> {
    return this.briefings.send(principal, id);
  }
}
