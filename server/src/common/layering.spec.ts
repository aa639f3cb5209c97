// The layering rule of eslint.config.mjs, proved on a deliberate violation: infrastructure that
// imports a capability fails `npm run check`, and the same import from a capability passes.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const UPWARD = `import { ListingsService } from '../listings/listings.service';\nexport type Probe = ListingsService;\n`;

type Probe = { filePath: string; code: string };

/**
 * Lints each probe as if it were the file at its path, with the repository's own config, in one
 * ESLint process of its own (Jest cannot load the ES-module config; one process loads the
 * TypeScript program once). Answers the no-restricted-imports messages of each.
 */
function restrictedImports(probes: Probe[]): Promise<string[][]> {
  const script = `
    const { ESLint } = await import('eslint');
    const probes = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const answers = [];
    for (const { filePath, code } of probes) {
      const [result] = await eslint.lintText(code, { filePath });
      answers.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(answers));`;
  const args = ['--input-type=module', '-e', script, JSON.stringify(probes.map((p) => ({ ...p, filePath: join(ROOT, p.filePath) })))];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(stderr || error.message)) : resolve(JSON.parse(stdout) as string[][]),
    );
  });
}

describe('server layering (lint)', () => {
  it('refuses a capability imported into the infrastructure layer, and lets capabilities import it and each other', async () => {
    const nested = `import { MeetingsService } from '../../meetings/meetings.service';\nexport type Probe = MeetingsService;\n`;
    const down = `import { UnitOfWork } from '../common/unit-of-work/unit-of-work';\nimport { ListingsService } from '../listings/listings.service';\nexport type Probe = [UnitOfWork, ListingsService];\n`;
    const [common, access, rateLimits, unitOfWork, capability] = await restrictedImports([
      { filePath: 'server/src/common/errors.ts', code: UPWARD },
      { filePath: 'server/src/access/principal.ts', code: UPWARD },
      { filePath: 'server/src/rate-limits/rate-counters.ts', code: UPWARD },
      { filePath: 'server/src/common/unit-of-work/unit-of-work.ts', code: nested },
      { filePath: 'server/src/matching/scoring.ts', code: down },
    ]);
    for (const refused of [common, access, rateLimits, unitOfWork]) expect(refused).toEqual([expect.stringContaining('must not import a capability')]);
    expect(capability).toEqual([]);
  }, 120_000);
});
