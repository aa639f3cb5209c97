import { ATTENDANCE_STATUSES, type AttendanceInput, type AttendanceStatus } from '@duijie/shared';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class AgendaQueryDto {
  @IsUUID() eventId: string;
  /** Organisers only: whose agenda (default: the caller's organisation). */
  @IsOptional() @IsUUID() organisationId?: string;
}

export class AttendanceDto implements AttendanceInput {
  @IsIn(ATTENDANCE_STATUSES) status: AttendanceStatus;
}
