import type { MeetingRequestAnswerInput, MeetingRequestInput } from '@duijie/shared';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { DecisionDto } from '../../common/decision.dto';
import { Trim } from '../../common/validation';

export class MeetingRequestDto implements MeetingRequestInput {
  @IsUUID() toListingId: string;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsUUID() fromListingId?: string | null;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(500) topic: string;
}

export class MeetingRequestAnswerDto extends DecisionDto implements MeetingRequestAnswerInput {}
