import type { AuditExportFilter as AuditExportFilterInput, AuditQuery as AuditQueryInput, AuditVerifyOptions } from '@duijie/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
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

/** `full=true` recomputes the whole log; by default the check starts from the head verified last. */
export class AuditVerifyQuery implements AuditVerifyOptions {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  full?: boolean;
}
