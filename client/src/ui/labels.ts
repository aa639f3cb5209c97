import { useTranslation } from 'react-i18next';
import type {
  AgreementKind,
  AgreementPartyRole,
  AgreementStatus,
  ApplicationStatus,
  FinancingPurpose,
  GuaranteeRequirement,
  ListingStatus,
  ListingType,
  MatchFactor,
  MeetingMode,
  MeetingRequestStatus,
  MeetingStatus,
  HalfWish,
  UnscheduledReason,
  OrganisationKind,
  OrganisationSize,
  OrganisationStatus,
  ParticipantRole,
  ParticipationStatus,
  RegistrationMode,
  SessionKind,
  SessionStatus,
  UserRole,
} from '@duijie/shared';

export type Labels = {
  orgKind: (value: OrganisationKind) => string;
  orgSize: (value: OrganisationSize) => string;
  orgStatus: (value: OrganisationStatus) => string;
  userRole: (value: UserRole) => string;
  sessionKind: (value: SessionKind) => string;
  sessionStatus: (value: SessionStatus) => string;
  registrationMode: (value: RegistrationMode) => string;
  role: (value: ParticipantRole) => string;
  participationStatus: (value: ParticipationStatus) => string;
  listingType: (value: ListingType) => string;
  listingStatus: (value: ListingStatus) => string;
  purpose: (value: FinancingPurpose) => string;
  guaranteeRequirement: (value: GuaranteeRequirement) => string;
  agreementKind: (value: AgreementKind) => string;
  agreementStatus: (value: AgreementStatus) => string;
  /** A party's role in an agreement: a participant role, or the organiser. */
  partyRole: (value: AgreementPartyRole) => string;
  meetingRequestStatus: (value: MeetingRequestStatus) => string;
  applicationStatus: (value: ApplicationStatus) => string;
  matchFactor: (value: MatchFactor) => string;
  meetingStatus: (value: MeetingStatus) => string;
  meetingMode: (value: MeetingMode) => string;
  halfWish: (value: HalfWish) => string;
  unscheduledReason: (value: UnscheduledReason) => string;
};

/** Translated labels for every domain enum (keys under `enums.*` in the locale files). */
export function useLabels(): Labels {
  const { t } = useTranslation();
  return {
    orgKind: (v) => t(`enums.orgKind.${v}`),
    orgSize: (v) => t(`enums.orgSize.${v}`),
    orgStatus: (v) => t(`enums.orgStatus.${v}`),
    userRole: (v) => t(`enums.userRole.${v}`),
    sessionKind: (v) => t(`enums.sessionKind.${v}`),
    sessionStatus: (v) => t(`enums.sessionStatus.${v}`),
    registrationMode: (v) => t(`enums.registrationMode.${v}`),
    role: (v) => t(`enums.role.${v}`),
    participationStatus: (v) => t(`enums.participationStatus.${v}`),
    listingType: (v) => t(`enums.listingType.${v}`),
    listingStatus: (v) => t(`enums.listingStatus.${v}`),
    purpose: (v) => t(`enums.purpose.${v}`),
    guaranteeRequirement: (v) => t(`enums.guaranteeRequirement.${v}`),
    agreementKind: (v) => t(`enums.agreementKind.${v}`),
    agreementStatus: (v) => t(`enums.agreementStatus.${v}`),
    partyRole: (v) => (v === 'organiser' ? t('agreement.organiserParty') : t(`enums.role.${v}`)),
    meetingRequestStatus: (v) => t(`enums.meetingRequestStatus.${v}`),
    applicationStatus: (v) => t(`enums.applicationStatus.${v}`),
    matchFactor: (v) => t(`enums.matchFactor.${v}`),
    meetingStatus: (v) => t(`enums.meetingStatus.${v}`),
    meetingMode: (v) => t(`enums.meetingMode.${v}`),
    halfWish: (v) => t(`enums.halfWish.${v}`),
    unscheduledReason: (v) => t(`enums.unscheduledReason.${v}`),
  };
}
