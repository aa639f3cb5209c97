import { MEETING_OUTCOME_NOTE_MAX, MEETING_OUTCOMES, type MeetingOutcomeInput, type MeetingOutcomeKind } from '@duijie/shared';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/validation';

export class MeetingOutcomeDto implements MeetingOutcomeInput {
  @IsIn(MEETING_OUTCOMES) outcome: MeetingOutcomeKind;
  @IsOptional() @Trim() @IsString() @MaxLength(MEETING_OUTCOME_NOTE_MAX) note?: string;
  @IsInt() @Min(0) @Max(1_000_000) version: number;
}
