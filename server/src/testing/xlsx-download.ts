// Downloads an .xlsx export over HTTP and reads it back with exceljs, for the export specs.
import * as ExcelJS from 'exceljs';
import type { Actor, TestApp } from './test-app';

export type XlsxDownloaded = { status: number; headers: Record<string, string>; workbook: ExcelJS.Workbook | null; body: unknown };

/** GETs `path` (under /api) as the actor; a 200 answer's workbook is read back, any other answer's JSON kept. */
export async function downloadXlsx(t: TestApp, actor: Actor, path: string): Promise<XlsxDownloaded> {
  const res = await t.http
    .get(`/api${path}`)
    .auth(actor.token, { type: 'bearer' })
    .buffer(true)
    .parse((response, done) => {
      const stream = response as unknown as NodeJS.ReadableStream;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const buffer = res.body as Buffer;
  if (res.status !== 200)
    return { status: res.status, headers: res.headers as Record<string, string>, workbook: null, body: JSON.parse(buffer.toString('utf8') || 'null') };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return { status: res.status, headers: res.headers as Record<string, string>, workbook, body: null };
}

/** A sheet's rows as arrays of cell values (row 1 the headers), without exceljs's empty first slot. */
export function sheetValues(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}: ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return rows;
}

/** The rows as objects keyed by the header row. */
export function sheetRecords(workbook: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const [headers, ...rows] = sheetValues(workbook, name);
  return rows.map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i]])));
}
