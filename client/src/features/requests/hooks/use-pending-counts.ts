import { useMe } from '../../../app/auth';
import { useMyMeetingRequests } from '../../meetings/hooks/use-meeting-requests';
import { useMyApplications } from '../../supermarket/hooks/use-supermarket';

export type PendingCounts = { meetings: number; applications: number; overdueApplications: number; total: number };

/** What waits for my organisation's answer: received meeting requests and supermarket applications. */
export function usePendingCounts(): PendingCounts {
  const me = useMe();
  const participant = me.role !== 'organiser';
  const requests = useMyMeetingRequests(participant);
  const applications = useMyApplications(participant);
  const org = me.organisation.id;
  const meetings = (requests.data ?? []).filter((r) => r.status === 'pending' && r.to.organisationId === org).length;
  const received = (applications.data ?? []).filter((a) => a.status === 'pending' && a.offer.organisationId === org);
  return {
    meetings,
    applications: received.length,
    overdueApplications: received.filter((a) => a.overdue).length,
    total: meetings + received.length,
  };
}
