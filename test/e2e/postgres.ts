// A PostgreSQL the test owns, apart from every server process (the production shape: app
// and database separate), so that servers can be killed and restarted against it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export type OwnPostgres = {
  url: string;
  stop: () => Promise<void>;
  /** Fast shutdown (clients are disconnected), keeping the data; resolves once PostgreSQL has exited. */
  down: () => Promise<void>;
  /** Starts it again on the same port and data. */
  up: () => Promise<void>;
};

export async function startPostgres(): Promise<OwnPostgres> {
  const child = spawn(process.execPath, [join(__dirname, 'postgres-process.mjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within 120 s:\n${output}`)), 120_000);
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited with ${code}:\n${output}`));
    });
  });
  const command = (name: 'down' | 'up') =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not finish "${name}" within 60 s:\n${output}`)), 60_000);
      const onData = (d: Buffer) => {
        if (!d.toString().includes(JSON.stringify({ done: name }))) return;
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve();
      };
      child.stdout.on('data', onData);
      child.stdin.write(`${name}\n`);
    });
  return {
    url,
    down: () => command('down'),
    up: () => command('up'),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin.end(); // the process stops PostgreSQL and removes its folder
      await exited;
    },
  };
}
