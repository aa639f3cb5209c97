import type { AuditQuery as AuditQueryInput } from '@duijie/shared';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class AuditQuery extends PageQuery implements AuditQueryInput {
  @IsOptional() @IsString() @MaxLength(32) entityType?: string;
  @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @IsOptional() @IsString() @MaxLength(64) action?: string;
}
