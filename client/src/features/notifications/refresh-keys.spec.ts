import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '@duijie/shared';
import { keys } from '../../api/keys';
import { refreshKeysFor } from './refresh-keys';

const eventId = 'e1';

describe('what a live notification refreshes', () => {
  it('refreshes something for every kind, with or without an event', () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect({ kind, refreshed: refreshKeysFor({ kind, eventId }).length > 0 }).toEqual({ kind, refreshed: true });
    }
    // Without an event, no key is made of a missing id.
    const parts = NOTIFICATION_KINDS.flatMap((kind) => refreshKeysFor({ kind, eventId: null }).flat());
    expect(parts.filter((part) => part === null || part === undefined || part === '')).toEqual([]);
  });

  it('refreshes the 待办 for whatever is owed, returned, overdue or under supervision', () => {
    for (const kind of ['obligation.owed', 'obligation.returned', 'obligation.overdue', 'supervision.issued', 'survey.sent', 'problem.routed'] as const) {
      expect(refreshKeysFor({ kind, eventId })).toContainEqual(keys.myObligations);
    }
    expect(refreshKeysFor({ kind: 'supervision.issued', eventId })).toContainEqual(keys.mySupervisionNotices);
    expect(refreshKeysFor({ kind: 'obligation.returned', eventId })).toEqual(expect.arrayContaining([keys.mySurveys, keys.myLiaisonReports]));
    expect(refreshKeysFor({ kind: 'agreement.signed', eventId })).toEqual(expect.arrayContaining([keys.myAgreements, keys.myObligations]));
  });

  it('refreshes the lists each kind concerns: problems, surveys, meeting requests, the event’s ladder', () => {
    expect(refreshKeysFor({ kind: 'problem.answered', eventId })).toContainEqual(keys.myProblems);
    expect(refreshKeysFor({ kind: 'problem.raised', eventId })).toEqual([keys.coordinationAll(eventId)]);
    expect(refreshKeysFor({ kind: 'survey.sent', eventId })).toContainEqual(keys.mySurveys);
    expect(refreshKeysFor({ kind: 'meeting.requested', eventId })).toEqual([keys.myMeetingRequests]);
    expect(refreshKeysFor({ kind: 'supervision.acknowledged', eventId })).toContainEqual(keys.supervisionAll(eventId));
    // Without an event, nothing of an event's.
    expect(refreshKeysFor({ kind: 'supervision.acknowledged', eventId: null })).toEqual([]);
  });

  it('marks the queries it names stale, and leaves the others alone', async () => {
    const client = new QueryClient();
    const seed = (key: readonly unknown[]) => client.setQueryData(key, []);
    seed(keys.myObligations);
    seed(keys.mySupervisionNotices);
    seed(keys.myMeetingRequests);
    await Promise.all(refreshKeysFor({ kind: 'supervision.issued', eventId }).map((queryKey) => client.invalidateQueries({ queryKey })));
    expect(client.getQueryState(keys.myObligations)?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.mySupervisionNotices)?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.myMeetingRequests)?.isInvalidated).toBe(false);
  });

  it('refreshes nothing for a kind this client does not know', () => {
    expect(refreshKeysFor({ kind: 'something.new' as never, eventId })).toEqual([]);
  });
});
