// npm run bench:schedule -- [--dir folder] [--out folder] [--budget ms] [--seed n] [--threads n] [--only name[,name]]
// Runs the product's meeting scheduler (the server's built schedule(), as the meetings module
// calls it) on every .dzn instance of the folder (default shared/bench/b2b beside the repository:
// the 20 real B2B events with published optimal numbers of breaks), checks each schedule with an
// independent checker, and prints one JSON line per instance and a summary line last. With --out,
// writes <instance>.json = { instance, slots } (1-based slot per requested meeting, 0 = unscheduled).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { ScheduleOptions, ScheduleProblem, ScheduleResult } from './schedule-types';
import { ROOT } from '../e2e/server';
import { readDzn, toProblem } from './dzn';
import { checkSchedule } from './schedule-checker';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const fromRoot = (path: string) => (isAbsolute(path) ? path : resolve(ROOT, path));
const DIR = fromRoot(option('dir') ?? join('..', 'shared', 'bench', 'b2b'));
const OUT = option('out') != null ? resolve(option('out')!) : null;
const BUDGET = option('budget') != null ? Number(option('budget')) : undefined;
const SEED = option('seed') != null ? Number(option('seed')) : undefined;
const ONLY = option('only')?.split(',') ?? null;
const THREADS = option('threads') != null ? Number(option('threads')) : undefined;
const log = (line: string) => process.stderr.write(`${line}\n`);

// The server's own scheduler, as built (npm run build).
const serverRequire = createRequire(join(ROOT, 'server', 'package.json'));
const { schedule } = serverRequire('./dist/meetings/scheduler/scheduler.js') as {
  schedule: (p: ScheduleProblem, o?: ScheduleOptions) => Promise<ScheduleResult>;
};

async function main(): Promise<void> {
  if (!existsSync(DIR)) throw new Error(`no instance folder at ${DIR}`);
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.dzn'))
    .filter((f) => ONLY == null || ONLY.includes(basename(f, '.dzn').replace(/\.original$/, '')))
    .sort();
  const optimaPath = join(DIR, 'optima.json');
  const optima = existsSync(optimaPath) ? (JSON.parse(readFileSync(optimaPath, 'utf8')) as Record<string, number>) : {};
  if (OUT) mkdirSync(OUT, { recursive: true });
  log(`${files.length} instances in ${DIR}, budget ${BUDGET ?? 'default'} ms, seed ${SEED ?? 'default'}`);
  const summary = { instances: 0, valid: 0, all_scheduled: 0, breaks_sum: 0, optimal_sum: 0, at_optimum: 0, max_ms: 0 };
  for (const file of files) {
    const key = basename(file, '.dzn');
    const instance = key.replace(/\.original$/, '');
    const raw = readDzn(join(DIR, file));
    const started = performance.now();
    const result = await schedule(toProblem(raw), { budgetMs: BUDGET, seed: SEED, threads: THREADS });
    const ms = Math.round(performance.now() - started);
    const check = checkSchedule(raw, result.slot, result.table);
    const optimum = optima[key] ?? optima[instance] ?? null;
    const line: Record<string, unknown> = { instance, valid: check.valid, all_scheduled: check.allScheduled, breaks: check.breaks, optimum, ms };
    if (!check.allScheduled) {
      line.unscheduled = result.unscheduled;
      log(`${instance}: NOT fully scheduled: ${raw.requested.length - check.scheduled} of ${raw.requested.length} meetings left out`);
    }
    if (!check.valid) {
      line.errors = check.errors.slice(0, 10);
      log(`${instance}: INVALID schedule: ${check.errors.slice(0, 5).join('; ')}`);
    }
    if (check.breaks !== result.breaks) log(`${instance}: the scheduler counted ${result.breaks} breaks, the checker ${check.breaks}`);
    console.log(JSON.stringify(line));
    if (OUT) writeFileSync(join(OUT, `${instance}.json`), `${JSON.stringify({ instance, slots: result.slot })}\n`);
    summary.instances++;
    if (check.valid) summary.valid++;
    if (check.allScheduled) summary.all_scheduled++;
    summary.breaks_sum += check.breaks;
    if (optimum != null) {
      summary.optimal_sum += optimum;
      if (check.valid && check.allScheduled && check.breaks === optimum) summary.at_optimum++;
    }
    summary.max_ms = Math.max(summary.max_ms, ms);
  }
  console.log(JSON.stringify(summary));
}

void main();
