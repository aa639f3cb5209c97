import { Body, Controller, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendXlsx } from '../common/xlsx';
import { RUNNING_ORDER_COLUMNS } from './running-order.export';
import { routes, type RunningOrder } from '@duijie/shared';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { CeremonyBatchDto, CeremonyBatchUpdateDto, RunningOrderGenerateDto, RunningOrderSequenceDto, StageDto } from './dto/running-order.dto';
import { RunningOrderService } from './running-order.service';

/** Organisers build the signing ceremony's running order; every answer is the whole order. */
@Roles('organiser')
@Controller()
export class RunningOrderController {
  constructor(private readonly order: RunningOrderService) {}

  @Endpoint(routes.ceremony.get)
  get(@Param('id', ID) id: string): Promise<RunningOrder> {
    return this.order.get(id);
  }

  /** The running order as a workbook, in the order the batches go on stage. */
  @Endpoint(routes.ceremony.export)
  async export(@Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { event, rows } = await this.order.exportRows(id);
    await sendXlsx(res, {
      fileName: `签约仪式议程-${event.name}`,
      asciiName: `running-order-${event.id}`,
      rows: rows.length,
      timeZone: event.timeZone,
      sheets: [{ name: '签约仪式议程', columns: RUNNING_ORDER_COLUMNS, rows }],
    });
  }

  @Endpoint(routes.ceremony.create)
  create(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: CeremonyBatchDto): Promise<RunningOrder> {
    return this.order.create(principal, id, dto);
  }

  @Endpoint(routes.ceremony.generate)
  generate(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RunningOrderGenerateDto): Promise<RunningOrder> {
    return this.order.generate(principal, id, dto.by);
  }

  @Endpoint(routes.ceremony.sequence)
  sequence(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RunningOrderSequenceDto): Promise<RunningOrder> {
    return this.order.sequence(principal, id, dto.batchIds);
  }

  @Endpoint(routes.ceremony.stage)
  stage(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: StageDto): Promise<RunningOrder> {
    return this.order.stage(principal, id, dto.batchId);
  }

  @Endpoint(routes.ceremony.update)
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: CeremonyBatchUpdateDto): Promise<RunningOrder> {
    return this.order.update(principal, id, dto);
  }

  @Endpoint(routes.ceremony.remove)
  remove(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<RunningOrder> {
    return this.order.remove(principal, id);
  }
}
