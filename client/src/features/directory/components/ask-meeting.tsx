import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { routes, type DirectoryEntryPublic } from '@duijie/shared';
import { call } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { useFailureHandler } from '../../../ui/use-failure';
import { useEventDetail, useMyParticipations } from '../../events/hooks/use-events';
import type { MeetingTarget } from '../../meetings/components/meeting-request-modal';

/**
 * Whether the signed-in user may ask producers of this event for meetings: a user of an approved
 * organisation (not an organiser) with an approved participation in one of the event's sessions,
 * as the meeting request itself requires.
 */
export type MeetingAccess = { anonymous: boolean; mayAsk: boolean; ownOrganisationId: string | null };

export function useMayAskMeetings(eventId: string): MeetingAccess {
  const { me, status } = useAuth();
  const member = status === 'authenticated' && me !== null && me.role !== 'organiser' && me.organisation.status === 'approved';
  const participations = useMyParticipations(member);
  const event = useEventDetail(member && eventId ? eventId : undefined);
  const sessions = new Set((event.data?.sessions ?? []).map((s) => s.id));
  const mayAsk = member && (participations.data ?? []).some((p) => p.status === 'approved' && sessions.has(p.sessionId));
  return { anonymous: status === 'anonymous', mayAsk, ownOrganisationId: me?.organisation.id ?? null };
}

type Props = {
  entry: DirectoryEntryPublic;
  access: MeetingAccess;
  /** Opens the meeting request form (features/meetings) about the producer's listing. */
  onAsk: (target: MeetingTarget) => void;
};

/** 申请洽谈 on an entry: the existing meeting request about the producer's supply listing; anonymous visitors are sent to log in first. */
export function AskMeeting({ entry, access, onAsk }: Props) {
  const { t } = useTranslation();
  const location = useLocation();
  const onFailure = useFailureHandler();
  const [loading, setLoading] = useState(false);
  if (!entry.listingId) return null;
  if (access.anonymous) {
    return (
      <Link to="/login" state={{ from: `${location.pathname}${location.search}` }} data-testid="directory-ask-login">
        {t('directory.askAfterLogin')}
      </Link>
    );
  }
  if (!access.mayAsk || entry.organisationId === access.ownOrganisationId) return null;
  const listingId = entry.listingId;
  const open = async () => {
    setLoading(true);
    try {
      const listing = await call(routes.listings.get, { params: { id: listingId } });
      onAsk({ counterpart: listing, from: null });
    } catch (error) {
      onFailure(error);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button size="small" type="primary" ghost loading={loading} onClick={() => void open()} data-testid="directory-ask">
      {t('directory.ask')}
    </Button>
  );
}
