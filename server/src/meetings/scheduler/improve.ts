// Simulated annealing over complete placements. The one move is a Kempe chain between two slots:
// start from a meeting (or a meeting and one of the target slot's meetings) and swap slots for
// everything connected to it through shared participants in those two slots. A single move, a
// swap of two meetings and the exchange of a whole group's meetings are all such chains, and a
// chain never breaks the one-meeting-per-slot rule. Only participants whose day changes are
// recounted, with bit operations.
import { bitsOf, popcount } from './model';
import type { Rng, State } from './state';

export type AnnealOptions = {
  /** Stop once the cost reaches this (the lower bound). */
  target: number;
  /** Wall-clock deadline (performance.now()). */
  deadline: number;
  /** Deterministic work cap: moves tried. */
  maxMoves: number;
  onBest?: (cost: number) => void;
  onTick?: (fraction: number, best: number) => void;
};

const MAX_CHAIN = 24;
/** Weight of an idle slot inside a participant's day, against one break (guides, never counted). */
const HOLE_WEIGHT = 0.4;
const START_TEMP = 0.7;
const END_TEMP = 0.04;
/** The budget's moves are split into this many cooling runs, each restarting from the best so far. */
const RUNS = 2;

function nthBit(mask: number, n: number): number {
  for (let s = 0; ; s++) if (mask & (1 << s) && n-- === 0) return s;
}

/** Idle slots between a participant's first and last meeting: a finer guide than breaks alone. */
function holes(day: number): number {
  if (day === 0) return 0;
  const low = 31 - Math.clz32(day & -day);
  const high = 31 - Math.clz32(day);
  return high - low + 1 - popcount(day);
}

export function anneal(state: State, random: Rng, options: AnnealOptions): Int32Array {
  const { model } = state;
  const { a, b, allowed, fixed, slots, tables } = model;
  const movable = model.active.filter((m) => fixed[m] < 0 && state.slot[m] >= 0 && bitsOf(allowed[m]).length > 1);
  const allowedList = model.a.length > 0 ? Array.from(allowed, (mask) => bitsOf(mask)) : [];
  let best = state.slot.slice();
  let bestCost = state.cost;
  if (movable.length === 0 || bestCost <= options.target) return best;

  const chain = new Int32Array(MAX_CHAIN * 2 + 2);
  const mark = new Int32Array(model.a.length);
  let stamp = 0;
  const pmark = new Int32Array(model.participants);
  let pstamp = 0;
  const touched = new Int32Array(MAX_CHAIN * 4 + 8);

  // Progress is the share of the move budget done (not of the time, so that a seed gives the same
  // schedule); each of the RUNS cools from START_TEMP to END_TEMP. The clock only stops the search.
  let run = 0;
  let temp = START_TEMP;
  for (let moves = 0; moves < options.maxMoves; moves++) {
    if ((moves & 1023) === 0) {
      if (performance.now() > options.deadline) break;
      const progress = moves / options.maxMoves;
      if ((moves & 0x3ffff) === 0) options.onTick?.(progress, bestCost);
      const r = Math.min(RUNS - 1, Math.floor(progress * RUNS));
      if (r !== run) {
        // A new run starts from the best placement found so far.
        run = r;
        state.load(best);
      }
      temp = START_TEMP * Math.pow(END_TEMP / START_TEMP, progress * RUNS - run);
    }
    const m = movable[random.below(movable.length)];
    const s1 = state.slot[m];
    const choices = allowedList[m];
    let s2 = -1;
    if (random.below(2) === 0) {
      // Next to one of the participants' meetings: grows or shifts their blocks.
      const day = state.day[random.below(2) === 0 ? a[m] : b[m]];
      const near = ((day << 1) | (day >>> 1)) & ~day & allowed[m];
      if (near !== 0) s2 = nthBit(near, random.below(popcount(near)));
    }
    if (s2 < 0) s2 = choices[random.below(choices.length)];
    if (s2 === s1) s2 = choices[(choices.indexOf(s1) + 1) % choices.length];
    // Build the chain.
    stamp++;
    let len = 0;
    chain[len++] = m;
    mark[m] = stamp;
    if (state.count[s2] > 0 && random.below(2) === 0) {
      const y = state.members[s2 * tables + random.below(state.count[s2])];
      if (mark[y] !== stamp) {
        chain[len++] = y;
        mark[y] = stamp;
      }
    }
    let ok = true;
    let n1 = 0;
    let n2 = 0;
    for (let i = 0; i < len && ok; i++) {
      const x = chain[i];
      if (fixed[x] >= 0) {
        ok = false;
        break;
      }
      const from = state.slot[x];
      const to = from === s1 ? s2 : s1;
      if (!(allowed[x] & (1 << to))) {
        ok = false;
        break;
      }
      if (from === s1) n1++;
      else n2++;
      for (let k = 0; k < 2; k++) {
        const p = k === 0 ? a[x] : b[x];
        const y = state.at[p * slots + to];
        if (y >= 0 && mark[y] !== stamp) {
          if (len >= MAX_CHAIN) {
            ok = false;
            break;
          }
          mark[y] = stamp;
          chain[len++] = y;
        }
      }
    }
    if (!ok) continue;
    if (state.count[s1] - n1 + n2 > tables || state.count[s2] - n2 + n1 > tables) continue;
    // Cost change: a participant of the chain busy in exactly one of the two slots moves.
    const both = (1 << s1) | (1 << s2);
    pstamp++;
    let nt = 0;
    let delta = 0;
    for (let i = 0; i < len; i++) {
      const x = chain[i];
      for (let k = 0; k < 2; k++) {
        const p = k === 0 ? a[x] : b[x];
        if (pmark[p] === pstamp) continue;
        pmark[p] = pstamp;
        const d = state.day[p];
        if ((d & both) === both) continue;
        touched[nt++] = p;
        delta += state.dayCost(d ^ both) - state.dayCost(d) + HOLE_WEIGHT * (holes(d ^ both) - holes(d));
      }
    }
    if (delta > 0 && random.next() / 4294967296 >= Math.exp(-delta / temp)) continue;
    // Apply: take the chain out, then put each meeting in the other slot.
    for (let i = 0; i < len; i++) {
      const x = chain[i];
      touched[i] = state.slot[x] === s1 ? s2 : s1; // reuse as the target slots
      state.remove(x);
    }
    for (let i = 0; i < len; i++) state.place(chain[i], touched[i]);
    if (state.cost < bestCost) {
      bestCost = state.cost;
      best = state.slot.slice();
      options.onBest?.(bestCost);
      if (bestCost <= options.target) break;
    }
  }
  return best;
}
