// CSV as spreadsheets save it (RFC 4180): comma-separated, fields in double quotes may hold
// commas, line breaks and doubled quotes. Excel in China saves CSV in GB18030 (GBK); UTF-8
// with or without a byte-order mark is read as well.

/** Text of a CSV file: UTF-8 when the bytes are valid UTF-8, else GB18030. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}

/**
 * The rows of a CSV text, each an array of fields; a final line break ends the last row.
 * With `maxRows`, reading stops once that many non-blank rows are read (the rest is not parsed).
 */
export function parseCsv(text: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let filled = 0;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    if (row.some((f) => f.trim() !== '')) filled += 1;
    row = [];
  };
  while (i < text.length && filled < maxRows) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 1;
    } else if (ch === '\n' || ch === '\r') endRow();
    else field += ch;
    i += 1;
  }
  if (filled < maxRows && (field !== '' || row.length > 0)) endRow();
  return rows;
}

/** One CSV row: fields quoted where they need it. */
export function csvLine(fields: readonly (string | number)[]): string {
  return fields
    .map((value) => {
      const text = String(value);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}
