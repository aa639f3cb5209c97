import type { AgreementFollowUp, AgreementReportInput, EvidenceFile, FollowUpPlan, FollowUpPlanInput, ObligationReports } from '../follow-up';
import { route, type FileAnswer } from './route';

export const followUp = {
  plan: route<{ output: FollowUpPlan }>()('GET', '/events/:id/follow-up-plan', {
    summary: "The event's follow-up plan: how often each kind of signed agreement is reported on (organisers)",
  }),
  setPlan: route<{ body: FollowUpPlanInput; output: FollowUpPlan }>()('PUT', '/events/:id/follow-up-plan', {
    summary: 'Replaces the follow-up plan (organisers; optimistic: the version read); agreements signed from then on follow it',
    errors: ['stale_version'],
  }),
  fileReport: route<{ body: AgreementReportInput; output: ObligationReports }>()('POST', '/obligations/:id/report', {
    summary: 'Files a report the caller’s organisation owes on an agreement: narrative, problems and its ledger lines (recorded in the ledger)',
    idempotent: true,
    errors: ['stale_version', 'not_owed', 'not_signed', 'ledger_closed'],
  }),
  reports: route<{ output: ObligationReports }>()('GET', '/obligations/:id/reports', {
    summary: "A report obligation and the reports filed for it (the agreement's parties and organisers)",
  }),
  agreement: route<{ output: AgreementFollowUp }>()('GET', '/agreements/:id/follow-up', {
    summary: "An agreement's report schedule: the cadence it was signed under and its reports owed (parties and organisers)",
  }),
  uploadEvidence: route<{ output: EvidenceFile }>()('POST', '/obligations/:id/evidence', {
    summary: 'Attaches one evidence file (PDF, PNG or JPEG, at most 10 MB, at most 10 per report) to a report the caller’s organisation owes and has not filed',
    multipart: true,
    errors: ['not_owed', 'file_too_large'],
  }),
  evidence: route<{ output: EvidenceFile[] }>()('GET', '/obligations/:id/evidence', {
    summary: "A report obligation's evidence files, oldest first (the agreement's parties and organisers)",
  }),
  evidenceFile: route<{ output: FileAnswer }>()('GET', '/evidence/:id', {
    summary: "An evidence file's bytes, as the PDF, PNG or JPEG it is (the agreement's parties and organisers)",
    file: 'application/octet-stream',
  }),
  deleteEvidence: route<{ output: void }>()('DELETE', '/evidence/:id', {
    summary: 'Removes an evidence file (the organisation that uploaded it, while the report is open or returned)',
    status: 204,
    errors: ['not_owed'],
  }),
};
