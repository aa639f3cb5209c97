import { describe, expect, it } from 'vitest';
import type { MatchSession, Participation } from '@duijie/shared';
import { listing, session } from '../../test/fixtures';
import { isListingEditable, sessionChoices } from './listing-sessions';

const participation = (sessionId: string, role: Participation['role']): Participation => ({
  id: `${sessionId}-${role}`,
  sessionId,
  organisationId: 'o1',
  organisationName: '宏达机械有限公司',
  organisationKind: 'enterprise',
  role,
  status: 'approved',
  reason: null,
  createdAt: '2026-11-01T00:00:00Z',
  decidedAt: '2026-11-02T00:00:00Z',
});

describe('sessionChoices', () => {
  it('offers each session once, with the listing types of all my roles there in the usual order', () => {
    const sessions = new Map<string, MatchSession>([
      ['s1', session({ id: 's1' })],
      ['s2', session({ id: 's2', kind: 'upstream_downstream' })],
    ]);
    const choices = sessionChoices([participation('s2', 'buyer'), participation('s2', 'supplier'), participation('s1', 'borrower')], sessions);
    expect(choices.map((c) => [c.session.id, c.types])).toEqual([
      ['s2', ['supply', 'demand']],
      ['s1', ['financing_need']],
    ]);
  });

  it('leaves out sessions that are not loaded yet', () => {
    expect(sessionChoices([participation('s9', 'lender')], new Map())).toEqual([]);
  });
});

describe('isListingEditable', () => {
  it('allows editing an open listing while its session takes listings', () => {
    expect(isListingEditable(listing(), session({ status: 'live' }))).toBe(true);
    expect(isListingEditable(listing(), undefined)).toBe(true);
  });

  it('refuses a withdrawn listing, or one whose session has moved past taking listings', () => {
    expect(isListingEditable(listing({ status: 'withdrawn' }), session({ status: 'live' }))).toBe(false);
    expect(isListingEditable(listing(), session({ status: 'closed' }))).toBe(false);
  });
});
