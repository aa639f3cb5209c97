// The layering rule of eslint.config.mjs, proved on a deliberate violation: infrastructure that
// imports a capability fails `npm run check`, and the same import from a capability passes.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

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
  it('refuses an import of the same layer or above, and lets a folder import the layers below it', async () => {
    const nested = `import { MeetingsService } from '../../meetings/meetings.service';\nexport type Probe = MeetingsService;\n`;
    const down = `import { UnitOfWork } from '../common/unit-of-work/unit-of-work';\nimport { ListingsService } from '../listings/listings.service';\nexport type Probe = [UnitOfWork, ListingsService];\n`;
    const upward = `import { MeetingsService } from '../meetings/meetings.service';\nexport type Probe = MeetingsService;\n`;
    const sibling = `import { SupermarketService } from '../supermarket/supermarket.service';\nexport type Probe = SupermarketService;\n`;
    const [common, access, rateLimits, unitOfWork, capabilityUp, sameLayer, capabilityDown] = await restrictedImports([
      { filePath: 'server/src/common/errors.ts', code: UPWARD },
      { filePath: 'server/src/access/principal.ts', code: UPWARD },
      { filePath: 'server/src/rate-limits/rate-counters.ts', code: UPWARD },
      { filePath: 'server/src/common/unit-of-work/unit-of-work.ts', code: nested },
      { filePath: 'server/src/listings/listings.service.ts', code: upward },
      { filePath: 'server/src/matching/scoring.ts', code: sibling },
      { filePath: 'server/src/matching/scoring.ts', code: down },
    ]);
    for (const refused of [common, access, rateLimits, unitOfWork, capabilityUp, sameLayer]) {
      expect(refused).toEqual([expect.stringContaining('may import only the folders of the layers below it')]);
    }
    expect(capabilityDown).toEqual([]);
  }, 120_000);
});

/** Folder → the folders its non-test files import (relative imports of server/src). */
function folderGraph(): Map<string, Set<string>> {
  const src = join(__dirname, '..');
  const graph = new Map<string, Set<string>>();
  for (const folder of readdirSync(src, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const edges = new Set<string>();
    for (const file of readdirSync(join(src, folder.name), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || /\.(int-)?spec\.ts$/.test(file)) continue;
      const dir = dirname(join(src, folder.name, file));
      for (const [, target] of readFileSync(join(src, folder.name, file), 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const [top] = relative(src, join(dir, target)).split(sep);
        if (top !== folder.name && !top.startsWith('.') && !top.endsWith('.ts')) edges.add(top);
      }
    }
    graph.set(folder.name, edges);
  }
  return graph;
}

describe('server import graph', () => {
  it('has no cycle between folders', () => {
    const graph = folderGraph();
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'visiting');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
    // The graph was read: capabilities do import the layers below them.
    expect([...(graph.get('listings') ?? [])]).toContain('events');
  });
});

describe('table ownership', () => {
  it('no module’s SQL touches a table of a module beside or above it', () => {
    const src = join(__dirname, '..');
    const layers = JSON.parse(readFileSync(join(src, '..', 'layers.json'), 'utf8')) as string[][];
    const rank = new Map(layers.flatMap((layer, i) => layer.map((folder) => [folder, i] as const)));
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(f));
    // Each table's owner: the folder of the entity that names it.
    const owner = new Map<string, string>();
    for (const file of files.filter((f) => f.endsWith('.entity.ts'))) {
      for (const [, table] of readFileSync(join(src, file), 'utf8').matchAll(/@Entity\('(\w+)'/g)) owner.set(table, file.split(sep)[0]);
    }
    const reaches: string[] = [];
    for (const file of files) {
      const folder = file.split(sep)[0];
      if (['database', 'testing'].includes(folder) || !rank.has(folder)) continue;
      for (const [, table] of readFileSync(join(src, file), 'utf8').matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+"?(\w+)"?/g)) {
        const of = owner.get(table);
        if (of && of !== folder && rank.get(of)! >= rank.get(folder)!) reaches.push(`${file} → ${table} (${of})`);
      }
    }
    expect(owner.get('listing')).toBe('listings');
    expect(reaches).toEqual([]);
  });
});
