import type { AuditEntry, AuditExportFilter, AuditHeadInfo, AuditQuery, AuditVerification, Page } from '../api';
import { route, type FileAnswer } from './route';

export const audit = {
  head: route<{ output: AuditHeadInfo }>()('GET', '/audit/head', {
    summary: "The platform's Ed25519 public key and the latest signed head of the audit chain",
    public: true,
  }),
  verify: route<{ output: AuditVerification }>()('GET', '/audit/verify', {
    summary: 'Recomputes the whole hash chain; names the first record that does not match (organisers)',
  }),
  list: route<{ query: AuditQuery; output: Page<AuditEntry> }>()('GET', '/audit', { summary: 'A page of the audit log (organisers)' }),
  export: route<{ query: AuditExportFilter; output: FileAnswer }>()('GET', '/audit/export.xlsx', {
    summary: 'Organisers: the audit log as an .xlsx workbook, filtered like the list, newest first (X-Export-Rows: the row count)',
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
};
