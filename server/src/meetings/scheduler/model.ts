// The scheduler's internal model: every slot set is a bitmask (bit s-1 = slot s, at most 32 slots),
// a participant's day is the mask of the slots they meet in, and their breaks are the number of
// runs of consecutive set bits minus one. Building the model also decides which meetings cannot be
// scheduled at all (pins that clash, no common slot, over-full participants).
import type { ScheduleProblem, UnscheduledReason } from './schedule-problem';

export const MAX_SLOTS = 32;

export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Breaks of a day: runs of consecutive busy slots minus one. */
export function breaksOf(day: number): number {
  return day === 0 ? 0 : popcount(day & ~(day << 1)) - 1;
}

/** Slot indexes (0-based) of a mask, ascending. */
export function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < MAX_SLOTS; s++) if (mask & (1 << s)) out.push(s);
  return out;
}

export type Model = {
  participants: number;
  slots: number;
  tables: number;
  /** All slots. */
  full: number;
  /** Meetings to schedule (problem indexes), priority order. */
  active: number[];
  a: Int32Array;
  b: Int32Array;
  /** Per problem meeting: the slots it may take (0 when it is not active). */
  allowed: Int32Array;
  /** Per problem meeting: 0-based pinned slot, or -1. */
  fixed: Int32Array;
  /** Per participant: their active meetings. */
  byParticipant: number[][];
  /** Meetings left out before any search, with the reason. */
  rejected: { meeting: number; reason: UnscheduledReason }[];
  /** Per participant: a proven lower bound on their breaks. */
  participantBound: Int32Array;
  /** Sum of participantBound. */
  lowerBound: number;
  /** The most breaks one participant may have so that the spread stays within d. */
  breakCap: number;
};

function validate(problem: ScheduleProblem): void {
  const { participants, slots, morningSlots, tables } = problem;
  const int = (x: number) => Number.isInteger(x);
  if (!int(participants) || participants < 0) throw new RangeError('participants must be a non-negative integer');
  if (!int(slots) || slots < 1 || slots > MAX_SLOTS) throw new RangeError(`slots must be an integer in 1..${MAX_SLOTS}`);
  if (!int(morningSlots) || morningSlots < 0 || morningSlots > slots) throw new RangeError('morningSlots must be an integer in 0..slots');
  if (!int(tables) || tables < 0) throw new RangeError('tables must be a non-negative integer');
  problem.meetings.forEach((m, i) => {
    if (!int(m.a) || !int(m.b) || m.a < 0 || m.b < 0 || m.a >= participants || m.b >= participants || m.a === m.b) {
      throw new RangeError(`meeting ${i}: a and b must be two different participants in 0..${participants - 1}`);
    }
  });
}

