import type { ImportQuery as ImportQueryInput } from '@duijie/shared';
import { IsIn, IsOptional } from 'class-validator';

export class ImportQuery implements ImportQueryInput {
  /** A dry run unless told otherwise: `dryRun=false` imports. */
  @IsOptional() @IsIn(['true', 'false'], { message: 'dryRun must be true or false' }) dryRun?: 'true' | 'false';
}
