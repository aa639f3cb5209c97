import { evidenceTypeOf } from './evidence';

describe('evidence types', () => {
  it('tells PDFs, PNGs and JPEGs by their first bytes', () => {
    expect(evidenceTypeOf(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
    expect(evidenceTypeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('image/png');
    expect(evidenceTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]))).toBe('image/jpeg');
  });

  it('refuses anything else, whatever it is called: a Windows program, a script, text, nothing', () => {
    expect(evidenceTypeOf(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBeNull(); // MZ: an .exe renamed to .pdf
    expect(evidenceTypeOf(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toBeNull();
    expect(evidenceTypeOf(Buffer.from('<html>%PDF-</html>'))).toBeNull();
    expect(evidenceTypeOf(Buffer.alloc(0))).toBeNull();
    expect(evidenceTypeOf(Buffer.from('%PD'))).toBeNull();
  });
});
