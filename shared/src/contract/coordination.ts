import type { Page } from '../api';
import type {
  Department,
  DepartmentInput,
  Liaison,
  LiaisonInput,
  LiaisonReport,
  LiaisonReportExportFilter,
  LiaisonReportInput,
  LiaisonReportListQuery,
  MyLiaisonReports,
  Problem,
  ProblemAnswerInput,
  ProblemExportQuery,
  ProblemInput,
  ProblemListQuery,
  ProblemRouteInput,
  UrgentLiaisonReportInput,
  WeeklySummary,
  WeeklySummaryInput,
  WeeklySummaryListItem,
} from '../coordination';
import { route, type FileAnswer } from './route';

export const coordination = {
  departments: route<{ output: Department[] }>()('GET', '/events/:id/departments', {
    summary: "The event's member departments, which answer the problems routed to them (organisers)",
  }),
  departmentsExport: route<{ output: FileAnswer }>()('GET', '/events/:id/departments/export.xlsx', {
    summary: "Organisers: the event's member departments as an .xlsx workbook (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  createDepartment: route<{ body: DepartmentInput; output: Department }>()('POST', '/events/:id/departments', {
    summary: 'Adds a member department, answered for by the users of an organiser organisation (organisers)',
    errors: ['duplicate'],
  }),
  deleteDepartment: route<{ output: void }>()('DELETE', '/departments/:id', {
    summary: 'Removes a department no problem was routed to (organisers)',
    status: 204,
    errors: ['department_in_use'],
  }),
  raise: route<{ body: ProblemInput; output: Problem }>()('POST', '/events/:id/problems', {
    summary: "Raises a problem needing coordination, on an agreement the caller's organisation is party to or for the organisation (approved participants)",
    idempotent: true,
  }),
  problems: route<{ query: ProblemListQuery; output: Page<Problem> }>()('GET', '/events/:id/problems', {
    summary: "The event's problem queue, urgent and oldest first, by state, category, urgency and department (organisers)",
  }),
  problemsExport: route<{ query: ProblemExportQuery; output: FileAnswer }>()('GET', '/events/:id/problems/export.xlsx', {
    summary: "Organisers: the event's problem queue as an .xlsx workbook, filtered and ordered like the queue (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  mine: route<{ output: Problem[] }>()('GET', '/me/problems', {
    summary: "The problems the caller's organisation raised, and those routed to it as a department, newest first",
  }),
  get: route<{ output: Problem }>()('GET', '/problems/:id', {
    summary: 'One problem (the raising organisation, the department it is routed to, organisers)',
  }),
  route: route<{ body: ProblemRouteInput; output: Problem }>()('POST', '/problems/:id/route', {
    summary: 'Routes a problem to a department, which owes an answer in working days of the event (organisers; optimistic: the version read)',
    status: 200,
    idempotent: true,
    errors: ['stale_version', 'invalid_transition'],
  }),
  answer: route<{ body: ProblemAnswerInput; output: Problem }>()('POST', '/problems/:id/answer', {
    summary: 'Answers a routed problem; it is resolved and the raiser told (the department or organisers; optimistic: the version read)',
    status: 200,
    idempotent: true,
    errors: ['stale_version', 'invalid_transition'],
  }),
  liaisons: route<{ output: Liaison[] }>()('GET', '/events/:id/liaisons', {
    summary: "The event's key enterprises, their liaison officers and reports (organisers)",
  }),
  liaisonsExport: route<{ output: FileAnswer }>()('GET', '/events/:id/liaisons/export.xlsx', {
    summary: "Organisers: the event's key enterprises and their liaison officers as an .xlsx workbook (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  designate: route<{ body: LiaisonInput; output: Liaison }>()('PUT', '/events/:id/liaisons/:organisationId', {
    summary: "Designates a key enterprise's liaison officer (a user of it) and the cadence of its operating reports (organisers)",
  }),
  stopLiaison: route<{ output: void }>()('DELETE', '/events/:id/liaisons/:organisationId', {
    summary: 'Stops the designation: the reports not yet filed are no longer owed (organisers)',
    status: 204,
  }),
  fileLiaisonReport: route<{ body: LiaisonReportInput; output: LiaisonReport }>()('POST', '/obligations/:id/liaison-report', {
    summary:
      "Files an operating report the caller's organisation owes as a key enterprise; an urgent one (filed by its designated liaison officer or its administrator, 403 for other members) is pushed to organisers at once",
    idempotent: true,
    errors: ['stale_version', 'not_owed'],
  }),
  urgentLiaisonReport: route<{ body: UrgentLiaisonReportInput; output: LiaisonReport }>()('POST', '/events/:id/liaison-reports/urgent', {
    summary:
      "Files an urgent operating report outside the cadence (a key enterprise's designated liaison officer, or its administrator; 403 for other members); organisers are told at once",
    idempotent: true,
  }),
  liaisonReports: route<{ query: LiaisonReportListQuery; output: Page<LiaisonReport> }>()('GET', '/events/:id/liaison-reports', {
    summary: "The event's operating reports, newest first (organisers)",
  }),
  liaisonReportsExport: route<{ query: LiaisonReportExportFilter; output: FileAnswer }>()('GET', '/events/:id/liaison-reports/export.xlsx', {
    summary: "Organisers: the event's operating reports as an .xlsx workbook, filtered like the list, newest first (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  myLiaisonReports: route<{ output: MyLiaisonReports }>()('GET', '/me/liaison-reports', {
    summary: "The operating reports the caller's organisation owes as a key enterprise, and those it filed",
  }),
  weeklySummaries: route<{ output: WeeklySummaryListItem[] }>()('GET', '/events/:id/weekly-summaries', {
    summary: "The coordination group's weekly summaries of the event, newest week first (organisers)",
  }),
  weeklySummariesExport: route<{ output: FileAnswer }>()('GET', '/events/:id/weekly-summaries/export.xlsx', {
    summary: "Organisers: the event's weekly summaries as an .xlsx workbook, newest week first (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  weeklySummary: route<{ output: WeeklySummary }>()('GET', '/weekly-summaries/:id', {
    summary: 'One weekly summary and its figures (organisers)',
  }),
  generateWeeklySummary: route<{ body: WeeklySummaryInput; output: WeeklySummary }>()('POST', '/events/:id/weekly-summaries', {
    summary: 'Makes the summary of a week (by default the last complete one) now; a week already summarised answers the one kept (organisers)',
    status: 200,
  }),
};
