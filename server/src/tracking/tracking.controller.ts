import { Controller, Param, Query } from '@nestjs/common';
import { routes, type TrackingPage } from '@duijie/shared';
import { Roles } from '../access/access.decorators';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { TrackingQueryDto } from './dto/tracking.dto';
import { TrackingService } from './tracking.service';

@Controller()
export class TrackingController {
  constructor(private readonly tracking: TrackingService) {}

  @Endpoint(routes.tracking.agreements)
  @Roles('organiser')
  agreements(@Param('id', ID) id: string, @Query() query: TrackingQueryDto): Promise<TrackingPage> {
    return this.tracking.agreements(id, query);
  }
}
