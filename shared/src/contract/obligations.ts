import type { Page } from '../api';
import type { Obligation, ObligationListQuery, ObligationReviewInput } from '../obligations';
import { route } from './route';

export const obligations = {
  mine: route<{ output: Obligation[] }>()('GET', '/me/obligations', {
    summary: "What the caller's organisation owes and has not filed (open, or returned to it), soonest due first (its 待办)",
  }),
  forEvent: route<{ query: ObligationListQuery; output: Page<Obligation> }>()('GET', '/events/:id/obligations', {
    summary: "An event's obligations, soonest due first, by session, organisation and state (organisers)",
  }),
  review: route<{ body: ObligationReviewInput; output: Obligation }>()('POST', '/obligations/:id/review', {
    summary: 'Accepts a filed obligation, or returns it to the party with a reason (organisers; optimistic: the version read)',
    status: 200,
    idempotent: true,
    errors: ['stale_version', 'not_submitted'],
  }),
};
