// Streamed .xlsx workbooks for the console's exports: Chinese headers, a bold frozen header row with
// a filter over it, column widths, amounts in 万元, dates in the event's time zone, and text cells
// escaped against formula injection. Rows are written and committed page by page (exceljs's
// streaming writer), so the memory stays flat however many rows go out.
import type { Writable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import type { Response } from 'express';

/**
 * How a column's values are written:
 * - text: as text (escaped against formula injection);
 * - integer: a number, format `0`;
 * - wan: an amount given in integer yuan written as 万元 (yuan / 10000), format `#,##0.00`;
 * - yuan: an amount in yuan, format `#,##0`;
 * - percent: a ratio (0.25 = 25%), format `0.0%`;
 * - date / datetime: TEXT `YYYY-MM-DD` / `YYYY-MM-DD HH:mm` in the event's time zone. Excel dates have
 *   no time zone, so a date cell would show whatever zone the server computed it in; the text is the
 *   wall-clock time at the event, sorts and filters in order, and reads the same everywhere.
 */
export type XlsxFormat = 'text' | 'integer' | 'wan' | 'yuan' | 'percent' | 'date' | 'datetime';
export type XlsxValue = string | number | Date | null | undefined;
export type XlsxColumn<T> = { header: string; width?: number; format?: XlsxFormat; value: (row: T) => XlsxValue };
/** A sheet: its rows as pages from an async iterable (read from the database page by page) or as a plain iterable. */
export type XlsxSheet<T> = { name: string; columns: XlsxColumn<T>[]; rows: AsyncIterable<readonly T[]> | Iterable<T> };
export type XlsxOptions = { timeZone?: string };

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The response header carrying the number of data rows, known before the first byte, for the client's progress. */
export const EXPORT_ROWS_HEADER = 'X-Export-Rows';
/** How many rows an export reads from the database at a time. */
export const EXPORT_PAGE_SIZE = 2000;

const NUM_FMT: Partial<Record<XlsxFormat, string>> = { integer: '0', wan: '#,##0.00', yuan: '#,##0', percent: '0.0%' };
const MIN_WIDTH: Partial<Record<XlsxFormat, number>> = { date: 12, datetime: 18, wan: 14, yuan: 14 };
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const MAX_CELL_TEXT = 32_767;

/** A cell that Excel (or a CSV made from it) would take for a formula: = + - @, or a leading tab / carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text safe from formula injection: a leading ' keeps it text. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Display width of a text: CJK and other wide characters count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

function columnWidth(column: XlsxColumn<unknown>): number {
  if (column.width !== undefined) return column.width;
  return Math.min(60, Math.max(8, MIN_WIDTH[column.format ?? 'text'] ?? 0, displayWidth(column.header) + 2));
}

/** The column letters of a 1-based index: 1 → A, 27 → AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet name Excel accepts: no []:*?/\ and at most 31 characters, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, '_').trim() || 'Sheet').slice(0, 31);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i += 1) candidate = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(date: Date, timeZone: string, withTime: boolean): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const part: Record<string, string> = {};
  for (const p of format.formatToParts(date)) part[p.type] = p.value;
  const day = `${part.year}-${part.month}-${part.day}`;
  return withTime ? `${day} ${part.hour}:${part.minute}` : day;
}

/** A full timestamp as text (ISO 8601 with a time); a plain date such as 2026-05-01 is not one. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The value a cell gets for a column. */
export function cellValue(value: XlsxValue, format: XlsxFormat, timeZone: string): string | number | null {
  if (value === null || value === undefined) return null;
  if (format === 'date' || format === 'datetime') {
    const date = value instanceof Date ? value : typeof value === 'string' && TIMESTAMP.test(value) ? new Date(value) : null;
    if (date && !Number.isNaN(date.getTime())) return wallClock(date, timeZone, format === 'datetime');
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : wallClock(value, timeZone, true);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return format === 'wan' ? value / 10000 : value;
  }
  if (format !== 'text' && format !== 'date' && format !== 'datetime' && value.trim() !== '' && Number.isFinite(Number(value))) {
    // bigint columns arrive as strings from the driver.
    return cellValue(Number(value), format, timeZone);
  }
  const text = escapeFormula(value);
  // A cell holds at most 32,767 characters; Excel refuses a file with a longer one.
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

function isAsync<T>(rows: AsyncIterable<readonly T[]> | Iterable<T>): rows is AsyncIterable<readonly T[]> {
  return typeof (rows as AsyncIterable<readonly T[]>)[Symbol.asyncIterator] === 'function';
}

/** The reader hung up (closed the tab, cancelled): the export stops reading pages. */
export class ExportAbandoned extends Error {
  constructor() {
    super('the export was abandoned by its reader');
  }
}

/**
 * Lets the zip drain into `out` before the next page is produced (the slow reader holds the
 * writer back); stops the export once the reader has gone.
 */
async function drained(out: Writable): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (out.destroyed) throw new ExportAbandoned();
  if (out.writableNeedDrain && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.on('drain', done);
      out.on('close', done);
    });
  }
}

