// The import templates: an .xlsx workbook with the sheets 机构 and 发布, and the same two
// sheets as CSV files (UTF-8 with a byte-order mark, so that Excel opens the Chinese headers).
// Each has the header row and one example row.
import type { ImportSheet } from '@duijie/shared';
import writeXlsxFile from 'write-excel-file/node';
import { COLUMNS, SHEET_NAMES } from './columns';
import { csvLine } from './csv';

export const TEMPLATE_FILE_NAMES = { xlsx: '导入模板.xlsx', organisations: '导入模板-机构.csv', listings: '导入模板-发布.csv' } as const;

function example(sheet: ImportSheet): (string | number)[] {
  return COLUMNS[sheet].map((c) => c.example);
}

export function templateWorkbook(): Promise<Buffer> {
  const sheet = (s: ImportSheet) => ({
    sheet: SHEET_NAMES[s],
    stickyRowsCount: 1,
    columns: COLUMNS[s].map((c) => ({ width: Math.max(12, c.header.length * 2 + 4) })),
    data: [
      COLUMNS[s].map((c) => ({ value: c.header, type: String, fontWeight: 'bold' as const, backgroundColor: c.required === true ? '#FFF2CC' : '#F2F2F2' })),
      // Codes stay text, so that Excel does not turn 630100 or a long credit code into a number.
      example(s).map((value) => (value === '' ? null : typeof value === 'number' ? { value, type: Number } : { value, type: String })),
    ],
  });
  return writeXlsxFile([sheet('organisations'), sheet('listings')]).toBuffer();
}

export function templateCsv(sheet: ImportSheet): Buffer {
  const text = [csvLine(COLUMNS[sheet].map((c) => c.header)), csvLine(example(sheet))].join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
