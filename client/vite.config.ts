import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { serviceWorkerPlugin } from './vite-sw-plugin';

const sharedEntry = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));
const sharedSources = fileURLToPath(new URL('../shared/src/', import.meta.url));
// The API server the dev server proxies to; DUIJIE_API overrides the default port.
const backend = process.env.DUIJIE_API ?? 'http://localhost:3000';

/**
 * Writes a brotli (.br) and a gzip (.gz) twin beside every text file of the build, once, at the
 * highest levels; the server sends them with Content-Encoding (server/src/common/static-assets.ts).
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  return {
    name: 'duijie:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((name) => /\.(js|mjs|css|html|json|svg|webmanifest)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const content = await readFile(join(dir, name));
          if (content.length < 1024) return;
          const size = content.length;
          await writeFile(join(dir, `${name}.br`), await brotli(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: size } }));
          await writeFile(join(dir, `${name}.gz`), await gzipped(content, { level: 9 }));
        }),
      );
    },
  };
}

/**
 * The Chinese strings the login page and the app's frame (loading, errors, not found) use: the
 * entry carries only these; the full strings load with the first other page (app/i18n.ts).
 */
const CORE_STRING_GROUPS = ['app', 'login', 'fields', 'validation', 'errors', 'state', 'common'];

/** `virtual:duijie-core-strings`: CORE_STRING_GROUPS cut from locales/zh-CN.json, at build and in dev. */
function coreStrings(): Plugin {
  const id = 'virtual:duijie-core-strings';
  const file = fileURLToPath(new URL('./src/locales/zh-CN.json', import.meta.url));
  return {
    name: 'duijie:core-strings',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(file);
      const all = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      return `export default ${JSON.stringify(Object.fromEntries(CORE_STRING_GROUPS.map((group) => [group, all[group]])))};`;
    },
  };
}

export default defineConfig({
  plugins: [react(), coreStrings(), precompress(), serviceWorkerPlugin()],
  resolve: {
    alias: { '@duijie/shared': sharedEntry },
  },
  server: {
    // The Host header stays the dev server's: the API refuses cookie logins and sockets whose
    // Origin is another host (cross-site), and here Origin is the dev server too.
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/socket.io': { target: backend, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The participant's first load stays under its budget (test/e2e/loading-budget.e2e-spec.ts):
    // antd, echarts and the rest split by route, so a page loads the components it uses and
    // echarts only with the charts. React changes least often: its own long-cached chunk.
    rolldownOptions: {
      // shared/src declares and exports only: a module none of whose exports the client uses is
      // left out (the holiday calendar, the reward rules…) instead of riding along in the entry.
      treeshake: { moduleSideEffects: (id: string) => (id.startsWith(sharedSources) ? false : undefined) },
      output: {
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }],
        },
      },
    },
  },
});
