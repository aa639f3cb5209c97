import type { AuditExportFilter as AuditExportFilterInput, AuditQuery as AuditQueryInput } from '@duijie/shared';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class AuditQuery extends PageQuery implements AuditQueryInput {
  @IsOptional() @IsString() @MaxLength(32) entityType?: string;
  @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @IsOptional() @IsString() @MaxLength(64) action?: string;
}

/** The same filters without paging, for the export. */
export class AuditExportFilter implements AuditExportFilterInput {
  @IsOptional() @IsString() @MaxLength(32) entityType?: string;
  @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @IsOptional() @IsString() @MaxLength(64) action?: string;
}
