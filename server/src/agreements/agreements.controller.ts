import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Agreement, EventAgreementFigures, LedgerEntry } from '@duijie/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ID } from '../common/validation';
import { AgreementsService } from './agreements.service';
import { AgreementDto, AgreementUpdateDto, SignDto } from './dto/agreement.dto';
import { LedgerEntryDto } from './dto/ledger.dto';
import { LedgerService } from './ledger.service';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller()
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly ledger: LedgerService,
  ) {}

  @Post('sessions/:id/agreements')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: AgreementDto): Promise<Agreement> {
    return this.agreements.create(principal, id, dto);
  }

  @Get('sessions/:id/agreements')
  @Roles('organiser')
  forSession(@Param('id', ID) id: string): Promise<Agreement[]> {
    return this.agreements.forSession(id);
  }

  @Get('me/agreements')
  mine(@CurrentUser() principal: Principal): Promise<Agreement[]> {
    return this.agreements.mine(principal);
  }

  @Get('agreements/:id')
  get(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Agreement> {
    return this.agreements.get(principal, id);
  }

  @Patch('agreements/:id')
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: AgreementUpdateDto): Promise<Agreement> {
    return this.agreements.update(principal, id, dto);
  }

  /** Retry with the same Idempotency-Key: the first answer; another body: 422; while the first runs: 409. */
  @Post('agreements/:id/sign')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  sign(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SignDto): Promise<Agreement> {
    return this.agreements.sign(principal, id, dto.contentHash);
  }

  /** Follow-up after signing: approved, disbursed or delivered (partial), performed or terminated. */
  @Post('agreements/:id/ledger')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  recordLedger(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: LedgerEntryDto): Promise<LedgerEntry> {
    return this.ledger.record(principal, id, dto);
  }

  @Get('agreements/:id/ledger')
  ledgerOf(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<LedgerEntry[]> {
    return this.ledger.list(principal, id);
  }

  @Get('events/:id/agreement-figures')
  @Roles('organiser')
  figures(@Param('id', ID) id: string): Promise<EventAgreementFigures> {
    return this.ledger.eventFigures(id);
  }

  @Post('agreements/:id/confirm')
  @Roles('organiser')
  @HttpCode(200)
  confirm(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Agreement> {
    return this.agreements.confirm(principal, id);
  }
}
