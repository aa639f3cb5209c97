import { AuthSessionEntity } from '../auth/auth-session.entity';
import { AgreementEntity, AgreementPartyEntity, AgreementSignatureEntity } from '../agreements/agreement.entity';
import { LedgerEntryEntity } from '../agreements/ledger-entry.entity';
import { AuditRecord, AuditTreeHead, AuditTreeNode, AuditTreeState } from '../audit/audit-record.entity';
import { IdempotencyKeyEntity } from '../common/idempotency-key.entity';
import { EventEntity } from '../events/event.entity';
import { SessionEntity } from '../events/session.entity';
import { ListingEntity } from '../listings/listing.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ParticipationEntity } from '../participation/participation.entity';
import { InvitationEntity } from '../users/invitation.entity';
import { UserEntity } from '../users/user.entity';
import { BoardEventEntity } from '../realtime/board-event.entity';
import { BoardSequenceEntity } from '../realtime/board-sequence.entity';
import { ScreenLinkEntity } from '../board/screen-link.entity';
import { ImportJobEntity } from '../import/import-job.entity';
import { CeremonyBatchAgreementEntity, CeremonyBatchEntity } from '../ceremony/ceremony-batch.entity';
import { MatchMarkEntity } from '../matching/match-mark.entity';
import { FinancingApplicationEntity } from '../supermarket/application.entity';
import { MeetingRequestEntity } from '../meetings/meeting-request.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MeetingOutcomeEntity } from '../meetings/meeting-outcome.entity';
import { MeetingSeatEntity } from '../meetings/meeting-seat.entity';
import { MeetingAvailabilityEntity } from '../meetings/meeting-availability.entity';
import { ScheduleRunEntity } from '../meetings/schedule-run.entity';
import { CriticismEntryEntity, CriticismNoticeEntity } from '../supervision/criticism.entity';
import { ObligationMarkEntity } from '../supervision/obligation-mark.entity';
import { SupervisionNoticeEntity } from '../supervision/supervision-notice.entity';
import { ObligationEntity } from '../obligations/obligation.entity';
import { AgreementProgressEntity } from '../agreements/agreement-progress.entity';
import { ObligationSubjectEntity } from '../obligations/obligation-subject.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { FollowUpPlanEntity } from '../follow-up/follow-up-plan.entity';
import { FollowUpScheduleEntity } from '../follow-up/follow-up-schedule.entity';
import { AgreementReportEntity } from '../follow-up/agreement-report.entity';
import { ObligationEvidenceEntity } from '../follow-up/obligation-evidence.entity';
import {
  EventDepartmentEntity,
  LiaisonDesignationEntity,
  LiaisonReportEntity,
  ProblemEntity,
  WeeklySummaryEntity,
} from '../coordination/coordination.entities';
import { SurveyEntity, SurveyExclusionEntity, SurveyResponseEntity } from '../surveys/survey.entity';
import { ProducerDirectoryEntity, ProducerDirectoryEntryEntity } from '../directory/directory.entity';
import { BriefingEntity } from '../briefing/briefing.entity';
import { EventSummaryPublicationEntity } from '../event-summary/event-summary-publication.entity';
import { InstitutionRatingEntity } from '../ratings/institution-rating.entity';
import { RewardPeriodEntity, StatisticsFormEntity, StatisticsFormVersionEntity } from '../statistics/statistics.entity';
import { ScoreboardSettingEntity } from '../scoreboard/scoreboard-setting.entity';
import { RewardAwardEntity, RewardProgramEntity, RewardRunEntity } from '../rewards/rewards.entities';

export const ENTITIES = [
  AuditRecord,
  AuditTreeNode,
  AuditTreeState,
  AuditTreeHead,
  IdempotencyKeyEntity,
  OrganisationEntity,
  UserEntity,
  InvitationEntity,
  EventEntity,
  SessionEntity,
  ParticipationEntity,
  ListingEntity,
  BoardEventEntity,
  BoardSequenceEntity,
  ScreenLinkEntity,
  AgreementEntity,
  AgreementPartyEntity,
  AgreementProgressEntity,
  AgreementSignatureEntity,
  LedgerEntryEntity,
  CeremonyBatchEntity,
  CeremonyBatchAgreementEntity,
  MatchMarkEntity,
  FinancingApplicationEntity,
  MeetingRequestEntity,
  MeetingEntity,
  MeetingSeatEntity,
  MeetingAvailabilityEntity,
  ScheduleRunEntity,
  ImportJobEntity,
  AuthSessionEntity,
  ObligationEntity,
  ObligationSubjectEntity,
  NotificationEntity,
  MeetingOutcomeEntity,
  FollowUpPlanEntity,
  FollowUpScheduleEntity,
  AgreementReportEntity,
  ObligationEvidenceEntity,
  EventDepartmentEntity,
  ProblemEntity,
  LiaisonDesignationEntity,
  LiaisonReportEntity,
  WeeklySummaryEntity,
  SurveyEntity,
  SurveyResponseEntity,
  SurveyExclusionEntity,
  SupervisionNoticeEntity,
  CriticismNoticeEntity,
  CriticismEntryEntity,
  ObligationMarkEntity,
  ProducerDirectoryEntity,
  ProducerDirectoryEntryEntity,
  BriefingEntity,
  EventSummaryPublicationEntity,
  InstitutionRatingEntity,
  RewardPeriodEntity,
  StatisticsFormEntity,
  StatisticsFormVersionEntity,
  ScoreboardSettingEntity,
  RewardProgramEntity,
  RewardRunEntity,
  RewardAwardEntity,
];