/** Can every meeting (given by its allowed mask) get its own slot? Kuhn's augmenting paths. */
export function matchable(masks: number[]): boolean {
  const owner = new Int32Array(MAX_SLOTS).fill(-1);
  const tryPlace = (i: number, seen: { v: number }): boolean => {
    for (let s = 0; s < MAX_SLOTS; s++) {
      const bit = 1 << s;
      if (!(masks[i] & bit) || seen.v & bit) continue;
      seen.v |= bit;
      if (owner[s] < 0 || tryPlace(owner[s], seen)) {
        owner[s] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < masks.length; i++) if (!tryPlace(i, { v: 0 })) return false;
  return true;
}

/**
 * A lower bound on one participant's breaks. Their n meetings need n distinct slots of the union
 * of their allowed masks, with at least as many morning (afternoon) slots as meetings that can
 * only be in the morning (afternoon); a dynamic programme finds the fewest runs such a set of
 * slots can have. For 0 breaks it checks exactly: some window of n consecutive slots must admit a
 * matching of the meetings to its slots.
 */
export function participantLowerBound(masks: number[], slots: number, morning: number): number {
  const n = masks.length;
  if (n <= 1) return 0;
  let union = 0;
  for (const m of masks) union |= m;
  const morningOnly = masks.filter((m) => morning !== 0 && (m & ~morning) === 0).length;
  const afternoonOnly = masks.filter((m) => (m & morning) === 0 && morning !== 0).length;
  // dp over slots: [chosen][morning chosen][last slot chosen] = fewest runs.
  const INF = 1 << 20;
  const size = (n + 1) * (n + 1) * 2;
  let dp = new Int32Array(size).fill(INF);
  const at = (c: number, m: number, last: number) => (c * (n + 1) + m) * 2 + last;
  dp[at(0, 0, 0)] = 0;
  for (let s = 0; s < slots; s++) {
    const next = new Int32Array(size).fill(INF);
    const bit = 1 << s;
    const isMorning = (morning & bit) !== 0 ? 1 : 0;
    for (let c = 0; c <= n; c++) {
      for (let m = 0; m <= c; m++) {
        for (let last = 0; last < 2; last++) {
          const v = dp[at(c, m, last)];
          if (v >= INF) continue;
          const k0 = at(c, m, 0);
          if (v < next[k0]) next[k0] = v;
          if (c < n && union & bit) {
            const k1 = at(c + 1, m + isMorning, 1);
            const w = v + (last ? 0 : 1);
            if (w < next[k1]) next[k1] = w;
          }
        }
      }
    }
    dp = next;
  }
  let runs = INF;
  for (let m = morningOnly; m <= n - afternoonOnly; m++) {
    for (let last = 0; last < 2; last++) runs = Math.min(runs, dp[at(n, m, last)]);
  }
  if (runs >= INF) return 0; // not placeable at all: the model rejects such meetings before
  let bound = runs - 1;
  if (bound === 0) {
    let window = false;
    for (let start = 0; start + n <= slots && !window; start++) {
      const w = ((n === 32 ? -1 : (1 << n) - 1) << start) | 0;
      if (matchable(masks.map((x) => x & w))) window = true;
    }
    if (!window) bound = 1;
  }
  return bound;
}

export function buildModel(problem: ScheduleProblem): Model {
  validate(problem);
  const { participants, slots, tables } = problem;
  const M = problem.meetings.length;
  const full = slots === 32 ? -1 : (1 << slots) - 1;
  const morning = problem.morningSlots >= 32 ? -1 : problem.morningSlots > 0 ? (1 << problem.morningSlots) - 1 : 0;
  const afternoon = problem.morningSlots > 0 ? full & ~morning : 0;
  const free = new Int32Array(participants);
  for (let p = 0; p < participants; p++) {
    let f = full;
    for (const s of problem.forbidden[p] ?? []) if (Number.isInteger(s) && s >= 1 && s <= slots) f &= ~(1 << (s - 1));
    free[p] = f;
  }
  const a = new Int32Array(M);
  const b = new Int32Array(M);
  const allowed = new Int32Array(M);
  const fixed = new Int32Array(M).fill(-1);
  const rejected: Model['rejected'] = [];
  const isRejected = new Uint8Array(M);
  const reject = (i: number, reason: UnscheduledReason) => {
    isRejected[i] = 1;
    rejected.push({ meeting: i, reason });
  };
  // Pins first, in priority order: a pin that clashes with an earlier pin loses.
  const pinnedDay = new Int32Array(participants);
  const pinnedCount = new Int32Array(slots);
  const pinnedTables = new Set<number>();
  problem.meetings.forEach((m, i) => {
    a[i] = m.a;
    b[i] = m.b;
    const half = m.half === 'morning' && morning ? morning : m.half === 'afternoon' && morning ? afternoon : full;
    allowed[i] = half & free[m.a] & free[m.b];
    if (m.fixedSlot == null) return;
    const s = m.fixedSlot - 1;
    const bit = 1 << s;
    const table = m.fixedTable;
    const tableKey = table != null ? s * 100_000 + table : -1;
    if (
      !Number.isInteger(m.fixedSlot) ||
      s < 0 ||
      s >= slots ||
      !(allowed[i] & bit) ||
      (pinnedDay[m.a] | pinnedDay[m.b]) & bit ||
      pinnedCount[s] >= tables ||
      (table != null && (!Number.isInteger(table) || table < 1 || table > tables || pinnedTables.has(tableKey)))
    ) {
      reject(i, 'pin_conflict');
      return;
    }
    fixed[i] = s;
    allowed[i] = bit;
    pinnedDay[m.a] |= bit;
    pinnedDay[m.b] |= bit;
    pinnedCount[s]++;
    if (table != null) pinnedTables.add(tableKey);
  });
  // A meeting that is not pinned cannot take a slot where either side has a pin.
  for (let i = 0; i < M; i++) {
    if (isRejected[i] || fixed[i] >= 0) continue;
    allowed[i] &= ~(pinnedDay[a[i]] | pinnedDay[b[i]]);
    if (allowed[i] === 0) reject(i, 'no_allowed_slot');
  }
  // Over-full participants: keep a meeting only if both sides can still give each kept meeting
  // its own slot (pins first, then priority order).
  const kept: number[][] = Array.from({ length: participants }, () => []);
  const order = [...Array(M).keys()].filter((i) => !isRejected[i]).sort((x, y) => Number(fixed[y] >= 0) - Number(fixed[x] >= 0) || x - y);
  for (const i of order) {
    const fits = (p: number) => matchable([...kept[p], i].map((j) => allowed[j]));
    if (fixed[i] < 0 && (!fits(a[i]) || !fits(b[i]))) {
      reject(i, 'participant_full');
      continue;
    }
    kept[a[i]].push(i);
    kept[b[i]].push(i);
  }
  for (let i = 0; i < M; i++) if (isRejected[i]) allowed[i] = 0;
  rejected.sort((x, y) => x.meeting - y.meeting);
  const active = [...Array(M).keys()].filter((i) => !isRejected[i]);
  const byParticipant: number[][] = Array.from({ length: participants }, () => []);
  for (const i of active) {
    byParticipant[a[i]].push(i);
    byParticipant[b[i]].push(i);
  }
  const participantBound = new Int32Array(participants);
  let lowerBound = 0;
  let minBound = participants > 0 ? Infinity : 0;
  for (let p = 0; p < participants; p++) {
    participantBound[p] = participantLowerBound(
      byParticipant[p].map((i) => allowed[i]),
      slots,
      morning,
    );
    lowerBound += participantBound[p];
    minBound = Math.min(minBound, participantBound[p]);
  }
  const d = problem.maxBreakSpread ?? 2;
  return { participants, slots, tables, full, active, a, b, allowed, fixed, byParticipant, rejected, participantBound, lowerBound, breakCap: d + minBound };
}
