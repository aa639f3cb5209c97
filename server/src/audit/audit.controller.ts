import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, Page } from '@duijie/shared';
import { Roles } from '../auth/auth.decorators';
import { AuditService, type AuditVerification } from './audit.service';
import { AuditQuery } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

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
