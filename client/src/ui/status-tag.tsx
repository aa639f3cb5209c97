import { Tag } from 'antd';
import type {
  AgreementStatus,
  ApplicationStatus,
  MeetingRequestStatus,
  MeetingStatus,
  ListingStatus,
  OrganisationStatus,
  ParticipationStatus,
  SessionStatus,
} from '@duijie/shared';
import { useTranslation } from 'react-i18next';
import { useLabels } from './labels';

const SESSION_COLOURS: Record<SessionStatus, string> = {
  draft: 'default',
  registration: 'blue',
  live: 'green',
  signing: 'gold',
  follow_up: 'purple',
  closed: 'default',
};

const PARTICIPATION_COLOURS: Record<ParticipationStatus, string> = {
  invited: 'cyan',
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

const ORG_COLOURS: Record<OrganisationStatus, string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
  suspended: 'volcano',
};

const LISTING_COLOURS: Record<ListingStatus, string> = { open: 'green', withdrawn: 'default' };

type SessionProps = { status: SessionStatus };
export function SessionStatusTag({ status }: SessionProps) {
  const labels = useLabels();
  return (
    <Tag color={SESSION_COLOURS[status]} data-status={status}>
      {labels.sessionStatus(status)}
    </Tag>
  );
}

type ParticipationProps = { status: ParticipationStatus };
export function ParticipationStatusTag({ status }: ParticipationProps) {
  const labels = useLabels();
  return <Tag color={PARTICIPATION_COLOURS[status]}>{labels.participationStatus(status)}</Tag>;
}

type OrgProps = { status: OrganisationStatus };
export function OrganisationStatusTag({ status }: OrgProps) {
  const labels = useLabels();
  return <Tag color={ORG_COLOURS[status]}>{labels.orgStatus(status)}</Tag>;
}

type ListingProps = { status: ListingStatus };
export function ListingStatusTag({ status }: ListingProps) {
  const labels = useLabels();
  return <Tag color={LISTING_COLOURS[status]}>{labels.listingStatus(status)}</Tag>;
}

const AGREEMENT_COLOURS: Record<AgreementStatus, string> = { drafting: 'orange', signed: 'blue', confirmed: 'green' };

type AgreementProps = { status: AgreementStatus };
export function AgreementStatusTag({ status }: AgreementProps) {
  const labels = useLabels();
  return (
    <Tag color={AGREEMENT_COLOURS[status]} data-status={status}>
      {labels.agreementStatus(status)}
    </Tag>
  );
}

const MEETING_REQUEST_COLOURS: Record<MeetingRequestStatus, string> = {
  pending: 'orange',
  accepted: 'green',
  declined: 'red',
  expired: 'default',
  cancelled: 'default',
};

type MeetingRequestProps = { status: MeetingRequestStatus };
export function MeetingRequestStatusTag({ status }: MeetingRequestProps) {
  const labels = useLabels();
  return (
    <Tag color={MEETING_REQUEST_COLOURS[status]} data-status={status} data-testid="meeting-request-status">
      {labels.meetingRequestStatus(status)}
    </Tag>
  );
}

const APPLICATION_COLOURS: Record<ApplicationStatus, string> = {
  pending: 'orange',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'default',
};

type ApplicationProps = { status: ApplicationStatus };
export function ApplicationStatusTag({ status }: ApplicationProps) {
  const labels = useLabels();
  return (
    <Tag color={APPLICATION_COLOURS[status]} data-status={status} data-testid="application-status">
      {labels.applicationStatus(status)}
    </Tag>
  );
}

const MEETING_COLOURS: Record<MeetingStatus, string> = {
  unscheduled: 'orange',
  scheduled: 'blue',
  held: 'green',
  no_show: 'red',
  cancelled: 'default',
};

type MeetingProps = { status: MeetingStatus; published?: boolean };
/** A meeting's status; a scheduled meeting not yet published says so. */
export function MeetingStatusTag({ status, published = true }: MeetingProps) {
  const labels = useLabels();
  const { t } = useTranslation();
  return (
    <Tag color={MEETING_COLOURS[status]} data-status={status} data-published={String(published)} data-testid="meeting-status">
      {labels.meetingStatus(status)}
      {status === 'scheduled' && !published ? ` · ${t('meetingPlan.unpublished')}` : ''}
    </Tag>
  );
}
