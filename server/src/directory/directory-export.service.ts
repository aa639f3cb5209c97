import { Injectable } from '@nestjs/common';
import { categoryLabel, regionLabel, type DirectoryEntryPublic } from '@duijie/shared';
import type { Response } from 'express';
import { sendXlsx, type XlsxColumn } from '../common/xlsx';
import { DirectoryService } from './directory.service';
import type { DirectoryExportQueryDto } from './dto/directory.dto';

/** The columns of the published directory's workbook, as the printed table has them. */
export const DIRECTORY_COLUMNS: XlsxColumn<DirectoryEntryPublic>[] = [
  { header: '企业名称', width: 32, value: (e) => e.name },
  { header: '所在地区', width: 22, value: (e) => regionLabel(e.region, 'zh-CN') },
  { header: '产品类别', width: 24, value: (e) => e.categories.map((c) => categoryLabel(c, 'zh-CN')).join('、') },
  { header: '品种', width: 30, value: (e) => e.varieties },
  { header: '规格', width: 30, value: (e) => e.specifications },
  { header: '年产量', width: 14, format: 'integer', value: (e) => e.annualOutput },
  { header: '单位', width: 8, value: (e) => e.outputUnit },
  { header: '联系人', width: 12, value: (e) => e.contactName ?? '' },
  { header: '联系电话', width: 16, value: (e) => e.contactPhone ?? '' },
  { header: '备注', width: 30, value: (e) => e.notes },
];

/** The public .xlsx of a published directory: its included entries, filtered as the page, contacts only where agreed. */
@Injectable()
export class DirectoryExportService {
  constructor(private readonly directory: DirectoryService) {}

  async send(id: string, query: DirectoryExportQueryDto, res: Response): Promise<void> {
    const summary = await this.directory.published(id);
    const rows = await this.directory.publicCount(id, query);
    await sendXlsx(res, {
      fileName: summary.title,
      asciiName: `directory-${id}`,
      rows,
      timeZone: summary.timeZone,
      sheets: [{ name: '生产企业名录', columns: DIRECTORY_COLUMNS, rows: this.directory.publicBatches(id, query) }],
    });
  }
}
