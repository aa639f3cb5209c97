// Writes dist/sw.js from client/service-worker/sw.js at build time, with the list of files the
// app shell needs (index.html, the entry's chunks and styles, the files of public/) and a build
// id, so each build's worker replaces the last one's cache. No dependency: a few lines of Vite.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { OFFLINE_DATA_CACHE, OFFLINE_READABLE_API, OFFLINE_USER_KEY, SAVED_AT_HEADER } from './src/api/offline-cache';

const TEMPLATE = fileURLToPath(new URL('./service-worker/sw.js', import.meta.url));
const PUBLIC_DIR = fileURLToPath(new URL('./public', import.meta.url));

/** Minimal shapes of Rollup/Rolldown's output bundle, as far as this plugin reads them. */
type OutputChunk = { type: 'chunk'; fileName: string; isEntry: boolean; imports: string[]; viteMetadata?: { importedCss?: Set<string> } };
type OutputAsset = { type: 'asset'; fileName: string };
type Bundle = Record<string, OutputChunk | OutputAsset>;

function filesIn(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path) : [path];
  });
}

/** The entry chunks, every chunk they import statically, their styles, and every other asset (fonts, images). */
export function shellFiles(bundle: Bundle): string[] {
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (!chunk || files.has(fileName)) return;
    files.add(fileName);
    if (chunk.type !== 'chunk') return;
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const item of Object.values(bundle)) {
    if (item.type === 'chunk' && item.isEntry) visit(item.fileName);
    if (item.type === 'asset' && !item.fileName.endsWith('.map') && !item.fileName.endsWith('.html')) files.add(item.fileName);
  }
  return [...files];
}

export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'duijie-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const template = readFileSync(TEMPLATE, 'utf8');
      const publicPaths = filesIn(PUBLIC_DIR);
      const publicFiles = publicPaths.map((path) => relative(PUBLIC_DIR, path).split(sep).join('/'));
      const shell = ['/index.html', ...[...shellFiles(bundle as unknown as Bundle), ...publicFiles].map((file) => `/${file}`).sort()];
      // Hashed names change with their content; public/'s files keep theirs, so their content counts.
      const hash = createHash('sha256').update(template).update(shell.join('\n'));
      for (const path of publicPaths) hash.update(readFileSync(path));
      const build = hash.digest('hex').slice(0, 12);
      const config = {
        build,
        shell,
        dataCache: OFFLINE_DATA_CACHE,
        userKey: OFFLINE_USER_KEY,
        readable: OFFLINE_READABLE_API,
        savedAtHeader: SAVED_AT_HEADER,
      };
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: template.replace('__DUIJIE_SW_CONFIG__', JSON.stringify(config, null, 2)) });
    },
  };
}
