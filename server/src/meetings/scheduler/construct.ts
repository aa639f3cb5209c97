// The first schedule: pins, then the most constrained meetings first, each in the free slot that
// adds the fewest breaks (next to the participants' meetings so far). Meetings that find no free
// slot are repaired by moving the meetings in their way (min-conflicts with a short tabu list);
// whatever still does not fit is given up in reverse priority order.
import { bitsOf, popcount } from './model';
import type { Rng, State } from './state';

/** Place meeting m in its best free slot; false if it has none. */
function placeBest(state: State, m: number, random: Rng): boolean {
  const free = state.freeSlots(m);
  if (free === 0) return false;
  let best = -1;
  let bestScore = Infinity;
  let ties = 0;
  for (const s of bitsOf(free)) {
    const score = state.placeDelta(m, s);
    if (score < bestScore) {
      bestScore = score;
      best = s;
      ties = 1;
    } else if (score === bestScore && random.below(++ties) === 0) {
      best = s;
    }
  }
  state.place(m, best);
  return true;
}

/** The meetings that stand in m's way in slot s: those of its two participants, and (when the slot is full) its lowest-priority one. */
function blockers(state: State, m: number, s: number): number[] | null {
  const { a, b, slots, tables, fixed } = state.model;
  const out: number[] = [];
  for (const p of [a[m], b[m]]) {
    const x = state.at[p * slots + s];
    if (x >= 0) {
      if (fixed[x] >= 0) return null;
      if (!out.includes(x)) out.push(x);
    }
  }
  if (state.count[s] - out.length >= tables) {
    let worst = -1;
    for (let i = 0; i < state.count[s]; i++) {
      const x = state.members[s * tables + i];
      if (fixed[x] < 0 && !out.includes(x) && x > worst) worst = x;
    }
    if (worst < 0) return null;
    out.push(worst);
  }
  return out;
}

/**
 * Builds the first schedule. Returns the active meetings that could not be placed; they are left
 * unplaced in the state.
 */
export function construct(state: State, random: Rng, maxRepairSteps = 20_000): number[] {
  const { model } = state;
  const { active, fixed, allowed, a, b, byParticipant } = model;
  for (const m of active) if (fixed[m] >= 0) state.place(m, fixed[m]);
  const degree = (m: number) => byParticipant[a[m]].length + byParticipant[b[m]].length;
  const order = active.filter((m) => fixed[m] < 0).sort((x, y) => popcount(allowed[x]) - popcount(allowed[y]) || degree(y) - degree(x) || x - y);
  const unplaced: number[] = [];
  for (const m of order) if (!placeBest(state, m, random)) unplaced.push(m);
  if (unplaced.length === 0) return [];

  // Min-conflicts repair: put the highest-priority unplaced meeting where it displaces the
  // fewest (and least important) meetings; recently placed meetings are not displaced again.
  const tabu = new Int32Array(model.a.length).fill(-1);
  for (let step = 0; step < maxRepairSteps && unplaced.length > 0; step++) {
    unplaced.sort((x, y) => x - y);
    const m = unplaced.shift()!;
    if (placeBest(state, m, random)) continue;
    let best: number[] | null = null;
    let bestSlot = -1;
    let bestScore = Infinity;
    for (const s of bitsOf(allowed[m])) {
      const out = blockers(state, m, s);
      if (!out || out.some((x) => tabu[x] > step)) continue;
      const score = out.length * 1000 - Math.min(...out.map((x) => x)) / model.a.length + random.below(100) / 1e4;
      if (score < bestScore) {
        bestScore = score;
        best = out;
        bestSlot = s;
      }
    }
    if (!best) {
      unplaced.push(m);
      continue;
    }
    for (const x of best) state.remove(x);
    state.place(m, bestSlot);
    tabu[m] = step + 7;
    for (const x of best) if (!placeBest(state, x, random)) unplaced.push(x);
  }
  // Priority pass: an unplaced meeting may still displace lower-priority ones.
  unplaced.sort((x, y) => x - y);
  const given: number[] = [];
  while (unplaced.length > 0) {
    const m = unplaced.shift()!;
    if (placeBest(state, m, random)) continue;
    let done = false;
    for (const s of bitsOf(allowed[m])) {
      const out = blockers(state, m, s);
      if (!out || out.some((x) => x < m)) continue;
      for (const x of out) state.remove(x);
      state.place(m, s);
      unplaced.push(...out);
      unplaced.sort((x, y) => x - y);
      done = true;
      break;
    }
    if (!done) given.push(m);
  }
  return given.sort((x, y) => x - y);
}
