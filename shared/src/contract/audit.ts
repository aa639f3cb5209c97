import type { AuditEntry, AuditExportFilter, AuditHeadInfo, AuditQuery, AuditVerification, AuditVerifyOptions, Page } from '../api';
import { route, type FileAnswer } from './route';

export const audit = {
  treeHead: route<{ output: AuditHeadInfo }>()('GET', '/audit/tree-head', {
    summary: "The platform's Ed25519 public key and the audit log's latest signed tree head (size and Merkle root)",
    public: true,
  }),
  verify: route<{ query: AuditVerifyOptions; output: AuditVerification }>()('GET', '/audit/verify', {
    summary:
      'Checks the log against its latest signed tree head, from the head checked last (or from the start with full=true); names the first position that does not match (organisers)',
  }),
  list: route<{ query: AuditQuery; output: Page<AuditEntry> }>()('GET', '/audit', { summary: 'A page of the audit log (organisers)' }),
  export: route<{ query: AuditExportFilter; output: FileAnswer }>()('GET', '/audit/export.xlsx', {
    summary: 'Organisers: the audit log as an .xlsx workbook, filtered like the list, newest first (X-Export-Rows: the row count)',
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
};
