// The exact phase: the whole day as a SAT problem, "is there a schedule with at most K breaks?",
// asked for K = best − 1, best − 2, … until the answer is no (the best is then proven optimal) or
// the time runs out. Booleans: x[m,s] meeting m in slot s (allowed slots only), u[p,s] participant
// p busy in slot s, st[p,s] a run of p's day starts at s. A participant's breaks are their runs
// minus one: each participant's runs are counted in unary by a totalizer, their 2nd and 3rd runs
// are breaks (more would break the fairness cap), and a second totalizer over those counts the
// total, so "at most K breaks" is one unit clause and tightening K keeps what the solver learnt.
// Implied constraints: a participant is busy in exactly as many slots as they have meetings, and at
// most 2 × tables participants are busy in a slot. The search starts from the annealed schedule
// (its values are the solver's first phases, and the meeting variables are decided first).
import { breaksOf, popcount } from './model';
import { neg, Sat } from './sat';
import type { Rng, State } from './state';

export type ExactOptions = {
  deadline: number;
  target: number;
  maxConflicts: number;
  /** After each solver call, with the breaks when that call found a better schedule. */
  onTick?: (breaks: number | null) => void;
};
export type ExactResult = { improved: boolean; optimal: boolean; conflicts: number; steps: number };

/**
 * A totalizer (upward half): returns r[0..bound-1], r[j] true when at least j+1 inputs are true
 * (implied by the inputs; nothing forces it down, which is all an upper bound needs).
 */
function totalizer(sat: Sat, inputs: number[], bound: number): number[] {
  if (inputs.length <= 1) return inputs.slice(0, bound);
  const mid = inputs.length >> 1;
  const left = totalizer(sat, inputs.slice(0, mid), bound);
  const right = totalizer(sat, inputs.slice(mid), bound);
  const size = Math.min(bound, left.length + right.length);
  const out: number[] = [];
  for (let j = 0; j < size; j++) out.push(2 * sat.newVar());
  for (let i = 0; i < left.length; i++) if (i < size) sat.addClause([neg(left[i]), out[i]]);
  for (let j = 0; j < right.length; j++) if (j < size) sat.addClause([neg(right[j]), out[j]]);
  for (let i = 0; i < left.length; i++) {
    for (let j = 0; j < right.length; j++) if (i + j + 1 < size) sat.addClause([neg(left[i]), neg(right[j]), out[i + j + 1]]);
  }
  return out;
}

