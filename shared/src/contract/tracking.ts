import type { TrackingPage, TrackingQuery } from '../tracking';
import { route } from './route';

export const tracking = {
  agreements: route<{ query: TrackingQuery; output: TrackingPage }>()('GET', '/events/:id/tracking', {
    summary: "An event's signed agreements with their ledger stage, next report due and follow-up state, soonest due first, with totals per state (organisers)",
  }),
};
