import type { MeetingRequestAnswerInput, MeetingRequestInput } from '@duijie/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class MeetingRequestDto implements MeetingRequestInput {
  @IsUUID() toListingId: string;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsUUID() fromListingId?: string | null;
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) topic: string;
}

export class MeetingRequestAnswerDto implements MeetingRequestAnswerInput {
  @IsBoolean() accept: boolean;
  /** Required to decline: the asker reads it. */
  @ValidateIf((o: MeetingRequestAnswerDto) => o.accept === false || o.reason !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'reason is required to decline' })
  @MaxLength(1000)
  reason?: string;
}