/**
 * Sheets of different row types, each typed by its own: `[XlsxSheet<Agreement>, XlsxSheet<Totals>]`
 * for Rows `[Agreement, Totals]` (inferred from the array written at the call).
 */
export type XlsxSheets<Rows extends readonly unknown[]> = { [K in keyof Rows]: XlsxSheet<Rows[K]> };

/** Streams a workbook with one or more sheets; returns rows written per sheet. */
export async function writeXlsx<Rows extends readonly unknown[]>(out: Writable, sheets: XlsxSheets<Rows>, opts: XlsxOptions = {}): Promise<number[]> {
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Duijie';
  const taken = new Set<string>();
  const written: number[] = [];
  for (const sheet of sheets as readonly XlsxSheet<unknown>[]) {
    const columns = sheet.columns;
    const worksheet = workbook.addWorksheet(sheetName(sheet.name, taken), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    worksheet.columns = columns.map((c) => ({ width: columnWidth(c) }));
    if (columns.length > 0) worksheet.autoFilter = `A1:${columnLetter(columns.length)}1`;
    const header = worksheet.addRow(columns.map((c) => escapeFormula(c.header)));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      cell.alignment = { vertical: 'middle' };
    });
    header.commit();

    let count = 0;
    const writeRow = (item: unknown) => {
      const row = worksheet.addRow(columns.map((c) => cellValue(c.value(item), c.format ?? 'text', timeZone)));
      columns.forEach((c, i) => {
        const numFmt = NUM_FMT[c.format ?? 'text'];
        if (numFmt) row.getCell(i + 1).numFmt = numFmt;
      });
      row.commit();
      count += 1;
    };
    if (isAsync(sheet.rows)) {
      for await (const page of sheet.rows) {
        for (const item of page) writeRow(item);
        await drained(out);
      }
    } else {
      for (const item of sheet.rows) {
        writeRow(item);
        if (count % EXPORT_PAGE_SIZE === 0) await drained(out);
      }
    }
    worksheet.commit();
    written.push(count);
  }
  // The writer waits for `out` to finish; a reader hanging up now would leave it waiting for ever.
  let hungUp = false;
  const closed = new Promise<void>((resolve) =>
    out.once('close', () => {
      hungUp = !out.writableFinished;
      resolve();
    }),
  );
  await Promise.race([workbook.commit(), closed]);
  if (hungUp) throw new ExportAbandoned();
  return written;
}

/** An attachment's file name: ASCII for old clients, the readable (Chinese) one per RFC 6266 / 5987. */
export function attachmentDisposition(ascii: string, readable: string): string {
  const fallback = ascii.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(readable).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** A file name safe on every system: no path separators, reserved characters or spaces. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 150);
}

export type XlsxDownload<Rows extends readonly unknown[]> = {
  /** The readable file name without the extension, e.g. `参会机构-2026洽谈会`. */
  fileName: string;
  /** The ASCII fallback without the extension, e.g. `participants-<id>`. */
  asciiName: string;
  /** The data rows about to be written (over every sheet), counted before streaming. */
  rows: number;
  sheets: XlsxSheets<Rows>;
  timeZone?: string;
};

/**
 * Sends a workbook as the answer: the headers (content type, file name, X-Export-Rows, no-store)
 * go first, then the workbook streams. A failure after the first byte cannot become an error
 * answer any more: the connection is cut, so the client sees a broken download, never a short file.
 */
export async function sendXlsx<Rows extends readonly unknown[]>(res: Response, download: XlsxDownload<Rows>): Promise<number[]> {
  res.status(200).set({
    'content-type': XLSX_CONTENT_TYPE,
    'content-disposition': attachmentDisposition(`${download.asciiName}.xlsx`, `${safeFileName(download.fileName)}.xlsx`),
    'cache-control': 'no-store',
    [EXPORT_ROWS_HEADER]: String(download.rows),
    'access-control-expose-headers': `${EXPORT_ROWS_HEADER}, Content-Disposition`,
  });
  try {
    return await writeXlsx<Rows>(res, download.sheets, { timeZone: download.timeZone });
  } catch (error) {
    if (!res.headersSent) {
      res.removeHeader(EXPORT_ROWS_HEADER);
      res.removeHeader('content-disposition');
      res.set('content-type', 'application/json; charset=utf-8');
      throw error;
    }
    if (!(error instanceof ExportAbandoned)) res.destroy(error instanceof Error ? error : new Error(String(error)));
    return [];
  }
}

/**
 * Reads a query page by page with offset paging in a stable order: `page(offset, limit)` answers
 * the rows of one page; it stops at the first short page.
 */
export async function* pages<T>(page: (offset: number, limit: number) => Promise<T[]>, size = EXPORT_PAGE_SIZE): AsyncIterable<T[]> {
  for (let offset = 0; ; offset += size) {
    const rows = await page(offset, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
  }
}
