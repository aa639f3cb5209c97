import type { Page } from '../api';
import type {
  CriticismCandidate,
  CriticismNotice,
  CriticismPublishInput,
  SupervisionAcknowledgeInput,
  SupervisionIssueInput,
  SupervisionIssueResult,
  SupervisionExportFilter,
  SupervisionListQuery,
  SupervisionNotice,
} from '../supervision';
import { route, type FileAnswer } from './route';

export const supervision = {
  issue: route<{ body: SupervisionIssueInput; output: SupervisionIssueResult }>()('POST', '/events/:id/supervision-notices', {
    summary:
      'Issues supervision notices (督办单), in bulk, for overdue obligations with a new deadline in working days; says which were skipped and why (organisers)',
    idempotent: true,
  }),
  forEvent: route<{ query: SupervisionListQuery; output: Page<SupervisionNotice> }>()('GET', '/events/:id/supervision-notices', {
    summary: "An event's supervision notices, newest first, by state (organisers)",
  }),
  export: route<{ query: SupervisionExportFilter; output: FileAnswer }>()('GET', '/events/:id/supervision-notices/export.xlsx', {
    summary: "Organisers: the event's supervision notices as an .xlsx workbook, filtered like the list, newest first (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  mine: route<{ output: SupervisionNotice[] }>()('GET', '/me/supervision-notices', {
    summary: "The caller's organisation's open supervision notices (issued, acknowledged, or lapsed while still unfiled), soonest deadline first",
  }),
  acknowledge: route<{ body: SupervisionAcknowledgeInput; output: SupervisionNotice }>()('POST', '/supervision-notices/:id/acknowledge', {
    summary: 'Acknowledges a supervision notice (a user of the owing organisation; optimistic: the version read)',
    status: 200,
    idempotent: true,
    errors: ['stale_version', 'not_open'],
  }),
  candidates: route<{ output: CriticismCandidate[] }>()('GET', '/events/:id/criticism/candidates', {
    summary: 'Organisations that may be named on the notice of criticism: a lapsed supervision notice on something still unfiled (organisers)',
  }),
  publish: route<{ body: CriticismPublishInput; output: CriticismNotice }>()('POST', '/events/:id/criticism-notices', {
    summary: 'Publishes a notice of criticism (通报) naming candidate organisations; each leaves it once it has filed (organisers)',
    idempotent: true,
  }),
  notices: route<{ output: CriticismNotice[] }>()('GET', '/events/:id/criticism-notices', {
    summary: "An event's published notices of criticism, newest first (organisers and the event's approved participants)",
  }),
  noticesExport: route<{ output: FileAnswer }>()('GET', '/events/:id/criticism-notices/export.xlsx', {
    summary:
      "Organisers: the event's notices of criticism as an .xlsx workbook, one row per organisation named, with whether it has rectified (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  notice: route<{ output: CriticismNotice }>()('GET', '/criticism-notices/:id', {
    summary: "A notice of criticism: who is still named and who has rectified (organisers and the event's approved participants)",
  }),
};
