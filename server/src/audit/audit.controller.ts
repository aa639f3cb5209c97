import { Controller, Query } from '@nestjs/common';
import { routes, type AuditEntry, type AuditHeadInfo, type AuditVerification, type Page } from '@duijie/shared';
import { Public, Roles } from '../access/access.decorators';
import { Endpoint } from '../common/endpoint';
import { AuditHeadsService } from './audit-heads.service';
import { AuditService } from './audit.service';
import { AuditQuery } from './dto/audit-query.dto';

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
}
