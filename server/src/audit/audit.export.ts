// The columns of the audit log export (审计记录): the console's table and each record's data as JSON.
import type { AuditEntry } from '@duijie/shared';
import type { XlsxColumn } from '../common/xlsx';

export const AUDIT_COLUMNS: XlsxColumn<AuditEntry>[] = [
  { header: '序号', width: 10, format: 'integer', value: (e) => e.id },
  { header: '时间', format: 'datetime', value: (e) => e.at },
  { header: '操作人', width: 16, value: (e) => e.actorName ?? '系统' },
  { header: '操作', width: 28, value: (e) => e.action },
  { header: '对象类型', width: 16, value: (e) => e.entityType },
  { header: '对象 ID', width: 38, value: (e) => e.entityId },
  { header: '数据', width: 60, value: (e) => (e.data ? JSON.stringify(e.data) : null) },
];
