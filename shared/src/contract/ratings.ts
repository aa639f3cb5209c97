import type { InstitutionRating, InstitutionRatingInput, InstitutionRatingSummary, RatableDealing } from '../rewards';
import type { Page } from '../api';
import { route } from './route';

// Enterprises rate the institutions they dealt with (企业评银行): one rating per dealing.
export const ratings = {
  ratable: route<{ output: RatableDealing[] }>()('GET', '/me/ratable-dealings', {
    summary: "The dealings the caller's enterprise had with institutions (applications answered, meetings held, loans disbursed), with its rating if given",
  }),
  rate: route<{ body: InstitutionRatingInput; output: InstitutionRating }>()('POST', '/institution-ratings', {
    summary: "Rates an institution on one dealing (speed, attitude, terms 1–5, a comment): once per dealing (the enterprise's admins and members)",
    idempotent: true,
    errors: ['already_rated'],
  }),
  mine: route<{ query: { page?: number; pageSize?: number }; output: { summary: InstitutionRatingSummary; ratings: Page<InstitutionRating> } }>()(
    'GET',
    '/me/institution-ratings',
    { summary: "The caller's institution's average and the ratings it received, without the raters' names" },
  ),
  forEvent: route<{ output: InstitutionRatingSummary[] }>()('GET', '/events/:id/institution-ratings', {
    summary: "Each institution's average rating from the event's dealings (organisers)",
  }),
};
