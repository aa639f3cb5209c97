import {
  MEETING_MODES,
  REGISTRATION_MODES,
  SESSION_KINDS,
  SESSION_STATUSES,
  type EventInput,
  type MeetingMode,
  type RegistrationMode,
  type SessionInput,
  type SessionKind,
  type SessionStatus,
  type SessionTransitionInput,
  type SessionUpdateInput,
} from '@duijie/shared';
import { PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsDay, IsTimeZone } from '../../common/validators';
import { Trim } from '../../common/validation';

const MAX_YUAN = 1e15;

export class EventDto implements EventInput {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Matches(/^\d{2}0000$/, { message: 'province must be a GB/T 2260 province code such as 630000' }) province: string;
  @IsDay() startDate: string;
  @IsDay() endDate: string;
  @IsInt({ message: 'targetAmount must be a whole number of yuan' }) @Min(0) @Max(MAX_YUAN) targetAmount: number;
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @IsOptional() @IsInt() @Min(1) @Max(720) applicationAnswerHours?: number;
  @IsOptional() @IsInt() @Min(1) @Max(720) meetingAnswerHours?: number;
  /** May be left out (the service applies Asia/Shanghai), not null. */
  @ValidateIf((_o, v) => v !== undefined) @IsTimeZone() timeZone?: string;
}

export class EventUpdateDto extends PartialType(EventDto) {}

export class SessionDto implements SessionInput {
  @IsIn(SESSION_KINDS) kind: SessionKind;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) leadDepartment: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) venue: string;
  @IsISO8601({ strict: true }) startsAt: string;
  @IsISO8601({ strict: true }) endsAt: string;
  @IsInt() @Min(5) @Max(240) slotMinutes: number;
  @IsInt() @Min(1) @Max(500) tableCount: number;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsISO8601({ strict: true }) ceremonyAt?: string | null;
  @IsIn(REGISTRATION_MODES) registrationMode: RegistrationMode;
  @IsOptional() @IsIn(MEETING_MODES) meetingMode?: MeetingMode;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsISO8601({ strict: true }) breakStartsAt?: string | null;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsISO8601({ strict: true }) breakEndsAt?: string | null;
}

export class SessionUpdateDto extends PartialType(SessionDto) implements SessionUpdateInput {
  @IsInt() @Min(1) version: number;
}

export class SessionTransitionDto implements SessionTransitionInput {
  @IsIn(SESSION_STATUSES) to: SessionStatus;
  @IsInt() @Min(1) version: number;
}
