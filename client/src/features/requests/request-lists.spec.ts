import { describe, expect, it } from 'vitest';
import type { FinancingApplication, MeetingRequest } from '@duijie/shared';
import { listing } from '../../test/fixtures';
import { byUrgency, requestLists, visibleTabs } from './request-lists';

const ME = 'me';

function request(
  id: string,
  fields: { from?: string; to?: string; status?: MeetingRequest['status']; respondBy?: string; createdAt?: string },
): MeetingRequest {
  return {
    id,
    eventId: 'e1',
    sessionId: 's1',
    status: fields.status ?? 'pending',
    from: { organisationId: fields.from ?? 'other', organisationName: '对方', listing: null },
    to: { organisationId: fields.to ?? ME, organisationName: '我方', listing: listing() },
    topic: '洽谈',
    reason: null,
    respondBy: fields.respondBy ?? '2026-12-09T00:00:00Z',
    answeredAt: null,
    createdAt: fields.createdAt ?? '2026-12-01T00:00:00Z',
  };
}

function application(
  id: string,
  fields: { need?: string; offer?: string; status?: FinancingApplication['status']; overdue?: boolean; answerBy?: string },
): FinancingApplication {
  return {
    id,
    eventId: 'e1',
    status: fields.status ?? 'pending',
    need: listing({ id: `${id}-need`, organisationId: fields.need ?? 'other' }),
    offer: listing({ id: `${id}-offer`, type: 'credit_offer', organisationId: fields.offer ?? ME }),
    reason: null,
    answerBy: fields.answerBy ?? '2026-12-09T00:00:00Z',
    overdue: fields.overdue ?? false,
    answeredAt: null,
    createdAt: '2026-12-01T00:00:00Z',
  };
}

describe('byUrgency', () => {
  it('puts items awaiting an answer first, nearest deadline first, then the rest newest first', () => {
    const items = [
      request('answered-old', { status: 'accepted', createdAt: '2026-12-01T00:00:00Z' }),
      request('pending-late', { respondBy: '2026-12-09T12:00:00Z' }),
      request('answered-new', { status: 'declined', createdAt: '2026-12-05T00:00:00Z' }),
      request('pending-soon', { respondBy: '2026-12-09T08:00:00Z' }),
    ];
    const sorted = [...items].sort(byUrgency<MeetingRequest>((r) => r.respondBy));
    expect(sorted.map((r) => r.id)).toEqual(['pending-soon', 'pending-late', 'answered-new', 'answered-old']);
  });
});

describe('requestLists', () => {
  it('splits requests and applications into received and sent, and counts what needs attention', () => {
    const lists = requestLists(
      [
        request('in-pending', {}),
        request('in-accepted', { status: 'accepted' }),
        request('out-accepted', { from: ME, to: 'other', status: 'accepted' }),
        request('out-pending', { from: ME, to: 'other' }),
      ],
      [application('in-overdue', { overdue: true }), application('in-answered', { status: 'accepted' }), application('out', { need: ME, offer: 'bank' })],
      ME,
    );
    expect(lists.receivedMeetings.map((r) => r.id)).toEqual(['in-pending', 'in-accepted']);
    expect(lists.sentMeetings.map((r) => r.id)).toEqual(['out-accepted', 'out-pending']);
    expect(lists.receivedApplications.map((a) => a.id)).toEqual(['in-overdue', 'in-answered']);
    expect(lists.sentApplications.map((a) => a.id)).toEqual(['out']);
    expect(lists).toMatchObject({ pendingMeetings: 1, pendingApplications: 1, overdueApplications: 1, answeredSent: 1 });
  });
});

describe('visibleTabs', () => {
  const none = requestLists([], [], ME);

  it('shows received applications to lenders and guarantors, sent ones to borrowers', () => {
    expect(visibleTabs('bank', none)).toEqual(['meetings-received', 'meetings-sent', 'applications-received']);
    expect(visibleTabs('enterprise', none)).toEqual(['meetings-received', 'meetings-sent', 'applications-sent']);
  });

  it('shows an application tab to any organisation that has applications there', () => {
    const lists = requestLists([], [application('in', {})], ME);
    expect(visibleTabs('enterprise', lists)).toEqual(['meetings-received', 'meetings-sent', 'applications-received', 'applications-sent']);
  });
});
