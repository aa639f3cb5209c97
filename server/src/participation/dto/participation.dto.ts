import {
  PARTICIPANT_ROLES,
  PARTICIPATION_STATUSES,
  type ParticipantRole,
  type ParticipationInput,
  type ParticipationStatus,
  type SessionInvitationInput,
} from '@duijie/shared';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class ParticipationDto implements ParticipationInput {
  @IsIn(PARTICIPANT_ROLES) role: ParticipantRole;
}

export class SessionInvitationDto implements SessionInvitationInput {
  @IsUUID() organisationId: string;
  @IsIn(PARTICIPANT_ROLES) role: ParticipantRole;
}

export class ParticipationQuery {
  @IsOptional() @IsIn(PARTICIPATION_STATUSES) status?: ParticipationStatus;
}
