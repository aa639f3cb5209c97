import type { Page } from '../api';
import type { RewardPeriod, RewardPeriodInput, StatisticsForm, StatisticsFormInput, StatisticsFormListQuery, StatisticsFormRow } from '../rewards';
import { route, type FileAnswer } from './route';

// Statistics institutions report for a period (统计报表): organisers open a reporting period and
// the forms each class files; institutions file, organisers accept or return them through
// POST /obligations/:id/review; accepted forms are the confirmed figures the reward rules read.
export const statistics = {
  periods: route<{ output: RewardPeriod[] }>()('GET', '/events/:id/reward-periods', {
    summary: "An event's reporting periods, newest first, with their forms' progress (organisers)",
  }),
  openPeriod: route<{ body: RewardPeriodInput; output: RewardPeriod }>()('POST', '/events/:id/reward-periods', {
    summary:
      "Opens a reporting period: every participating institution of the classes named owes its class's form by the due day (organisers). Opening it again adds the institutions that joined since",
    idempotent: true,
  }),
  period: route<{ output: RewardPeriod }>()('GET', '/reward-periods/:id', { summary: 'A reporting period with its progress (organisers)' }),
  closePeriod: route<{ body: { version: number }; output: RewardPeriod }>()('POST', '/reward-periods/:id/close', {
    summary: 'Closes a period: forms not filed are no longer owed (organisers)',
    status: 200,
    errors: ['stale_version', 'invalid_state'],
  }),
  forms: route<{ query: StatisticsFormListQuery; output: Page<StatisticsFormRow> }>()('GET', '/reward-periods/:id/forms', {
    summary: "A period's forms, a page at a time (at most 200), filtered by state, class and name, with the platform's figures beside (organisers)",
  }),
  formsExport: route<{ output: FileAnswer }>()('GET', '/reward-periods/:id/forms.xlsx', {
    summary: "A period's forms as an .xlsx workbook, one sheet per class, amounts in 万元 (organisers)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  mine: route<{ output: StatisticsForm[] }>()('GET', '/me/statistics-forms', {
    summary: "The forms the caller's organisation owes or filed, soonest due first",
  }),
  form: route<{ output: StatisticsForm }>()('GET', '/statistics-forms/:id', {
    summary: 'One form with every filed version (the institution that owes it, and organisers)',
  }),
  saveDraft: route<{ body: StatisticsFormInput; output: StatisticsForm }>()('PUT', '/statistics-forms/:id', {
    summary: 'Saves draft figures (the institution that owes it, while open or returned; optimistic: the version read)',
    errors: ['stale_version', 'not_owed'],
  }),
  submit: route<{ body: StatisticsFormInput; output: StatisticsForm }>()('POST', '/statistics-forms/:id/submit', {
    summary: "Files the form: its figures are checked against the class's fields (a 400 names the field); every version is kept",
    status: 200,
    idempotent: true,
    errors: ['stale_version', 'not_owed'],
  }),
};
