import { INDUSTRY_CHAINS, MAX_TRACKING_PAGE_SIZE, TRACKING_STATES, type TrackingExportFilter, type TrackingQuery, type TrackingState } from '@duijie/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_PAGE } from '../../common/pagination';

export const CHAIN_FILTERS = [...INDUSTRY_CHAINS.map((c) => c.code), 'other'];

export class TrackingQueryDto implements TrackingQuery {
  @IsOptional() @IsUUID() sessionId?: string;
  @IsOptional() @IsIn(CHAIN_FILTERS) chain?: string;
  @IsOptional() @IsUUID() organisationId?: string;
  @IsOptional() @IsUUID() bankId?: string;
  @IsOptional() @IsIn(TRACKING_STATES) state?: TrackingState;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_TRACKING_PAGE_SIZE) pageSize?: number;
}

/** The same filters without paging, for the export. */
export class TrackingExportFilterDto implements TrackingExportFilter {
  @IsOptional() @IsUUID() sessionId?: string;
  @IsOptional() @IsIn(CHAIN_FILTERS) chain?: string;
  @IsOptional() @IsUUID() organisationId?: string;
  @IsOptional() @IsUUID() bankId?: string;
  @IsOptional() @IsIn(TRACKING_STATES) state?: TrackingState;
}
