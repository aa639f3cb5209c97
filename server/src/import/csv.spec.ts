import { csvLine, decodeCsv, parseCsv } from './csv';

describe('CSV reading', () => {
  it('splits fields and rows, with quoted commas, quotes and line breaks', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('keeps empty fields and a last row without a line break', () => {
    expect(parseCsv('a,,c\n,,\nlast')).toEqual([['a', '', 'c'], ['', '', ''], ['last']]);
  });

  it('reads UTF-8 with and without a byte-order mark', () => {
    const utf8 = Buffer.from('机构名称,统一社会信用代码\n', 'utf8');
    expect(decodeCsv(utf8)).toEqual({ text: '机构名称,统一社会信用代码\n', encoding: 'utf-8' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).text).toBe('机构名称,统一社会信用代码\n');
  });

  it('reads GB18030 (GBK) as Excel in China saves it', () => {
    // 机构名称 in GBK.
    const gbk = Buffer.from([0xbb, 0xfa, 0xb9, 0xb9, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x41]);
    expect(decodeCsv(gbk)).toEqual({ text: '机构名称,A', encoding: 'gb18030' });
  });

  it('writes what it reads', () => {
    const fields = ['plain', 'a,b', 'say "hi"', 3600];
    expect(parseCsv(csvLine(fields))).toEqual([['plain', 'a,b', 'say "hi"', '3600']]);
  });
});
