// The columns of the notices of criticism export (通报): one row per organisation named on a
// notice, with what it was named for and whether it has rectified (整改), in Chinese.
import type { XlsxColumn } from '../common/xlsx';
import { STEP_ZH } from './supervision.export';

export type CriticismExportRow = {
  title: string;
  body: string;
  publishedAt: Date;
  publishedBy: string | null;
  organisationName: string;
  obligations: { subjectTitle: string; step: string; seq: number; dueOn: string }[];
  rectifiedAt: Date | null;
};

export const CRITICISM_COLUMNS: XlsxColumn<CriticismExportRow>[] = [
  { header: '通报标题', width: 30, value: (r) => r.title },
  { header: '发布时间', format: 'datetime', value: (r) => r.publishedAt },
  { header: '发布人', value: (r) => r.publishedBy },
  { header: '被通报单位', width: 30, value: (r) => r.organisationName },
  {
    header: '通报事项',
    width: 48,
    value: (r) => r.obligations.map((o) => `${o.subjectTitle}：${STEP_ZH[o.step] ?? o.step} 第 ${o.seq} 期（${o.dueOn} 到期）`).join('；'),
  },
  { header: '是否整改', value: (r) => (r.rectifiedAt ? '已整改' : '未整改') },
  { header: '整改时间', format: 'datetime', value: (r) => r.rectifiedAt },
  { header: '通报内容', width: 48, value: (r) => r.body },
];
