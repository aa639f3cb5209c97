// One thread of the exact phase: CaDiCaL (compiled to WebAssembly) asked "at most K breaks?" for
// K = best − 1, best − 2, … on the day's CNF, starting from the annealed schedule (its slots are
// the solver's first phases). Threads share the best count in `shared[0]`: when another thread
// finds a better schedule, this one drops its question and asks below that. `shared[1]` = 1 stops
// every thread. Each schedule found goes to the parent, which checks it before taking it.
import { parentPort, workerData } from 'node:worker_threads';
import { encodeDay } from './day-cnf';
import { breaksOf, type Model } from './model';

export type ExactWorkerInput = {
  model: Model;
  /** The schedule to start from (0-based slot per meeting) and its breaks. */
  start: Int32Array;
  breaks: number;
  /** Threads differ by their solver's seed. */
  seed: number;
  /** Date.now() at which to stop. */
  deadline: number;
  shared: Int32Array;
};

export type ExactWorkerMessage =
  | { type: 'better'; slot: Int32Array }
  /** The thread has stopped; `noneBelow`: it proved that no fair schedule has fewer breaks than that. */
  | { type: 'done'; noneBelow: number | null };

async function main(input: ExactWorkerInput, post: (message: ExactWorkerMessage) => void): Promise<void> {
  const { model, start, shared, deadline } = input;
  const { slots, active, allowed } = model;
  const { Cadical } = await import('cadical-wasm');
  const cnf = encodeDay(model, input.breaks);
  // Stable mode with target phases: the best of the configurations measured on the benchmark days.
  const solver = await Cadical.create({ quiet: true, seed: input.seed, stabilizeonly: 1, target: 2 });
  solver.addClauses(cnf.clauses);
  for (const m of active) {
    for (let s = 0; s < slots; s++) {
      const v = cnf.x[m * slots + s];
      if (v) solver.phase(start[m] === s ? v : -v);
    }
  }
  let k = Atomics.load(shared, 0) - 1;
  const stopped = () => Date.now() > deadline || Atomics.load(shared, 1) !== 0;
  solver.setTerminate(() => stopped() || Atomics.load(shared, 0) <= k);
  let noneBelow: number | null = null;
  while (k >= 0 && !stopped()) {
    if (k < cnf.total.length) solver.addClause([-cnf.total[k]]);
    const answer = solver.solve();
    if (answer === 'unsatisfiable') {
      noneBelow = k + 1;
      break;
    }
    if (answer === 'satisfiable') {
      const slot = new Int32Array(model.a.length).fill(-1);
      const day = new Int32Array(model.participants);
      for (const m of active) {
        for (let s = 0; s < slots; s++) if (allowed[m] & (1 << s) && solver.value(cnf.x[m * slots + s])) slot[m] = s;
        day[model.a[m]] |= 1 << slot[m];
        day[model.b[m]] |= 1 << slot[m];
      }
      post({ type: 'better', slot });
      const breaks = day.reduce((sum, d) => sum + breaksOf(d), 0);
      k = Math.min(breaks, Atomics.load(shared, 0)) - 1;
    } else {
      // Another thread did better (or the time is up): ask below the best known.
      k = Math.min(k, Atomics.load(shared, 0) - 1);
    }
  }
  solver.dispose();
  post({ type: 'done', noneBelow });
}

if (parentPort) {
  const port = parentPort;
  void main(workerData as ExactWorkerInput, (message) => port.postMessage(message));
}
