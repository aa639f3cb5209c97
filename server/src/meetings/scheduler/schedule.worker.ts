// The worker thread behind scheduleInWorker: runs schedule() on the problem it was started with,
// posting progress messages and then the result.
import { parentPort, workerData } from 'node:worker_threads';
import type { ScheduleProblem } from './schedule-problem';
import { schedule } from './scheduler';

export type WorkerInput = { problem: ScheduleProblem; budgetMs?: number; seed?: number; threads?: number };

const input = workerData as WorkerInput;
const port = parentPort!;
void schedule(input.problem, {
  budgetMs: input.budgetMs,
  seed: input.seed,
  threads: input.threads,
  onProgress: (progress) => port.postMessage({ type: 'progress', progress }),
}).then((result) => port.postMessage({ type: 'result', result }));
