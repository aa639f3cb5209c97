import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { acceptedEncodings, cacheControlFor, precompressedAssets, staticAssetHeaders } from './static-assets';

describe('the client files, precompressed', () => {
  const base = mkdtempSync(join(tmpdir(), 'duijie-static-'));
  const root = join(base, 'dist');
  const script = 'export const greeting = "你好";\n'.repeat(200);
  const app = express();

  beforeAll(() => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(root, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(join(root, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    // Only a gzip twin: a brotli browser gets the gzip one.
    writeFileSync(join(root, 'assets', 'style-abc123.css'), 'body { margin: 0 }\n'.repeat(100));
    writeFileSync(join(root, 'assets', 'style-abc123.css.gz'), gzipSync('body { margin: 0 }\n'.repeat(100)));
    writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"对接"}');
    // Beside the client folder, with a gzip twin as if it were one of its files.
    writeFileSync(join(base, 'secret.js'), 'outside');
    writeFileSync(join(base, 'secret.js.gz'), gzipSync('outside'));
    app.use(precompressedAssets(join(root, 'assets', '..')));
    app.use(express.static(root, { index: false, setHeaders: staticAssetHeaders(root) }));
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  it('sends the brotli twin with its encoding and the script type to a browser that accepts brotli', async () => {
    const res = await request(app).get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip, deflate, br, zstd').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['vary']).toContain('Accept-Encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // What crossed the wire is the brotli twin (supertest decodes it for us).
    expect(Number(res.headers['content-length'])).toBe(brotliCompressSync(script).length);
    expect((res.body as Buffer).toString()).toBe(script);
  });

  it('sends the gzip twin when brotli is refused or missing', async () => {
    const refused = await request(app).get('/assets/index-abc123.js').set('Accept-Encoding', 'br;q=0, gzip').buffer(true).parse(binary);
    expect(refused.headers['content-encoding']).toBe('gzip');
    expect(Number(refused.headers['content-length'])).toBe(gzipSync(script).length);
    expect((refused.body as Buffer).toString()).toBe(script);

    const missing = await request(app).get('/assets/style-abc123.css').set('Accept-Encoding', 'br, gzip').buffer(true).parse(binary);
    expect(missing.headers['content-encoding']).toBe('gzip');
    expect(missing.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('sends the file itself, still varying by encoding, to a client that accepts no compression', async () => {
    const res = await request(app).get('/assets/index-abc123.js').set('Accept-Encoding', 'identity').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect((res.body as Buffer).toString()).toBe(script);
    expect(res.headers['vary']).toContain('Accept-Encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('caches files outside assets/ (their names carry no hash) for an hour only', async () => {
    const res = await request(app).get('/manifest.webmanifest').set('Accept-Encoding', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(cacheControlFor('sw.js')).toBe('no-cache');
  });

  it('never leaves the client folder, however the path is spelt', async () => {
    for (const path of ['/assets/..%2F..%2Fsecret.js', '/%2e%2e/secret.js', '/..%5Csecret.js', '/assets/%E0%A4%A.js']) {
      const res = await request(app).get(path).set('Accept-Encoding', 'gzip').buffer(true).parse(binary);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect((res.body as Buffer).toString()).not.toContain('outside');
      expect([400, 403, 404]).toContain(res.status);
    }
  });

  it('reads Accept-Encoding with its weights and wildcard', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0, gzip;q=0.5')).toEqual(['gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});
