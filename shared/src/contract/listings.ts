import type { ListingChange, ListingInput, ListingQuery, ListingUpdateInput, ListingView, ListingWithdrawInput, Page } from '../api';
import { route } from './route';

export const listings = {
  list: route<{ query: ListingQuery; output: Page<ListingView> }>()('GET', '/sessions/:id/listings', {
    summary: "A page of a session's listings (confidential fields only for their owner and organisers)",
  }),
  create: route<{ body: ListingInput; output: ListingView }>()('POST', '/sessions/:id/listings', {
    summary: 'Posts a supply, demand, credit or guarantee listing for the caller’s organisation',
    idempotent: true,
    errors: ['session_not_open'],
  }),
  get: route<{ output: ListingView }>()('GET', '/listings/:id', { summary: 'One listing' }),
  update: route<{ body: ListingUpdateInput; output: ListingView }>()('PATCH', '/listings/:id', {
    summary: 'Edits a listing (optimistic: the version read)',
    errors: ['stale_version', 'listing_withdrawn', 'session_not_open'],
  }),
  withdraw: route<{ body: ListingWithdrawInput; output: ListingView }>()('POST', '/listings/:id/withdraw', {
    summary: 'Withdraws a listing',
    status: 200,
    errors: ['stale_version', 'listing_withdrawn'],
  }),
  history: route<{ output: ListingChange[] }>()('GET', '/listings/:id/history', { summary: "A listing's versions" }),
  mine: route<{ output: ListingView[] }>()('GET', '/me/listings', { summary: "The caller's organisation's listings" }),
};
