// Preloaded into the server process by bench:signing (NODE_OPTIONS=--require …): records
// the statements the server sends to PostgreSQL, exactly as it hands them to `pg` (text
// and parameters), so the bench can replay one signing request's SQL without the server.
// Idle until the process gets SIGWINCH; the next SIGWINCH stops recording and writes what
// was recorded to SQL_TAP_FILE. While idle it costs one boolean test per query. (SIGWINCH
// because it is harmless when nobody listens, and the usual SIGUSR2 is among the signals
// on which Nest shuts the server down.)
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** One statement as the server sent it; `connection` tells the pool's connections apart. */
export type TappedStatement = { connection: number; text: string; values: unknown[] | null };

const file = process.env.SQL_TAP_FILE;
if (file) {
  // The `pg` the server loads: resolved from its entry point (server/dist/main.js).
  const { Client } = createRequire(process.argv[1] ?? join(process.cwd(), 'main.js'))('pg') as typeof import('pg');
  const ids = new WeakMap<object, number>();
  let connections = 0;
  let recording = false;
  let recorded: TappedStatement[] = [];
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function tappedQuery(this: object, ...args: unknown[]) {
    if (recording) {
      const [first, second] = args;
      const config = typeof first === 'string' ? { text: first, values: second } : (first as { text?: unknown; values?: unknown } | null);
      if (config && typeof config.text === 'string') {
        if (!ids.has(this)) ids.set(this, ++connections);
        const values = Array.isArray(config.values) ? config.values.map((v: unknown) => (v instanceof Date ? v.toISOString() : v)) : null;
        recorded.push({ connection: ids.get(this) ?? 0, text: config.text, values });
      }
    }
    return original.apply(this, args);
  } as typeof Client.prototype.query;
  process.on('SIGWINCH', () => {
    if (!recording) {
      recorded = [];
      recording = true;
      return;
    }
    recording = false;
    writeFileSync(file, JSON.stringify(recorded));
  });
}
