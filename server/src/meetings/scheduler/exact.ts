// The exact phase: the day as a SAT problem, "is there a schedule with at most K breaks?", asked
// of CaDiCaL in worker threads (exact.worker.ts) for K = best − 1, best − 2, … until the answer is
// no (the best is then proven optimal) or the time runs out. The threads run solvers with different
// seeds on the same question and share the best count, so the faster one sets the pace. Every schedule a thread reports is checked here from scratch before it is taken.
import { availableParallelism } from 'node:os';
import { breaksOf, popcount } from './model';
import { startWorker } from './run-in-worker';
import type { ExactWorkerInput, ExactWorkerMessage } from './exact.worker';
import type { State } from './state';

export type ExactOptions = {
  /** performance.now() at which to stop. */
  deadline: number;
  target: number;
  threads?: number;
  seed?: number;
  /** With the breaks each time a better schedule is taken. */
  onTick?: (breaks: number) => void;
};
export type ExactResult = { improved: boolean; optimal: boolean };

/** Two threads where the machine has two cores. */
export const defaultThreads = () => Math.min(2, availableParallelism());

/** The checked breaks of a schedule, or null when it breaks any hard constraint or the fairness cap. */
function checkedBreaks(state: State, slot: Int32Array): number | null {
  const { model } = state;
  const days = new Int32Array(model.participants);
  const count = new Int32Array(model.slots);
  for (const m of model.active) {
    const s = slot[m];
    const bit = 1 << s;
    if (s < 0 || s >= model.slots || !(model.allowed[m] & bit) || days[model.a[m]] & bit || days[model.b[m]] & bit || ++count[s] > model.tables) return null;
    days[model.a[m]] |= bit;
    days[model.b[m]] |= bit;
  }
  let breaks = 0;
  for (let p = 0; p < model.participants; p++) {
    const br = breaksOf(days[p]);
    if (br > model.breakCap || popcount(days[p]) !== model.byParticipant[p].length) return null;
    breaks += br;
  }
  return breaks;
}

export async function exactImprove(state: State, options: ExactOptions): Promise<ExactResult> {
  const { model } = state;
  const result: ExactResult = { improved: false, optimal: false };
  if (model.active.some((m) => state.slot[m] < 0)) return result;
  let best = state.breaks();
  if (best <= options.target) return { improved: false, optimal: true };
  const shared = new Int32Array(new SharedArrayBuffer(8));
  shared[0] = best;
  const stop = () => Atomics.store(shared, 1, 1);
  const deadline = Date.now() + Math.max(0, options.deadline - performance.now());
  const threads = Math.max(1, options.threads ?? defaultThreads());
  const workers = Array.from({ length: threads }, (_, i) =>
    startWorker('exact.worker', {
      model,
      start: state.slot,
      breaks: best,
      seed: (options.seed ?? 1) + i,
      deadline,
      shared,
    } satisfies ExactWorkerInput),
  );
  // A solver polls the deadline between steps; this only guards against one that does not.
  const guard = setTimeout(() => workers.forEach((w) => void w.terminate()), Math.max(0, deadline - Date.now()) + 2000);
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.on('message', (message: ExactWorkerMessage) => {
              if (message.type === 'done') {
                if (message.noneBelow != null && message.noneBelow >= best) {
                  result.optimal = true;
                  stop();
                }
                return;
              }
              const breaks = checkedBreaks(state, message.slot);
              if (breaks == null || breaks >= best) return; // a thread's answer is only a proposal
              state.load(message.slot);
              best = breaks;
              result.improved = true;
              Atomics.store(shared, 0, best);
              options.onTick?.(best);
              if (best <= options.target) {
                result.optimal = true;
                stop();
              }
            });
            worker.on('error', reject);
            worker.on('exit', () => resolve());
          }),
      ),
    );
  } finally {
    clearTimeout(guard);
    stop();
  }
  // The solvers keep everyone within the fairness cap: a proof says nothing about unfair schedules.
  if (state.unfair() > 0) result.optimal = false;
  return result;
}
