// Reads uploaded files into the import's sheets: an .xlsx workbook with the sheets 机构 and
// 发布 (either may be missing), or CSV files, each one sheet told apart by its header row.
import type { ImportProblem, ImportSheet } from '@duijie/shared';
import { DomainError } from '../common/errors';
import { COLUMNS, normaliseLabel, SHEET_NAMES, type ImportColumn } from './columns';
import { ReadAborted, readFilesInWorker } from './read-files';
import type { Cell, WorkerFile } from './read-files.worker';
import { WorkbookTooLarge, zipEntries } from './zip-limits';

export type { Cell } from './read-files.worker';

/** An uploaded file as the multipart reader hands it over. */
export type UploadedFile = { originalname: string; buffer: Buffer; size: number };

/** A row of a sheet, numbered as the spreadsheet shows it (the header is row 1). */
export type RowRecord = { row: number; values: Record<string, Cell> };

export type ImportSheetData = { sheet: ImportSheet; source: string; records: RowRecord[] };

export type WorkbookRead = { sheets: ImportSheetData[]; problems: ImportProblem[]; warnings: ImportProblem[] };

/** More rows than this in one sheet is refused: split the file. */
export const MAX_ROWS = 20_000;

const SHEET_BY_NAME = new Map<string, ImportSheet>([
  [normaliseLabel(SHEET_NAMES.organisations), 'organisations'],
  ['organisations', 'organisations'],
  [normaliseLabel(SHEET_NAMES.listings), 'listings'],
  ['listings', 'listings'],
]);

/** `truncated`: the sheet has more than MAX_ROWS rows; only its header came back. */
type RawSheet = { sheet: ImportSheet; source: string; rows: Cell[][]; truncated: boolean };

const unreadable = (name: string): ImportProblem => ({
  sheet: null,
  row: null,
  column: null,
  message: `${name} could not be read as an .xlsx workbook; save it again from Excel or WPS as .xlsx`,
});

/** A file refused before or while it was read: too large unpacked, too many parts, or too costly to read. */
export class FileTooLarge extends DomainError {
  constructor(message: string) {
    super(413, 'workbook_too_large', message, [{ field: 'file', messages: [message] }]);
  }
}

export async function readWorkbook(files: readonly UploadedFile[]): Promise<WorkbookRead> {
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const raw: RawSheet[] = [];
  const toRead: WorkerFile[] = [];
  for (const file of files) {
    const name = file.originalname;
    const lower = name.toLowerCase();
    if (lower.endsWith('.xlsx') || isZip(file.buffer)) {
      try {
        // The central directory, before anything is inflated: a zip bomb stops here.
        zipEntries(name, file.buffer);
      } catch (error) {
        if (error instanceof WorkbookTooLarge) throw new FileTooLarge(error.message);
        problems.push(unreadable(name));
        continue;
      }
      toRead.push({ name, kind: 'xlsx', bytes: file.buffer });
    } else if (lower.endsWith('.xls')) {
      problems.push({ sheet: null, row: null, column: null, message: `${name} is in the old .xls format; save it as .xlsx (or CSV) and upload it again` });
    } else if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
      toRead.push({ name, kind: 'csv', bytes: file.buffer });
    } else {
      problems.push({ sheet: null, row: null, column: null, message: `${name}: upload an .xlsx workbook or .csv files` });
    }
  }

  let read: Awaited<ReturnType<typeof readFilesInWorker>> = [];
  if (toRead.length > 0) {
    try {
      read = await readFilesInWorker(toRead, MAX_ROWS);
    } catch (error) {
      if (error instanceof ReadAborted)
        throw new FileTooLarge(`${toRead.map((f) => f.name).join(' and ')} could not be read: ${error.message}; split it into several files`);
      throw error;
    }
  }
  read.forEach((result, index) => {
    const { name, kind } = toRead[index];
    if (!result.ok) {
      if (result.tooLarge) throw new FileTooLarge(result.message);
      problems.push(
        kind === 'xlsx' ? unreadable(name) : { sheet: null, row: null, column: null, message: `${name} could not be read as CSV (${result.message})` },
      );
      return;
    }
    for (const { name: sheetName, rows, truncated } of result.sheets) {
      if (kind === 'csv') {
        const sheet = csvSheet(rows[0] ?? []);
        if (!sheet) {
          problems.push({
            sheet: null,
            row: 1,
            column: null,
            message: `${name}: the first row must be the header row of the ${SHEET_NAMES.organisations} template (with 机构名称) or the ${SHEET_NAMES.listings} template (with 发布类型)`,
          });
          continue;
        }
        raw.push({ sheet, source: name, rows, truncated });
        continue;
      }
      const sheet = SHEET_BY_NAME.get(normaliseLabel(sheetName));
      if (!sheet) {
        if (rows.some((row) => row.some((cell) => !isBlank(cell)))) {
          warnings.push({
            sheet: null,
            row: null,
            column: null,
            message: `${name}: the sheet “${sheetName}” was ignored (only the sheets ${SHEET_NAMES.organisations} and ${SHEET_NAMES.listings} are imported)`,
          });
        }
        continue;
      }
      raw.push({ sheet, source: `${name} / ${sheetName}`, rows, truncated });
    }
  });

  const sheets: ImportSheetData[] = [];
  for (const sheet of ['organisations', 'listings'] as const) {
    const sources = raw.filter((r) => r.sheet === sheet);
    if (sources.length > 1) {
      problems.push({
        sheet,
        row: null,
        column: null,
        message: `${sources.map((s) => s.source).join(' and ')} both hold ${SHEET_NAMES[sheet]} rows; put them in one sheet`,
      });
      continue;
    }
    if (sources.length === 1) sheets.push(await toRecords(sources[0], problems, warnings));
  }
  if (problems.length === 0 && sheets.every((s) => s.records.length === 0)) {
    problems.push({
      sheet: null,
      row: null,
      column: null,
      message: `No rows to import: fill in the sheet ${SHEET_NAMES.organisations} or ${SHEET_NAMES.listings} below its header row`,
    });
  }
  return { sheets, problems, warnings };
}

