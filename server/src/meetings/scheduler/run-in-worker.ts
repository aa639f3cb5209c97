// scheduleInWorker(): schedule() in a worker_threads Worker, so a search of several seconds never
// blocks the server's event loop. The worker is the compiled schedule.worker.js next to this file;
// when this file runs from its TypeScript source (Jest), the worker loads the .ts source through
// the @swc/core hook in src/testing/register-ts.js. The exact phase starts its own workers the same way.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScheduleOptions, ScheduleProblem, ScheduleProgress, ScheduleResult } from './schedule-problem';
import type { WorkerInput } from './schedule.worker';

type WorkerMessage = { type: 'progress'; progress: ScheduleProgress } | { type: 'result'; result: ScheduleResult };

/**
 * A worker thread running `<name>.js` of this folder (compiled), or `<name>.ts` through the
 * @swc/core hook when the code runs from its TypeScript sources.
 */
export function startWorker(name: string, workerData: unknown): Worker {
  const compiled = join(__dirname, `${name}.js`);
  if (existsSync(compiled)) return new Worker(compiled, { workerData });
  const register = join(__dirname, '..', '..', 'testing', 'register-ts.js');
  const source = join(__dirname, `${name}.ts`);
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(source)});`, { eval: true, workerData });
}

export function scheduleInWorker(problem: ScheduleProblem, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('schedule.worker', { problem, budgetMs: options.budgetMs, seed: options.seed, threads: options.threads } satisfies WorkerInput);
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.progress);
          break;
        case 'result':
          settled = true;
          resolve(message.result);
          break;
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the scheduler worker stopped (exit code ${code}) without a result`));
    });
  });
}
