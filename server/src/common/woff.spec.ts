import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { woffToSfnt } from './woff';

/** The OpenType table checksum: the sum of the table's 32-bit words (head without its adjustment). */
function checksum(table: Buffer, isHead: boolean): number {
  const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
  if (isHead) padded.writeUInt32BE(0, 8);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

describe('woffToSfnt', () => {
  const woff = readFileSync(join(__dirname, '..', '..', 'assets', 'fonts', 'NotoSansSC-Regular.woff'));
  const sfnt = woffToSfnt(woff);

  it('unpacks every table of the shipped font to the bytes its checksum describes', () => {
    const numTables = sfnt.readUInt16BE(4);
    expect(numTables).toBe(woff.readUInt16BE(12));
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    const tags: string[] = [];
    for (let i = 0; i < numTables; i++) {
      const entry = 12 + i * 16;
      const tag = sfnt.toString('latin1', entry, entry + 4);
      const offset = sfnt.readUInt32BE(entry + 8);
      const length = sfnt.readUInt32BE(entry + 12);
      expect(offset % 4).toBe(0);
      expect(checksum(sfnt.subarray(offset, offset + length), tag === 'head')).toBe(sfnt.readUInt32BE(entry + 4));
      tags.push(tag);
    }
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'name']));
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
  });

  it('refuses what is not a WOFF font', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, really not'))).toThrow('not a WOFF 1.0 font');
  });
});
