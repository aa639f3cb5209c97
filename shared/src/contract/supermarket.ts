import type { ApplicationAnswerInput, ApplicationInput, FinancingApplication, ListingPublic, OverdueByOrganisation, Page, SupermarketQuery } from '../api';
import { route, type FileAnswer } from './route';

export const supermarket = {
  shelf: route<{ query: SupermarketQuery; output: Page<ListingPublic> }>()('GET', '/events/:id/supermarket', {
    summary: "The supermarket's shelf: the event's open credit and guarantee products that fit the filters",
  }),
  apply: route<{ body: ApplicationInput; output: FinancingApplication }>()('POST', '/listings/:id/applications', {
    summary: "Applies to a credit or guarantee product with one of the caller's financing needs",
    idempotent: true,
    errors: ['listing_withdrawn', 'already_applied'],
  }),
  answer: route<{ body: ApplicationAnswerInput; output: FinancingApplication }>()('POST', '/applications/:id/answer', {
    summary: 'The bank (or guarantor) accepts an application into negotiation or declines it (repeating an answer is harmless)',
    status: 200,
    errors: ['already_answered'],
  }),
  mine: route<{ output: FinancingApplication[] }>()('GET', '/me/applications', {
    summary: "Applications the caller's organisation sent or must answer, newest first",
  }),
  overdue: route<{ output: OverdueByOrganisation[] }>()('GET', '/events/:id/applications/overdue', {
    summary: 'Organisers: per bank, unanswered applications and those past their deadline',
  }),
  export: route<{ output: FileAnswer }>()('GET', '/events/:id/applications/export.xlsx', {
    summary:
      "Organisers: every financing application of the event's supermarket, and the answers per bank, as an .xlsx workbook (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
};
