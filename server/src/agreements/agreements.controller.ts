import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import { routes, type Agreement, type AgreementVerification, type EventAgreementFigures, type LedgerEntry } from '@duijie/shared';
import type { Response } from 'express';
import { CurrentUser, OrganisationMembersOnly, Public, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { AgreementsService } from './agreements.service';
import { CertificateService } from './certificate.service';
import { AgreementDto, AgreementUpdateDto, SignDto, VerifyQueryDto } from './dto/agreement.dto';
import { LedgerEntryDto, LedgerReopenDto } from './dto/ledger.dto';
import { LedgerService } from './ledger.service';
import { sendXlsx } from '../common/xlsx';
import { AGREEMENT_COLUMNS, agreementTotalsSheet } from './agreements.export';

@Controller()
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly ledger: LedgerService,
    private readonly certificates: CertificateService,
  ) {}

  @Endpoint(routes.agreements.create)
  @OrganisationMembersOnly()
  create(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: AgreementDto): Promise<Agreement> {
    return this.agreements.create(principal, id, dto);
  }

  @Endpoint(routes.agreements.forSession)
  @Roles('organiser')
  forSession(@Param('id', ID) id: string): Promise<Agreement[]> {
    return this.agreements.forSession(id);
  }

  /** The same as a workbook (organisers), with each agreement's ledger sums and a sheet of totals. */
  @Endpoint(routes.agreements.export)
  @Roles('organiser')
  async export(@Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { session, event, count, totals, pages } = await this.agreements.exportPages(id);
    await sendXlsx(res, {
      fileName: `签约协议-${event.name}-${session.title}`,
      asciiName: `agreements-${session.id}`,
      rows: count,
      timeZone: event.timeZone,
      sheets: [{ name: '签约协议', columns: AGREEMENT_COLUMNS, rows: pages }, agreementTotalsSheet(totals)],
    });
  }

  @Endpoint(routes.agreements.mine)
  mine(@CurrentUser() principal: Principal): Promise<Agreement[]> {
    return this.agreements.mine(principal);
  }

  @Endpoint(routes.agreements.get)
  get(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Agreement> {
    return this.agreements.get(principal, id);
  }

  @Endpoint(routes.agreements.update)
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: AgreementUpdateDto): Promise<Agreement> {
    return this.agreements.update(principal, id, dto);
  }

  /** The printable certificate (PDF) of a signed agreement, for its parties and organisers. */
  @Endpoint(routes.agreements.certificate)
  async certificate(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Res() res: Response): Promise<void> {
    const { filename, pdf } = await this.certificates.render(principal, id);
    res.set({ 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${filename}"`, 'cache-control': 'no-store' }).send(pdf);
  }

  /** Public check of a certificate: the agreement's id and content hash must both match. */
  @Public()
  @Endpoint(routes.agreements.verify)
  verify(@Param('id', ID) id: string, @Query() query: VerifyQueryDto): Promise<AgreementVerification> {
    return this.certificates.verify(id, query.hash);
  }

  /** Retry with the same Idempotency-Key: the first answer; another body: 422; while the first runs: 409. */
  @Endpoint(routes.agreements.sign)
  @OrganisationMembersOnly()
  sign(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: SignDto): Promise<Agreement> {
    return this.agreements.sign(principal, id, dto.contentHash);
  }

  /** Follow-up after signing: approved, disbursed or delivered (partial), performed or terminated. */
  @Endpoint(routes.agreements.recordLedger)
  recordLedger(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: LedgerEntryDto): Promise<LedgerEntry> {
    return this.ledger.record(principal, id, dto);
  }

  /** Organisers only: withdraws the performed/terminated entry, with a reason (audited); the ledger is open again. */
  @Endpoint(routes.agreements.reopenLedger)
  @Roles('organiser')
  reopenLedger(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: LedgerReopenDto): Promise<LedgerEntry> {
    return this.ledger.reopen(principal, id, dto);
  }

  @Endpoint(routes.agreements.ledger)
  ledgerOf(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<LedgerEntry[]> {
    return this.ledger.list(principal, id);
  }

  @Endpoint(routes.agreements.figures)
  @Roles('organiser')
  figures(@Param('id', ID) id: string): Promise<EventAgreementFigures> {
    return this.ledger.eventFigures(id);
  }

  @Endpoint(routes.agreements.confirm)
  @Roles('organiser')
  confirm(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Agreement> {
    return this.agreements.confirm(principal, id);
  }
}
