import { Controller, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendXlsx } from '../common/xlsx';
import { AUDIT_COLUMNS } from './audit.export';
import { routes, type AuditEntry, type AuditHeadInfo, type AuditVerification, type Page } from '@duijie/shared';
import { Public, Roles } from '../access/access.decorators';
import { Endpoint } from '../common/endpoint';
import { AuditTreeService } from './audit-tree.service';
import { AuditService } from './audit.service';
import { AuditExportFilter, AuditQuery, AuditVerifyQuery } from './dto/audit-query.dto';

@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly tree: AuditTreeService,
  ) {}

  /**
   * Public: the platform's Ed25519 public key and the log's latest signed tree head, for anyone to
   * keep and to check certificates' inclusion proofs against without trusting the database.
   */
  @Public()
  @Endpoint(routes.audit.treeHead)
  treeHead(): Promise<AuditHeadInfo> {
    return this.tree.info();
  }

  /** Checks the log against its latest signed tree head; names the first position that does not match. */
  @Endpoint(routes.audit.verify)
  @Roles('organiser')
  verify(@Query() query: AuditVerifyQuery): Promise<AuditVerification> {
    return this.audit.verify({ full: query.full === true });
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
