// The exact phase's question as CNF: "is there a schedule of the day with at most K breaks?", in
// DIMACS literals (variable v ≥ 1 is v, its negation -v) for CaDiCaL. Booleans: x meeting m in
// slot s (allowed slots only), u participant p busy in slot s, z p has been busy at or before s,
// h a run of p's day starts at s after an idle slot (a break). Implied constraints, which make the
// solver much faster on the crafted benchmark days (Bofill et al., JAIR 2022):
// - a participant is busy in exactly as many slots as they have meetings;
// - at most 2 × tables participants are busy in a slot;
// - tables are counted over a cover of the meetings by participants (each meeting counted once, at
//   its cover participant's "busy" literal), a much smaller cardinality than one over all meetings.
import type { Model } from './model';

export type DayCnf = {
  vars: number;
  clauses: number[][];
  /** meeting * slots + slot → the variable "meeting in that slot", 0 where the slot is not allowed. */
  x: Int32Array;
  /** total[k] is true when the day has at least k + 1 breaks, for k up to the bound given. */
  total: number[];
};

class Cnf {
  vars = 0;
  readonly clauses: number[][] = [];

  newVar(): number {
    return ++this.vars;
  }

  add(clause: number[]): void {
    this.clauses.push(clause);
  }

  atMostOne(lits: number[]): void {
    for (let i = 0; i < lits.length; i++) for (let j = i + 1; j < lits.length; j++) this.add([-lits[i], -lits[j]]);
  }

  /** At most k of the literals (Sinz's sequential counter). */
  atMost(lits: number[], k: number): void {
    if (lits.length <= k) return;
    if (k === 0) {
      for (const l of lits) this.add([-l]);
      return;
    }
    let prev = Array.from({ length: k }, () => this.newVar());
    this.add([-lits[0], prev[0]]);
    for (let j = 1; j < k; j++) this.add([-prev[j]]);
    for (let i = 1; i < lits.length; i++) {
      const next = Array.from({ length: k }, () => this.newVar());
      this.add([-lits[i], next[0]]);
      this.add([-prev[0], next[0]]);
      for (let j = 1; j < k; j++) {
        this.add([-lits[i], -prev[j - 1], next[j]]);
        this.add([-prev[j], next[j]]);
      }
      this.add([-lits[i], -prev[k - 1]]);
      prev = next;
    }
  }

  /**
   * A totalizer: out[j] is true when at least j + 1 inputs are (for j < bound). With `exact`,
   * out[j] is also false when at most j inputs are, so the count can be bounded from both sides.
   */
  totalizer(inputs: number[], bound: number, exact = false): number[] {
    if (inputs.length <= 1) return inputs.slice(0, bound);
    const mid = inputs.length >> 1;
    const left = this.totalizer(inputs.slice(0, mid), bound, exact);
    const right = this.totalizer(inputs.slice(mid), bound, exact);
    const size = Math.min(bound, left.length + right.length);
    const out = Array.from({ length: size }, () => this.newVar());
    for (let i = 0; i <= left.length; i++) {
      for (let j = 0; j <= right.length; j++) {
        const k = i + j;
        if (k >= 1 && k <= size) this.add([out[k - 1], ...(i > 0 ? [-left[i - 1]] : []), ...(j > 0 ? [-right[j - 1]] : [])]);
        if (exact && k < size) this.add([-out[k], ...(i < left.length ? [left[i]] : []), ...(j < right.length ? [right[j]] : [])]);
      }
    }
    return out;
  }
}

/** The day's constraints, each participant within the fairness cap, and a break counter up to `bound` + 1. */
export function encodeDay(model: Model, bound: number): DayCnf {
  const { participants, slots, tables, active, allowed, byParticipant, breakCap } = model;
  const cnf = new Cnf();
  const x = new Int32Array(model.a.length * slots);
  for (const m of active) {
    const lits: number[] = [];
    for (let s = 0; s < slots; s++) if (allowed[m] & (1 << s)) lits.push((x[m * slots + s] = cnf.newVar()));
    cnf.add(lits);
    cnf.atMostOne(lits);
  }
  const ofAt = (meetings: number[], s: number) => meetings.map((m) => x[m * slots + s]).filter((v) => v !== 0);
  const u = new Int32Array(participants * slots);
  const busyAt: number[][] = Array.from({ length: slots }, () => []);
  const breaks: number[] = [];
  for (let p = 0; p < participants; p++) {
    const own = byParticipant[p];
    if (own.length === 0) continue;
    const busy: number[] = [];
    for (let s = 0; s < slots; s++) {
      const lits = ofAt(own, s);
      if (lits.length === 0) continue;
      cnf.atMostOne(lits);
      const v = (u[p * slots + s] = cnf.newVar());
      for (const l of lits) cnf.add([-l, v]);
      cnf.add([-v, ...lits]);
      busy.push(v);
      busyAt[s].push(v);
    }
    const count = cnf.totalizer(busy, own.length + 1, true);
    cnf.add([count[own.length - 1]]);
    if (count.length > own.length) cnf.add([-count[own.length]]);
    if (own.length < 2) continue;
    const ownBreaks: number[] = [];
    let zPrev = 0;
    for (let s = 0; s < slots; s++) {
      const us = u[p * slots + s];
      const usPrev = s > 0 ? u[p * slots + s - 1] : 0;
      const z = cnf.newVar();
      if (us) cnf.add([-us, z]);
      if (zPrev) cnf.add([-zPrev, z]);
      cnf.add([-z, ...(zPrev ? [zPrev] : []), ...(us ? [us] : [])]);
      if (us && zPrev) {
        const h = cnf.newVar();
        cnf.add([-us, ...(usPrev ? [usPrev] : []), -zPrev, h]);
        ownBreaks.push(h);
      }
      zPrev = z;
    }
    if (ownBreaks.length > breakCap) cnf.add([-cnf.totalizer(ownBreaks, breakCap + 1)[breakCap]]);
    breaks.push(...ownBreaks);
  }
  for (let s = 0; s < slots; s++) cnf.atMost(busyAt[s], 2 * tables);
  // Tables: cover the meetings by participants, most uncovered meetings first; in a slot a cover
  // participant's group holds at most one meeting, so at most `tables` groups may be busy.
  const left = new Set(active);
  const groups: { p: number; meetings: number[] }[] = [];
  while (left.size > 0) {
    let best = { p: -1, meetings: [] as number[] };
    for (let p = 0; p < participants; p++) {
      const meetings = byParticipant[p].filter((m) => left.has(m));
      if (meetings.length > best.meetings.length) best = { p, meetings };
    }
    groups.push(best);
    for (const m of best.meetings) left.delete(m);
  }
  for (let s = 0; s < slots; s++) {
    const busyGroups: number[] = [];
    for (const { p, meetings } of groups) {
      const lits = ofAt(meetings, s);
      if (lits.length === 0) continue;
      if (lits.length === ofAt(byParticipant[p], s).length) {
        busyGroups.push(u[p * slots + s]);
        continue;
      }
      const g = cnf.newVar();
      for (const l of lits) cnf.add([-l, g]);
      cnf.add([-g, ...lits]);
      busyGroups.push(g);
    }
    cnf.atMost(busyGroups, tables);
  }
  const total = cnf.totalizer(breaks, bound + 1);
  return { vars: cnf.vars, clauses: cnf.clauses, x, total };
}
