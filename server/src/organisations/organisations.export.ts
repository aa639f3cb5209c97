// The columns of the organisations export (机构名录): the console's table with the contacts.
import { findIndustry, regionLabel, type Organisation } from '@duijie/shared';
import { zh } from '../common/export-labels';
import type { XlsxColumn } from '../common/xlsx';

export const ORGANISATION_COLUMNS: XlsxColumn<Organisation>[] = [
  { header: '机构名称', width: 36, value: (o) => o.name },
  { header: '统一社会信用代码', width: 22, value: (o) => o.creditCode },
  { header: '机构类型', value: (o) => zh('orgKind', o.kind) },
  { header: '行业', width: 24, value: (o) => (findIndustry(o.industry) ? `${o.industry} ${findIndustry(o.industry)!.name}` : o.industry) },
  { header: '地区', width: 28, value: (o) => regionLabel(o.region, 'zh-CN') },
  { header: '地区代码', value: (o) => o.region },
  { header: '规模', value: (o) => zh('orgSize', o.size) },
  { header: '联系人', value: (o) => o.contactName },
  { header: '联系电话', width: 16, value: (o) => o.contactPhone },
  { header: '状态', value: (o) => zh('orgStatus', o.status) },
  { header: '驳回理由', width: 30, value: (o) => o.rejectReason },
  { header: '登记时间', format: 'datetime', value: (o) => o.createdAt },
];
