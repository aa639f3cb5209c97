import type { NextFunction, Request, Response } from 'express';
import { stat } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';

/**
 * The client's files as the browser should get them. The client build (client/vite.config.ts)
 * writes a .br and a .gz beside every text file worth compressing; these are sent with
 * Content-Encoding to a browser that accepts them (brotli first), the file itself to any other.
 * Vite's hashed files under assets/ never change under their name: cached for a year.
 */

/** The text types the build precompresses, by extension. */
const COMPRESSIBLE: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

const YEAR_SECONDS = 365 * 24 * 3600;

/** Cache-Control for a file of the client build, by its path inside the build (forward slashes). */
export function cacheControlFor(pathInBuild: string): string {
  // The service worker is checked for an update on every visit: a stale one would keep serving an old shell.
  if (pathInBuild === 'sw.js') return 'no-cache';
  return pathInBuild.startsWith('assets/') ? `public, max-age=${YEAR_SECONDS}, immutable` : 'public, max-age=3600';
}

/** The encodings an Accept-Encoding header allows, of those we precompress, best first. */
export function acceptedEncodings(header: string | undefined): ('br' | 'gzip')[] {
  if (!header) return [];
  const allowed = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (token) allowed.set(token, Number.isFinite(weight) ? weight : 0);
  }
  const star = allowed.get('*');
  return ENCODINGS.map((e) => e.name).filter((name) => (allowed.get(name) ?? star ?? 0) > 0);
}

/** The file a URL path names inside root, or null when it leaves root or cannot be decoded. */
function fileInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(root, `.${decoded}`);
  return file.startsWith(root + sep) ? file : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Sends the precompressed twin of a requested client file when the browser accepts its
 * encoding; otherwise (no twin, no encoding accepted, not a client file) passes to the next
 * handler, which serves the file as it is.
 */
export function precompressedAssets(rootDir: string) {
  const root = resolve(rootDir);
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/')) return next();
    const type = COMPRESSIBLE[extname(req.path).toLowerCase()];
    if (!type) return next();
    const file = fileInside(root, req.path);
    if (!file) return next();
    res.vary('Accept-Encoding');
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    void (async () => {
      for (const encoding of ENCODINGS) {
        if (!accepted.includes(encoding.name) || !(await isFile(file + encoding.suffix))) continue;
        res.setHeader('Content-Type', type);
        res.setHeader('Content-Encoding', encoding.name);
        res.setHeader('Cache-Control', cacheControlFor(relative(root, file).split(sep).join('/')));
        res.sendFile(file + encoding.suffix, { dotfiles: 'deny' }, (error?: Error) => {
          if (!error || res.headersSent) return;
          res.removeHeader('Content-Type');
          res.removeHeader('Content-Encoding');
          res.removeHeader('Cache-Control');
          next();
        });
        return;
      }
      next();
    })().catch(next);
  };
}

/** serve-static's setHeaders for the uncompressed files: the same caching, and Vary for the compressible ones. */
export function staticAssetHeaders(rootDir: string) {
  const root = resolve(rootDir);
  return (res: Response, path: string): void => {
    res.setHeader('Cache-Control', cacheControlFor(relative(root, path).split(sep).join('/')));
    if (COMPRESSIBLE[extname(path).toLowerCase()]) res.vary('Accept-Encoding');
  };
}
