import type { NotificationListQuery } from '@duijie/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination';

/** `unread=true|false` in the query string. */
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class NotificationListQueryDto extends PageQuery implements NotificationListQuery {
  @IsOptional() @Transform(bool) @IsBoolean() unread?: boolean;
}