function isZip(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

function csvSheet(header: Cell[]): ImportSheet | null {
  const labels = new Set(header.map((h) => normaliseLabel(String(h ?? ''))));
  if (labels.has(normaliseLabel('发布类型'))) return 'listings';
  if (labels.has(normaliseLabel('机构名称'))) return 'organisations';
  return null;
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Matches the header row with the sheet's columns and turns each non-blank row into a record. */
async function toRecords({ sheet, source, rows, truncated }: RawSheet, problems: ImportProblem[], warnings: ImportProblem[]): Promise<ImportSheetData> {
  const columns = COLUMNS[sheet];
  const byLabel = new Map<string, ImportColumn>(columns.map((c) => [normaliseLabel(c.header), c]));
  const header = rows[0] ?? [];
  const indexOf = new Map<string, number>();
  header.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const column = byLabel.get(normaliseLabel(String(cell)));
    if (!column) {
      warnings.push({ sheet, row: 1, column: String(cell).trim(), message: 'this column is not one of the template’s and was ignored' });
    } else if (indexOf.has(column.key)) {
      problems.push({ sheet, row: 1, column: column.header, message: 'this column appears twice' });
    } else {
      indexOf.set(column.key, index);
    }
  });
  for (const column of columns) {
    if (column.required === true && !indexOf.has(column.key)) {
      problems.push({ sheet, row: 1, column: column.header, message: `the column is missing from the header row of ${source}` });
    }
  }
  const records: RowRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    // Other work (health checks, sockets) runs between batches of rows.
    if (i % 250 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const cells = rows[i];
    if (cells.every((cell) => isBlank(cell))) continue;
    const values: Record<string, Cell> = {};
    for (const [key, index] of indexOf) values[key] = cells[index] ?? null;
    records.push({ row: i + 1, values });
  }
  if (truncated || records.length > MAX_ROWS) {
    // Reading stopped one row past the limit: nothing beyond it was parsed or checked.
    problems.push({
      sheet,
      row: null,
      column: null,
      message: `${source} has more than ${MAX_ROWS} rows; at most ${MAX_ROWS} are imported at once, so split it into several files`,
    });
    return { sheet, source, records: [] };
  }
  return { sheet, source, records };
}
