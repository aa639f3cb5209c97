import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Agreement, AgreementVerification, EventAgreementFigures, LedgerEntry } from '@duijie/shared';
import type { Response } from 'express';
import { CurrentUser, OrganisationMembersOnly, Public, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ID } from '../common/validation';
import { AgreementsService } from './agreements.service';
import { CertificateService } from './certificate.service';
import { AgreementDto, AgreementUpdateDto, SignDto, VerifyQueryDto } from './dto/agreement.dto';
import { LedgerEntryDto, LedgerReopenDto } from './dto/ledger.dto';
import { LedgerService } from './ledger.service';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller()
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly ledger: LedgerService,
    private readonly certificates: CertificateService,
  ) {}

  @Post('sessions/:id/agreements')
  @OrganisationMembersOnly()
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

  /** The printable certificate (PDF) of a signed agreement, for its parties and organisers. */
  @Get('agreements/:id/certificate.pdf')
  async certificate(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { filename, pdf } = await this.certificates.render(principal, id);
    res.set({ 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${filename}"`, 'cache-control': 'no-store' }).send(pdf);
  }

  /** Public check of a certificate: the agreement's id and content hash must both match. */
  @Public()
  @Get('verify/agreements/:id')
  verify(@Param('id', ID) id: string, @Query() query: VerifyQueryDto): Promise<AgreementVerification> {
    return this.certificates.verify(id, query.hash);
  }

  /** Retry with the same Idempotency-Key: the first answer; another body: 422; while the first runs: 409. */
  @Post('agreements/:id/sign')
  @OrganisationMembersOnly()
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

  /** Organisers only: withdraws the performed/terminated entry, with a reason (audited); the ledger is open again. */
  @Post('agreements/:id/ledger/reopen')
  @Roles('organiser')
  @HttpCode(200)
  reopenLedger(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: LedgerReopenDto): Promise<LedgerEntry> {
    return this.ledger.reopen(principal, id, dto);
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