export function exactImprove(state: State, random: Rng, options: ExactOptions): ExactResult {
  const { model } = state;
  const { slots, tables, a, b, allowed, byParticipant, participants, breakCap } = model;
  const result: ExactResult = { improved: false, optimal: false, conflicts: 0, steps: 0 };
  if (model.active.some((m) => state.slot[m] < 0)) return result;
  let best = state.breaks();
  if (best <= options.target) {
    result.optimal = best <= options.target;
    return result;
  }
  const sat = new Sat();
  const xVar = new Int32Array(a.length * slots).fill(-1);
  const pos = (v: number) => 2 * v;
  // Meetings: exactly one allowed slot.
  for (const m of model.active) {
    const lits: number[] = [];
    for (let f = allowed[m]; f !== 0; f &= f - 1) {
      const s = 31 - Math.clz32(f & -f);
      const v = sat.newVar();
      xVar[m * slots + s] = v;
      sat.setPhase(v, state.slot[m] === s);
      sat.prefer(v, 1);
      lits.push(pos(v));
    }
    sat.addClause(lits);
    if (lits.length > 1) sat.addAtMost(lits, 1);
  }
  // Tables.
  for (let s = 0; s < slots; s++) {
    const lits: number[] = [];
    for (const m of model.active) if (xVar[m * slots + s] >= 0) lits.push(pos(xVar[m * slots + s]));
    if (lits.length > tables) sat.addAtMost(lits, tables);
  }
  // Participants: one meeting per slot, busy slots, run starts.
  const starts: number[] = [];
  const breakLits: number[] = [];
  const runsOf: number[][] = Array.from({ length: participants }, () => []);
  // Per slot, the literals "participant p is busy": at most 2 × tables of them (implied).
  const busyAt: number[][] = Array.from({ length: slots }, () => []);
  for (let p = 0; p < participants; p++) {
    const own = byParticipant[p];
    if (own.length !== 1) continue;
    for (let s = 0; s < slots; s++) if (xVar[own[0] * slots + s] >= 0) busyAt[s].push(pos(xVar[own[0] * slots + s]));
  }
  for (let p = 0; p < participants; p++) {
    const own = byParticipant[p];
    if (own.length < 2) continue;
    const uVar = new Int32Array(slots).fill(-1);
    const busy: number[] = [];
    for (let s = 0; s < slots; s++) {
      const lits: number[] = [];
      for (const m of own) if (xVar[m * slots + s] >= 0) lits.push(pos(xVar[m * slots + s]));
      if (lits.length === 0) continue;
      if (lits.length > 1) sat.addAtMost(lits, 1);
      const u = sat.newVar();
      uVar[s] = u;
      sat.setPhase(u, (state.day[p] & (1 << s)) !== 0);
      for (const l of lits) sat.addClause([neg(l), pos(u)]);
      sat.addClause([neg(pos(u)), ...lits]);
      busy.push(pos(u));
      busyAt[s].push(pos(u));
    }
    sat.addAtMost(busy, own.length);
    // …and at least as many busy slots as meetings (implied).
    sat.addAtMost(busy.map(neg), busy.length - own.length);
    const own0 = starts.length;
    for (let s = 0; s < slots; s++) {
      if (uVar[s] < 0) continue;
      if (s === 0 || uVar[s - 1] < 0) {
        starts.push(pos(uVar[s]));
        continue;
      }
      const st = sat.newVar();
      const day = state.day[p];
      sat.setPhase(st, (day & (1 << s)) !== 0 && (day & (1 << (s - 1))) === 0);
      sat.addClause([neg(pos(uVar[s])), pos(uVar[s - 1]), pos(st)]);
      starts.push(pos(st));
    }
    // Runs in unary; runs beyond the first are the breaks; fairness: at most breakCap breaks.
    const runs = totalizer(sat, starts.slice(own0), breakCap + 2);
    runsOf[p] = runs;
    if (runs.length > breakCap + 1) sat.addClause([neg(runs[breakCap + 1])]);
    for (let j = 1; j < runs.length && j <= breakCap; j++) breakLits.push(runs[j]);
  }
  for (let s = 0; s < slots; s++) if (busyAt[s].length > 2 * tables) sat.addAtMost(busyAt[s], 2 * tables);
  // Total breaks in unary: "at most K" is the unit clause ¬total[K].
  const total = totalizer(sat, breakLits, best + 1);
  if (best - 1 < total.length) sat.addClause([neg(total[best - 1])]);
  const slotOf = new Int32Array(a.length);
  // Alternate a full search with neighbourhood searches: every participant outside a small random
  // set may not get more breaks than now (assumptions), which asks a much easier question.
  const multi: number[] = [];
  for (let p = 0; p < participants; p++) if (runsOf[p].length > 1) multi.push(p);
  for (let call = 0; ; call++) {
    if (performance.now() > options.deadline || sat.conflicts >= options.maxConflicts) break;
    const full = call % 4 === 3;
    const assumptions: number[] = [];
    if (!full) {
      const open = new Uint8Array(participants);
      const k = random.below(Math.min(6, multi.length) + 1);
      for (let i = 0; i < k; i++) open[multi[random.below(multi.length)]] = 1;
      for (const p of multi) {
        const br = breaksOf(state.day[p]);
        if (!open[p] && br + 1 < runsOf[p].length) assumptions.push(neg(runsOf[p][br + 1]));
      }
    }
    const answer = sat.solve(full ? 20_000 : 2_000, options.deadline, assumptions);
    result.steps++;
    if (answer !== 'sat') options.onTick?.(null);
    if (answer === 'unsat' && (full || sat.unsat)) {
      result.optimal = true;
      break;
    }
    if (answer !== 'sat') continue;
    // Read the schedule and check it independently of the solver before taking it.
    for (const m of model.active) {
      slotOf[m] = -1;
      for (let f = allowed[m]; f !== 0; f &= f - 1) {
        const s = 31 - Math.clz32(f & -f);
        if (sat.value(xVar[m * slots + s])) slotOf[m] = s;
      }
    }
    const days = new Int32Array(participants);
    const count = new Int32Array(slots);
    let valid = true;
    for (const m of model.active) {
      const s = slotOf[m];
      const bit = 1 << s;
      if (s < 0 || !(allowed[m] & bit) || days[a[m]] & bit || days[b[m]] & bit || ++count[s] > tables) {
        valid = false;
        break;
      }
      days[a[m]] |= bit;
      days[b[m]] |= bit;
    }
    let breaks = 0;
    for (let p = 0; p < participants && valid; p++) {
      breaks += breaksOf(days[p]);
      if (breaksOf(days[p]) > breakCap || popcount(days[p]) !== byParticipant[p].length) valid = false;
    }
    if (!valid || breaks >= best) break; // cannot happen: the solver's answer is checked all the same
    state.load(slotOf);
    best = breaks;
    result.improved = true;
    options.onTick?.(best);
    if (best <= options.target) {
      result.optimal = true;
      break;
    }
    if (best - 1 < total.length) sat.addClause([neg(total[best - 1])]);
  }
  result.conflicts = sat.conflicts;
  // The solver keeps everyone within the fairness cap: a proof says nothing about unfair schedules.
  if (state.unfair() > 0) result.optimal = false;
  return result;
}
