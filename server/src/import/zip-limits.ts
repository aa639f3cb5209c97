// Limits on what an uploaded .xlsx (a zip archive) may inflate to, so that a small file
// cannot claim gigabytes of memory (a zip bomb). The central directory is read first, from
// the bytes as uploaded and without inflating anything; the worker that reads the workbook
// then inflates every entry with a hard cap, since the sizes a directory declares can lie.
import { inflateRawSync } from 'node:zlib';

/** A workbook of 20,000 rows is a few tens of MB of XML; more than this is refused. */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
/** An .xlsx holds a dozen or so parts; hundreds of entries is not a workbook. */
export const MAX_ZIP_ENTRIES = 500;

/** Why a workbook was refused: the message names the file and says what to do. */
export class WorkbookTooLarge extends Error {}

type Entry = { name: string; method: number; compressedSize: number; uncompressedSize: number; localOffset: number };

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The central directory's entries, checked against the limits; throws WorkbookTooLarge or a plain Error (not a zip). */
export function zipEntries(fileName: string, zip: Buffer): Entry[] {
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) throw new Error('no zip central directory');
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff)
    throw new WorkbookTooLarge(`${fileName} is a ZIP64 archive, which a workbook of this size never is; save it again from Excel or WPS as .xlsx`);
  if (count > MAX_ZIP_ENTRIES)
    throw new WorkbookTooLarge(
      `${fileName} holds ${count} files inside; an .xlsx workbook holds far fewer (at most ${MAX_ZIP_ENTRIES}). Save it again from Excel or WPS as .xlsx`,
    );
  if (offset + size > zip.length) throw new Error('zip central directory out of range');
  const entries: Entry[] = [];
  let total = 0;
  for (let at = offset, i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new Error('broken zip central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: Entry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      localOffset: zip.readUInt32LE(at + 42),
    };
    total += entry.uncompressedSize;
    if (total > MAX_UNCOMPRESSED_BYTES) throw tooLarge(fileName);
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * Inflates every entry with the remaining budget as a hard cap on its output, and checks it
 * inflates to the size the directory declares: a lying directory cannot get past the limit.
 */
export function checkInflatedSizes(fileName: string, zip: Buffer, entries: readonly Entry[]): void {
  let budget = MAX_UNCOMPRESSED_BYTES;
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw new Error('broken zip entry');
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    let size: number;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw tooLarge(fileName);
        throw error;
      }
    } else throw new Error(`unsupported zip compression method ${entry.method}`);
    if (size !== entry.uncompressedSize)
      throw new WorkbookTooLarge(`${fileName}: a part of the archive inflates to another size than it declares; save it again from Excel or WPS as .xlsx`);
    budget -= size;
    if (budget < 0) throw tooLarge(fileName);
  }
}

function tooLarge(fileName: string): WorkbookTooLarge {
  return new WorkbookTooLarge(
    `${fileName} unpacks to more than ${MB(MAX_UNCOMPRESSED_BYTES)}, more than a workbook of the largest import holds; split it into several files`,
  );
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= stop; at--) if (zip.readUInt32LE(at) === 0x06054b50) return at;
  return -1;
}
