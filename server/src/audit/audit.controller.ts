import { Controller, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendXlsx } from '../common/xlsx';
import { AUDIT_COLUMNS } from './audit.export';
import { routes, type AuditEntry, type AuditHeadInfo, type AuditVerification, type Page } from '@duijie/shared';
import { Public, Roles } from '../access/access.decorators';
import { Endpoint } from '../common/endpoint';
import { AuditHeadsService } from './audit-heads.service';
import { AuditService } from './audit.service';
import { AuditExportFilter, AuditQuery } from './dto/audit-query.dto';

@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly heads: AuditHeadsService,
  ) {}

  /**
   * Public: the platform's Ed25519 public key and the latest signed head of the chain, for
   * anyone to keep and check later without trusting the database.
   */
  @Public()
  @Endpoint(routes.audit.head)
  head(): Promise<AuditHeadInfo> {
    return this.heads.info();
  }

  /** Recomputes the whole hash chain; names the first record that does not match. */
  @Endpoint(routes.audit.verify)
  @Roles('organiser')
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }

  @Endpoint(routes.audit.list)
  @Roles('organiser')
  list(@Query() query: AuditQuery): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }

  /** The audit log as a workbook, filtered like the list, newest first (times in China Standard Time). */
  @Endpoint(routes.audit.export)
  @Roles('organiser')
  async export(@Query() query: AuditExportFilter, @Res() res: Response): Promise<void> {
    const { count, pages } = await this.audit.exportPages(query);
    await sendXlsx(res, {
      fileName: `审计记录${query.entityType ? `-${query.entityType}` : ''}`,
      asciiName: 'audit',
      rows: count,
      sheets: [{ name: '审计记录', columns: AUDIT_COLUMNS, rows: pages }],
    });
  }
}
