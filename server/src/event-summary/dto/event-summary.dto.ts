import type { EventSummaryDownloadQuery, EventSummaryPublishInput } from '@duijie/shared';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class EventSummaryPublishDto implements EventSummaryPublishInput {
  @IsOptional() @IsBoolean() notFinal?: boolean;
}

export class EventSummaryDownloadQueryDto implements EventSummaryDownloadQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) version?: number;
}
