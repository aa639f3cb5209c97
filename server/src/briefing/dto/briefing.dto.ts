import type { BriefingListQuery } from '@duijie/shared';
import { PageQuery } from '../../common/pagination';

/** A page of an event's briefings, newest first. */
export class BriefingListQueryDto extends PageQuery implements BriefingListQuery {}
