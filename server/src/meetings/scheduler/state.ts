// A (partial) schedule under search: the slot of each meeting, each participant's day as a mask,
// who meets whom in each slot, and the meetings of each slot. Every operation keeps the hard
// constraints (one meeting per participant per slot, at most `tables` per slot, allowed slots);
// the cost (breaks plus a penalty for breaks above the fairness cap) is kept up to date.
import { breaksOf, type Model } from './model';

/** Weight of one break above the fairness cap, against one break. */
export const FAIRNESS_WEIGHT = 4;

export type Rng = { next(): number; below(n: number): number };

/** A small deterministic generator (xorshift32), so a seed gives the same schedule. */
export function rng(seed: number): Rng {
  let x = (seed | 0) ^ 0x9e3779b9 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  return { next, below: (n) => Math.floor((next() / 4294967296) * n) };
}

export class State {
  readonly slot: Int32Array;
  readonly day: Int32Array;
  /** participant * slots + slot → meeting, or -1. */
  readonly at: Int32Array;
  readonly count: Int32Array;
  /** slot * tables + i → meeting, for i < count[slot]. */
  readonly members: Int32Array;
  /** Position of a meeting in its slot's members. */
  readonly pos: Int32Array;
  /** Slots with count === tables. */
  fullMask = 0;
  cost = 0;

  constructor(readonly model: Model) {
    const { participants, slots, tables } = model;
    const M = model.a.length;
    this.slot = new Int32Array(M).fill(-1);
    this.day = new Int32Array(participants);
    this.at = new Int32Array(participants * slots).fill(-1);
    this.count = new Int32Array(slots);
    this.members = new Int32Array(slots * Math.max(tables, 1));
    this.pos = new Int32Array(M);
    if (tables === 0) this.fullMask = model.full;
  }

  /** Cost of one participant's day: breaks, plus a penalty above the fairness cap. */
  dayCost(day: number): number {
    const br = breaksOf(day);
    return br > this.model.breakCap ? br + FAIRNESS_WEIGHT * (br - this.model.breakCap) : br;
  }

  /** Slots where the meeting could go now without moving anything. */
  freeSlots(m: number): number {
    const { a, b, allowed } = this.model;
    return allowed[m] & ~this.day[a[m]] & ~this.day[b[m]] & ~this.fullMask;
  }

  /** Cost change of placing m in s (s must be free for both). */
  placeDelta(m: number, s: number): number {
    const { a, b } = this.model;
    const bit = 1 << s;
    const da = this.day[a[m]];
    const db = this.day[b[m]];
    return this.dayCost(da | bit) - this.dayCost(da) + this.dayCost(db | bit) - this.dayCost(db);
  }

  place(m: number, s: number): void {
    const { a, b, slots, tables } = this.model;
    this.cost += this.placeDelta(m, s);
    const bit = 1 << s;
    this.slot[m] = s;
    this.day[a[m]] |= bit;
    this.day[b[m]] |= bit;
    this.at[a[m] * slots + s] = m;
    this.at[b[m] * slots + s] = m;
    const c = this.count[s]++;
    this.members[s * tables + c] = m;
    this.pos[m] = c;
    if (c + 1 === tables) this.fullMask |= bit;
  }

  remove(m: number): void {
    const { a, b, slots, tables } = this.model;
    const s = this.slot[m];
    const bit = 1 << s;
    const da = this.day[a[m]];
    const db = this.day[b[m]];
    this.cost += this.dayCost(da & ~bit) - this.dayCost(da) + this.dayCost(db & ~bit) - this.dayCost(db);
    this.slot[m] = -1;
    this.day[a[m]] = da & ~bit;
    this.day[b[m]] = db & ~bit;
    this.at[a[m] * slots + s] = -1;
    this.at[b[m] * slots + s] = -1;
    const last = --this.count[s];
    const moved = this.members[s * tables + last];
    this.members[s * tables + this.pos[m]] = moved;
    this.pos[moved] = this.pos[m];
    this.fullMask &= ~bit;
  }

  /** Total breaks (without the fairness penalty). */
  breaks(): number {
    let total = 0;
    for (let p = 0; p < this.model.participants; p++) total += breaksOf(this.day[p]);
    return total;
  }

  /** Participants above the fairness cap. */
  unfair(): number {
    let n = 0;
    for (let p = 0; p < this.model.participants; p++) if (breaksOf(this.day[p]) > this.model.breakCap) n++;
    return n;
  }

  /** Replace the whole placement (e.g. with the best one found). */
  load(slots: Int32Array): void {
    for (const m of this.model.active) if (this.slot[m] >= 0) this.remove(m);
    for (const m of this.model.active) if (slots[m] >= 0) this.place(m, slots[m]);
  }
}
