import type { Organisation, OrganisationExportQuery, OrganisationInput, OrganisationQuery, OrganisationUpdateInput, Page, RejectInput } from '../api';
import { route, type FileAnswer } from './route';

export const organisations = {
  list: route<{ query: OrganisationQuery; output: Page<Organisation> }>()('GET', '/organisations', {
    summary: 'A page of organisations, pending ones first (others than organisers see approved ones and their own)',
  }),
  export: route<{ query: OrganisationExportQuery; output: FileAnswer }>()('GET', '/organisations/export.xlsx', {
    summary: 'Organisers: the organisations as an .xlsx workbook, filtered like the list, pending first (X-Export-Rows: the row count)',
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  create: route<{ body: OrganisationInput; output: Organisation }>()('POST', '/organisations', {
    summary: 'An organiser registers an organisation (approved at once)',
    errors: ['credit_code_taken'],
  }),
  get: route<{ output: Organisation }>()('GET', '/organisations/:id', {
    summary: 'One organisation (a pending one may read its own registration)',
  }),
  update: route<{ body: OrganisationUpdateInput; output: Organisation }>()('PATCH', '/organisations/:id', {
    summary: "Edits an organisation's registration (a pending one's admin may correct it while it waits)",
  }),
  approve: route<{ output: Organisation }>()('POST', '/organisations/:id/approve', {
    summary: 'Approves an organisation',
    status: 200,
  }),
  reject: route<{ body: RejectInput; output: Organisation }>()('POST', '/organisations/:id/reject', {
    summary: 'Rejects an organisation’s registration, with a reason',
    status: 200,
    errors: ['invalid_state'],
  }),
  suspend: route<{ body: RejectInput; output: Organisation }>()('POST', '/organisations/:id/suspend', {
    summary: 'Suspends an organisation: its users are signed out at once',
    status: 200,
    errors: ['invalid_state', 'last_organiser'],
  }),
  reinstate: route<{ output: Organisation }>()('POST', '/organisations/:id/reinstate', {
    summary: 'Gives a suspended organisation its rights back',
    status: 200,
    errors: ['invalid_state'],
  }),
};
