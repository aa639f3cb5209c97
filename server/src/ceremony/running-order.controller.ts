import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RunningOrder } from '@duijie/shared';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { CeremonyBatchDto, CeremonyBatchUpdateDto, RunningOrderGenerateDto, RunningOrderSequenceDto, StageDto } from './dto/running-order.dto';
import { RunningOrderService } from './running-order.service';

/** Organisers build the signing ceremony's running order; every answer is the whole order. */
@ApiTags('ceremony')
@ApiBearerAuth()
@Roles('organiser')
@Controller()
export class RunningOrderController {
  constructor(private readonly order: RunningOrderService) {}

  @Get('events/:id/running-order')
  get(@Param('id', ID) id: string): Promise<RunningOrder> {
    return this.order.get(id);
  }

  @Post('events/:id/running-order/batches')
  create(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: CeremonyBatchDto): Promise<RunningOrder> {
    return this.order.create(principal, id, dto);
  }

  @Post('events/:id/running-order/generate')
  generate(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RunningOrderGenerateDto): Promise<RunningOrder> {
    return this.order.generate(principal, id, dto.by);
  }

  @Put('events/:id/running-order/sequence')
  sequence(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: RunningOrderSequenceDto): Promise<RunningOrder> {
    return this.order.sequence(principal, id, dto.batchIds);
  }

  @Put('events/:id/running-order/stage')
  stage(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: StageDto): Promise<RunningOrder> {
    return this.order.stage(principal, id, dto.batchId);
  }

  @Patch('ceremony-batches/:id')
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: CeremonyBatchUpdateDto): Promise<RunningOrder> {
    return this.order.update(principal, id, dto);
  }

  @Delete('ceremony-batches/:id')
  @HttpCode(200)
  remove(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<RunningOrder> {
    return this.order.remove(principal, id);
  }
}
