// Evidence attached to a report: PDFs and photos of documents, told by their first bytes, never by
// the name or the type the browser claims (a renamed .exe stays an .exe).

export const EVIDENCE_MAX_MB = 10;
export const EVIDENCE_MAX_BYTES = EVIDENCE_MAX_MB * 1024 * 1024;

export type EvidenceType = 'application/pdf' | 'image/png' | 'image/jpeg';

const SIGNATURES: { type: EvidenceType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The evidence type of the bytes, or null when they are none of the accepted ones. */
export function evidenceTypeOf(data: Buffer): EvidenceType | null {
  const match = SIGNATURES.find(({ bytes }) => data.length >= bytes.length && bytes.every((b, i) => data[i] === b));
  return match?.type ?? null;
}
