import type {
  Agreement,
  AgreementInput,
  AgreementUpdateInput,
  AgreementVerification,
  AgreementVerifyQuery,
  EventAgreementFigures,
  LedgerEntry,
  LedgerEntryInput,
  LedgerReopenInput,
  SignInput,
} from '../api';
import { route, type FileAnswer } from './route';

export const agreements = {
  create: route<{ body: AgreementInput; output: Agreement }>()('POST', '/sessions/:id/agreements', {
    summary: 'Drafts an agreement of a live or signing session; the caller’s organisation must be one of its parties',
    idempotent: true,
    errors: ['session_not_open'],
  }),
  forSession: route<{ output: Agreement[] }>()('GET', '/sessions/:id/agreements', { summary: "A session's agreements (organisers)" }),
  export: route<{ output: FileAnswer }>()('GET', '/sessions/:id/agreements/export.xlsx', {
    summary: "Organisers: the session's agreements as an .xlsx workbook with their ledger sums and a sheet of totals (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  mine: route<{ output: Agreement[] }>()('GET', '/me/agreements', { summary: "The agreements the caller's organisation is a party to" }),
  get: route<{ output: Agreement }>()('GET', '/agreements/:id', { summary: 'One agreement' }),
  update: route<{ body: AgreementUpdateInput; output: Agreement }>()('PATCH', '/agreements/:id', {
    summary: 'Edits a draft (optimistic: the version read); a change of the terms voids the signatures given so far',
    errors: ['agreement_signed', 'session_not_open', 'stale_version'],
  }),
  certificate: route<{ output: FileAnswer }>()('GET', '/agreements/:id/certificate.pdf', {
    summary: 'The printable certificate (PDF) of an agreement every party has signed',
    file: 'application/pdf',
    errors: ['not_signed'],
  }),
  verify: route<{ query: AgreementVerifyQuery; output: AgreementVerification }>()('GET', '/verify/agreements/:id', {
    summary: "Public check of a certificate: the agreement's id and content hash must both match",
    public: true,
  }),
  sign: route<{ body: SignInput; output: Agreement }>()('POST', '/agreements/:id/sign', {
    summary: 'Signs the terms the caller reviewed (their content hash), within a step-up signing grant',
    status: 200,
    idempotent: true,
    errors: ['step_up_required', 'agreement_signed', 'session_not_open', 'terms_changed', 'already_signed'],
  }),
  recordLedger: route<{ body: LedgerEntryInput; output: LedgerEntry }>()('POST', '/agreements/:id/ledger', {
    summary: 'Records follow-up of a signed agreement: approved, disbursed or delivered (partial), performed or terminated',
    idempotent: true,
    errors: ['not_signed', 'ledger_closed'],
  }),
  reopenLedger: route<{ body: LedgerReopenInput; output: LedgerEntry }>()('POST', '/agreements/:id/ledger/reopen', {
    summary: 'Withdraws the performed or terminated entry, with a reason (organisers): the ledger is open again',
    status: 200,
    errors: ['ledger_open'],
  }),
  ledger: route<{ output: LedgerEntry[] }>()('GET', '/agreements/:id/ledger', { summary: "An agreement's follow-up ledger" }),
  figures: route<{ output: EventAgreementFigures }>()('GET', '/events/:id/agreement-figures', {
    summary: "An event's agreements: what was signed and what followed (organisers)",
  }),
  confirm: route<{ output: Agreement }>()('POST', '/agreements/:id/confirm', {
    summary: 'Confirms a signed agreement for the event’s statistics (organisers)',
    status: 200,
    errors: ['not_signed'],
  }),
};
