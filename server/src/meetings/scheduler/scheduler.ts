// schedule(): the meetings of a day into slots and tables, all hard constraints kept, as many
// meetings as fit in priority order, then as few breaks as the time budget finds: annealing first,
// then an exact SAT phase (CaDiCaL in worker threads) that improves on it and can prove the result
// optimal (stopping early when the breaks reach the lower bound or the proof is done). The server
// runs it through scheduleInWorker (run-in-worker.ts), so its own thread never blocks.
import { construct } from './construct';
import { anneal } from './improve';
import { exactImprove } from './exact';
import { breaksOf, buildModel, type Model } from './model';
import type { ScheduleOptions, ScheduleProblem, ScheduleResult, UnscheduledReason } from './schedule-problem';
import { rng, State } from './state';

export const DEFAULT_BUDGET_MS = 8000;
/** Moves tried per millisecond of budget: the deterministic work cap (the clock only cuts in on a slow or busy machine). */
const MOVES_PER_MS = 2500;
/** The annealing's share of the budget; the exact phase has the rest of the time. */
const ANNEAL_SHARE = 0.25;

/** Tables for each slot's meetings: pinned tables kept, the others take the lowest free numbers. */
function assignTables(problem: ScheduleProblem, model: Model, slot: Int32Array): number[] {
  const table = new Array<number>(problem.meetings.length).fill(0);
  const used: Set<number>[] = Array.from({ length: model.slots }, () => new Set());
  for (const m of model.active) {
    const t = problem.meetings[m].fixedTable;
    if (slot[m] >= 0 && model.fixed[m] >= 0 && t != null) {
      table[m] = t;
      used[slot[m]].add(t);
    }
  }
  const next = new Array<number>(model.slots).fill(1);
  for (const m of model.active) {
    const s = slot[m];
    if (s < 0 || table[m] > 0) continue;
    while (used[s].has(next[s])) next[s]++;
    table[m] = next[s];
    used[s].add(next[s]);
  }
  return table;
}

export async function schedule(problem: ScheduleProblem, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  const started = performance.now();
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const deadline = started + budgetMs;
  const report = options.onProgress ?? (() => undefined);
  const random = rng(options.seed ?? 1);

  report({ phase: 'construct', fraction: 0, breaks: null });
  const model = buildModel(problem);
  const state = new State(model);
  const givenUp = construct(state, random);
  const unscheduled: { meeting: number; reason: UnscheduledReason }[] = [
    ...model.rejected,
    ...givenUp.map((meeting) => ({ meeting, reason: 'capacity' as const })),
  ];
  unscheduled.sort((x, y) => x.meeting - y.meeting);
  // The lower bound holds for the meetings actually scheduled.
  const lowerBound = givenUp.length === 0 ? model.lowerBound : 0;
  report({ phase: 'construct', fraction: 1, breaks: state.breaks() });

  let best: Int32Array = state.slot.slice();
  let provenOptimal = false;
  if (state.cost > lowerBound) {
    // The annealing gets a share of the budget (its move cap keeps it deterministic), the exact
    // phase the rest of the time.
    report({ phase: 'improve', fraction: 0, breaks: state.breaks() });
    best = anneal(state, random, {
      target: lowerBound,
      deadline: started + budgetMs * ANNEAL_SHARE,
      maxMoves: budgetMs * ANNEAL_SHARE * MOVES_PER_MS,
      onTick: (fraction) => report({ phase: 'improve', fraction: fraction * ANNEAL_SHARE, breaks: null }),
    });
    state.load(best);
    if (state.breaks() > lowerBound && givenUp.length === 0 && performance.now() < deadline) {
      const exactStart = performance.now();
      const fraction = () => ANNEAL_SHARE + (1 - ANNEAL_SHARE) * Math.min(1, (performance.now() - exactStart) / Math.max(1, deadline - exactStart));
      report({ phase: 'exact', fraction: fraction(), breaks: state.breaks() });
      const exact = await exactImprove(state, {
        target: lowerBound,
        deadline,
        threads: options.threads,
        seed: options.seed,
        onTick: (breaks) => report({ phase: 'exact', fraction: fraction(), breaks }),
      });
      provenOptimal = exact.optimal;
      best = state.slot.slice();
    }
  }

  const breaksByParticipant = Array.from(state.day, (d) => breaksOf(d));
  const breaks = breaksByParticipant.reduce((x, y) => x + y, 0);
  const spread = breaksByParticipant.length > 0 ? Math.max(...breaksByParticipant) - Math.min(...breaksByParticipant) : 0;
  const result: ScheduleResult = {
    slot: Array.from(best, (s) => s + 1),
    table: assignTables(problem, model, best),
    unscheduled,
    breaks,
    breaksByParticipant,
    lowerBound,
    optimal: breaks === lowerBound || provenOptimal,
    elapsedMs: Math.round(performance.now() - started),
    fairnessMet: spread <= (problem.maxBreakSpread ?? 2),
  };
  report({ phase: 'done', fraction: 1, breaks });
  return result;
}
