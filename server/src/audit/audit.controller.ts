import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, AuditHeadInfo, Page } from '@duijie/shared';
import { Public, Roles } from '../access/access.decorators';
import { AuditHeadsService } from './audit-heads.service';
import { AuditService, type AuditVerification } from './audit.service';
import { AuditQuery } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
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
  @Get('head')
  head(): Promise<AuditHeadInfo> {
    return this.heads.info();
  }

  /** Recomputes the whole hash chain; names the first record that does not match. */
  @Get('verify')
  @Roles('organiser')
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }

  @Get()
  @Roles('organiser')
  list(@Query() query: AuditQuery): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }
}
