// `npm start`: builds whatever is missing or older than its sources, then starts the
// server (which starts the embedded PostgreSQL when DATABASE_URL is unset). Extra
// arguments go to the server, e.g. `npm start -- --demo`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const builds = [
  { workspace: 'shared', sources: ['shared/src'], output: 'shared/dist/index.js' },
  { workspace: 'server', sources: ['server/src', 'shared/src'], output: 'server/dist/main.js' },
  { workspace: 'client', sources: ['client/src', 'client/index.html', 'shared/src'], output: 'client/dist/index.html' },
];

for (const { workspace, sources, output } of builds) {
  const out = join(root, output);
  const stale =
    !existsSync(out) ||
    sources.some((s) => {
      const path = join(root, s);
      return existsSync(path) && (statSync(path).isDirectory() ? newest(path) : statSync(path).mtimeMs) > statSync(out).mtimeMs;
    });
  if (!stale) continue;
  console.log(`Building ${workspace} ...`);
  const result = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = spawn(process.execPath, [join(root, 'server/dist/main.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
