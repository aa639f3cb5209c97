import { PassThrough, Writable } from 'node:stream';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as ExcelJS from 'exceljs';
import express from 'express';
import { attachmentDisposition, cellValue, displayWidth, escapeFormula, ExportAbandoned, pages, sendXlsx, writeXlsx, type XlsxColumn } from './xlsx';

type Deal = { title: string; amountYuan: number | string; share: number; signedAt: Date | null; day: string; count: number; fee: number };

const columns: XlsxColumn<Deal>[] = [
  { header: '协议名称', value: (d) => d.title },
  { header: '金额（万元）', format: 'wan', value: (d) => d.amountYuan },
  { header: '占比', format: 'percent', value: (d) => d.share },
  { header: '签约时间', format: 'datetime', value: (d) => d.signedAt },
  { header: '日期', format: 'date', value: (d) => d.day },
  { header: '件数', format: 'integer', width: 30, value: (d) => d.count },
  { header: '费用（元）', format: 'yuan', value: (d) => d.fee },
];

async function toBuffer(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('writeXlsx', () => {
  const deals: Deal[] = [
    { title: '青稞深加工项目', amountYuan: 12_345_678, share: 0.256, signedAt: new Date('2026-05-20T16:30:00Z'), day: '2026-05-21', count: 3, fee: 1500 },
    { title: '=HYPERLINK("http://evil","x")', amountYuan: '50000', share: 1, signedAt: null, day: '2026-05-22', count: 0, fee: 0 },
    { title: '-2+3', amountYuan: 0, share: 0, signedAt: new Date('2026-05-21T01:05:00Z'), day: '2026-05-22', count: 1, fee: 99 },
  ];

  it('writes Chinese headers, 万元 / yuan / percent formats, dates in the time zone, a frozen filtered header and escaped formulas', async () => {
    const buffer = await toBuffer((out) => writeXlsx(out, [{ name: '协议', columns, rows: deals }]));
    const sheet = (await read(buffer)).getWorksheet('协议')!;

    expect(sheet.getRow(1).values).toEqual([undefined, '协议名称', '金额（万元）', '占比', '签约时间', '日期', '件数', '费用（元）']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:G1');

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('青稞深加工项目');
    expect(first.getCell(2).value).toBeCloseTo(1234.5678, 6);
    expect(first.getCell(2).numFmt).toBe('#,##0.00');
    expect(first.getCell(3).value).toBeCloseTo(0.256, 6);
    expect(first.getCell(3).numFmt).toBe('0.0%');
    // 16:30 UTC is 00:30 the next day in Shanghai.
    expect(first.getCell(4).value).toBe('2026-05-21 00:30');
    expect(first.getCell(5).value).toBe('2026-05-21');
    expect(first.getCell(6).value).toBe(3);
    expect(first.getCell(6).numFmt).toBe('0');
    expect(first.getCell(7).value).toBe(1500);
    expect(first.getCell(7).numFmt).toBe('#,##0');

    const hostile = sheet.getRow(3);
    expect(hostile.getCell(1).value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(hostile.getCell(1).formula).toBeUndefined();
    expect(hostile.getCell(2).value).toBe(5); // a bigint column arrives as a string
    expect(hostile.getCell(4).value).toBeNull();
    expect(sheet.getRow(4).getCell(1).value).toBe("'-2+3");
    expect(sheet.rowCount).toBe(4);

    // Widths: given, or from the header with CJK counted double.
    expect(sheet.getColumn(6).width).toBe(30);
    expect(sheet.getColumn(1).width).toBe(displayWidth('协议名称') + 2);
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(18);
  });

  it('writes several sheets from pages and answers the rows per sheet; the time zone is the one given', async () => {
    async function* paged(): AsyncIterable<Deal[]> {
      yield [deals[0]];
      yield [deals[1], deals[2]];
    }
    let counts: number[] = [];
    const buffer = await toBuffer(async (out) => {
      counts = await writeXlsx(
        out,
        [
          { name: '协议', columns, rows: paged() },
          { name: '汇总/合计', columns: [{ header: '合计', format: 'wan', value: (n: number) => n }], rows: [1e8] },
        ],
        { timeZone: 'Europe/London' },
      );
    });
    expect(counts).toEqual([3, 1]);
    const workbook = await read(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['协议', '汇总_合计']);
    expect(workbook.getWorksheet('协议')!.getRow(2).getCell(4).value).toBe('2026-05-20 17:30');
    expect(workbook.getWorksheet('汇总_合计')!.getRow(2).getCell(1).value).toBe(10000);
  });

  it('escapes every formula start, and nothing else', () => {
    expect(['=1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a=1', '１=1', ''].map(escapeFormula)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'a=1',
      '１=1',
      '',
    ]);
    expect(cellValue('=1+1', 'wan', 'Asia/Shanghai')).toBe("'=1+1");
    expect(cellValue(-5, 'integer', 'Asia/Shanghai')).toBe(-5);
    const long = cellValue('青'.repeat(40_000), 'text', 'Asia/Shanghai') as string;
    expect(long).toHaveLength(32_767);
    expect(long.endsWith('…')).toBe(true);
  });

  it('names the file in ASCII and in UTF-8 per RFC 5987', () => {
    expect(attachmentDisposition('agreements-1.xlsx', '签约协议-洽谈会 (1).xlsx')).toBe(
      `attachment; filename="agreements-1.xlsx"; filename*=UTF-8''${encodeURIComponent('签约协议-洽谈会')}%20%281%29.xlsx`,
    );
    expect(attachmentDisposition('a"b\\é.xlsx', 'x.xlsx')).toContain('filename="a_b__.xlsx"');
  });

  it('reads the pages one after another and stops at a short page', async () => {
    const offsets: number[] = [];
    const all: number[] = [];
    for await (const page of pages(async (offset, limit) => {
      offsets.push(offset);
      return Array.from({ length: Math.max(0, Math.min(limit, 5 - offset)) }, (_, i) => offset + i);
    }, 2)) {
      all.push(...page);
    }
    expect(all).toEqual([0, 1, 2, 3, 4]);
    expect(offsets).toEqual([0, 2, 4]);
  });

  describe('sendXlsx over HTTP', () => {
    let server: Server;
    let failAfterFirstPage = false;
    beforeAll(async () => {
      const app = express();
      app.get('/export', (_req, res) => {
        async function* paged(): AsyncIterable<Deal[]> {
          yield Array.from({ length: 3000 }, () => deals[0]);
          if (failAfterFirstPage) throw new Error('the database went away');
          yield [deals[2]];
        }
        void sendXlsx(res, { fileName: '签约协议 测试', asciiName: 'agreements', rows: 3001, sheets: [{ name: '协议', columns, rows: paged() }] }).catch(
          (error: Error) => res.status(500).json({ message: error.message }),
        );
      });
      server = createServer(app);
      await new Promise<void>((resolve) => server.listen(0, resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const fetchRaw = () =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer; complete: boolean }>((resolve, reject) => {
        get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/export`, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', () => resolve({ headers: res.headers, body: Buffer.concat(chunks), complete: false }));
          res.on('close', () => resolve({ headers: res.headers, body: Buffer.concat(chunks), complete: res.complete }));
        }).on('error', reject);
      });

    it('sends the row count and the file name first, then the whole workbook', async () => {
      failAfterFirstPage = false;
      const { headers, body, complete } = await fetchRaw();
      expect(complete).toBe(true);
      expect(headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(headers['x-export-rows']).toBe('3001');
      expect(headers['cache-control']).toBe('no-store');
      expect(headers['content-disposition']).toBe(`attachment; filename="agreements.xlsx"; filename*=UTF-8''${encodeURIComponent('签约协议_测试.xlsx')}`);
      expect((await read(body)).getWorksheet('协议')!.rowCount).toBe(3002);
    });

    it('cuts the connection when the rows fail half-way, so no short file passes for a whole one', async () => {
      failAfterFirstPage = true;
      const { body, complete } = await fetchRaw();
      expect(complete).toBe(false);
      await expect(read(body)).rejects.toThrow();
    });
  });

  it('stops reading pages once the reader has gone', async () => {
    let read = 0;
    async function* endless(): AsyncIterable<Deal[]> {
      for (;;) {
        read += 1;
        yield [deals[0]];
      }
    }
    const out = new PassThrough();
    out.resume();
    setTimeout(() => out.destroy(), 50);
    await expect(writeXlsx(out, [{ name: '协议', columns, rows: endless() }])).rejects.toThrow(ExportAbandoned);
    const after = read;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(read).toBe(after);
  });

  it('keeps the heap flat while 200,000 rows stream out', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const total = 200_000;
    const pageSize = 2_000;
    const samples: Record<string, number> = {};
    async function* generated(): AsyncIterable<Deal[]> {
      for (let start = 0; start < total; start += pageSize) {
        if (start === pageSize * 5) samples.start = heap();
        if (start === total / 2) samples.half = heap();
        yield Array.from({ length: pageSize }, (_, i) => ({
          title: `协议 ${start + i} 青稞深加工与冷链物流合作项目`,
          amountYuan: (start + i) * 1000,
          share: i / pageSize,
          signedAt: new Date(Date.UTC(2026, 4, 20, 0, i % 60)),
          day: '2026-05-21',
          count: i,
          fee: i * 3,
        }));
      }
      samples.full = heap();
    }
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    });
    const [rows] = await writeXlsx(sink, [{ name: '协议', columns, rows: generated() }]);
    expect(rows).toBe(total);
    expect(bytes).toBeGreaterThan(1_000_000);
    // Holding the rows would cost hundreds of bytes each (the cells' objects and strings): 100,000 more
    // rows would add tens of MB. What the heap does beyond that between two samples is the collector's
    // noise (50–55 bytes a row measured on a loaded machine), so the bound sits well under retention and
    // well over the noise.
    const growth = samples.full - samples.half;
    const perRow = growth / (total / 2);
    expect(perRow).toBeLessThan(150);
    expect(samples.half - samples.start).toBeLessThan(20 * 1024 * 1024);
  }, 180_000);
});
