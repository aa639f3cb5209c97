import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Page } from '@duijie/shared';

/** Far past any real list, and small enough that the offset stays an exact integer. */
export const MAX_PAGE = 100_000;

export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export function pageOf<T>(items: T[], total: number, query: PageQuery): Page<T> {
  return { items, total, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
}

export function skipTake(query: PageQuery): { skip: number; take: number } {
  const pageSize = query.pageSize ?? 20;
  return { skip: ((query.page ?? 1) - 1) * pageSize, take: pageSize };
}
