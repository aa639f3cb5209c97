// A small CDCL SAT solver for the exact phase: watched-literal clauses plus native "at most k of
// these literals" constraints (counted as literals become true, explained on demand), first-UIP
// learning, VSIDS with phase saving (the phases can be seeded with a known schedule), Luby
// restarts, and learnt-clause clean-up at restarts. Literals: 2·var for var, 2·var+1 for its negation.

export type SatAnswer = 'sat' | 'unsat' | 'unknown';

export const neg = (lit: number) => lit ^ 1;

function luby(i: number): number {
  let size = 1;
  let seq = 0;
  while (size < i + 1) {
    seq++;
    size = 2 * size + 1;
  }
  let x = i;
  while (size - 1 !== x) {
    size = (size - 1) >> 1;
    seq--;
    x = x % size;
  }
  return 2 ** seq;
}

export class Sat {
  private nVars = 0;
  /** Per var: 0 unassigned, 1 true, -1 false. */
  private vals = new Int8Array(0);
  private level = new Int32Array(0);
  private trailPos = new Int32Array(0);
  /** Per var: reason clause id (>= 0), card id encoded as -2 - id, or -1 (decision). */
  private reason = new Int32Array(0);
  private activity = new Float64Array(0);
  private phase = new Int8Array(0);
  /** The assignment of the longest conflict-free trail so far: the phases restarts go back to. */
  private bestPhase = new Int8Array(0);
  private bestTrail = 0;
  private seen = new Uint8Array(0);
  private heap: number[] = [];
  private heapIndex = new Int32Array(0);
  private trail: number[] = [];
  private trailLim: number[] = [];
  private qhead = 0;
  private clauses: (Int32Array | null)[] = [];
  private learnt: boolean[] = [];
  private lbd: number[] = [];
  private watches: number[][] = [];
  private cardLits: Int32Array[] = [];
  private cardK: number[] = [];
  private cardCount: number[] = [];
  private cardOcc: number[][] = [];
  private varInc = 1;
  /** The problem itself is unsatisfiable. */
  unsat = false;
  conflicts = 0;
  /** Go back to the phases of the longest trail at each restart (off: plain phase saving). */
  rephase = false;
  private learntCount = 0;

  newVar(): number {
    const v = this.nVars++;
    const grow = <T extends Int8Array | Int32Array | Float64Array | Uint8Array>(arr: T, make: (n: number) => T): T => {
      if (v < arr.length) return arr;
      const next = make(Math.max(16, arr.length * 2));
      next.set(arr as never);
      return next;
    };
    this.vals = grow(this.vals, (n) => new Int8Array(n));
    this.level = grow(this.level, (n) => new Int32Array(n));
    this.trailPos = grow(this.trailPos, (n) => new Int32Array(n));
    this.reason = grow(this.reason, (n) => new Int32Array(n));
    this.activity = grow(this.activity, (n) => new Float64Array(n));
    this.phase = grow(this.phase, (n) => new Int8Array(n));
    this.bestPhase = grow(this.bestPhase, (n) => new Int8Array(n));
    this.seen = grow(this.seen, (n) => new Uint8Array(n));
    this.heapIndex = grow(this.heapIndex, (n) => new Int32Array(n));
    this.phase[v] = -1;
    this.watches.push([], []);
    this.cardOcc.push([], []);
    this.heapIndex[v] = -1;
    this.heapInsert(v);
    return v;
  }

  setPhase(v: number, value: boolean): void {
    this.phase[v] = value ? 1 : -1;
    this.bestPhase[v] = this.phase[v];
  }

  /** Raise a variable's initial activity (decided earlier). */
  prefer(v: number, amount: number): void {
    this.activity[v] += amount;
    if (this.heapIndex[v] >= 0) this.heapUp(this.heapIndex[v]);
  }

  value(v: number): boolean {
    return this.vals[v] === 1;
  }

  private litValue(lit: number): number {
    const x = this.vals[lit >> 1];
    return lit & 1 ? -x : x;
  }

  // --- heap on activity ---
  private heapLess(x: number, y: number): boolean {
    return this.activity[x] > this.activity[y];
  }
  private heapUp(i: number): void {
    const { heap } = this;
    const v = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.heapLess(v, heap[parent])) break;
      heap[i] = heap[parent];
      this.heapIndex[heap[i]] = i;
      i = parent;
    }
    heap[i] = v;
    this.heapIndex[v] = i;
  }
  private heapDown(i: number): void {
    const { heap } = this;
    const v = heap[i];
    const n = heap.length;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.heapLess(heap[child + 1], heap[child])) child++;
      if (!this.heapLess(heap[child], v)) break;
      heap[i] = heap[child];
      this.heapIndex[heap[i]] = i;
      i = child;
    }
    heap[i] = v;
    this.heapIndex[v] = i;
  }
  private heapInsert(v: number): void {
    if (this.heapIndex[v] >= 0) return;
    this.heap.push(v);
    this.heapIndex[v] = this.heap.length - 1;
    this.heapUp(this.heap.length - 1);
  }
  private heapPop(): number {
    const top = this.heap[0];
    const last = this.heap.pop()!;
    this.heapIndex[top] = -1;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.heapIndex[last] = 0;
      this.heapDown(0);
    }
    return top;
  }
  private bump(v: number): void {
    this.activity[v] += this.varInc;
    if (this.activity[v] > 1e100) {
      for (let i = 0; i < this.nVars; i++) this.activity[i] *= 1e-100;
      this.varInc *= 1e-100;
    }
    if (this.heapIndex[v] >= 0) this.heapUp(this.heapIndex[v]);
  }

  private enqueue(lit: number, reason: number): void {
    const v = lit >> 1;
    this.vals[v] = lit & 1 ? -1 : 1;
    this.level[v] = this.trailLim.length;
    this.reason[v] = reason;
    this.trailPos[v] = this.trail.length;
    this.trail.push(lit);
  }

  /** A clause at level 0 (before solving, or between solves). False if the problem became unsatisfiable. */
  addClause(lits: number[]): boolean {
    if (this.unsat) return false;
    this.backtrack(0);
    const kept: number[] = [];
    for (const l of lits) {
      const x = this.litValue(l);
      if (x === 1 || kept.includes(neg(l))) return true;
      if (x === 0 && !kept.includes(l)) kept.push(l);
    }
    if (kept.length === 0) return !(this.unsat = true);
    if (kept.length === 1) {
      this.enqueue(kept[0], -1);
      if (this.propagate() !== -1) this.unsat = true;
      return !this.unsat;
    }
    this.attach(Int32Array.from(kept), false, 0);
    return true;
  }

  private attach(c: Int32Array, learnt: boolean, lbd: number): number {
    const id = this.clauses.length;
    this.clauses.push(c);
    this.learnt.push(learnt);
    this.lbd.push(lbd);
    this.watches[c[0]].push(id);
    this.watches[c[1]].push(id);
    if (learnt) this.learntCount++;
    return id;
  }

  /** At most k of the literals true. Returns its id (for tightening k later). */
  addAtMost(lits: number[], k: number): number {
    this.backtrack(0);
    const id = this.cardLits.length;
    this.cardLits.push(Int32Array.from(lits));
    this.cardK.push(k);
    this.cardCount.push(0);
    for (const l of lits) this.cardOcc[l].push(id);
    this.recount();
    return id;
  }

  /** Lower (or keep) the k of an at-most constraint, at level 0. */
  setAtMost(id: number, k: number): void {
    this.backtrack(0);
    this.cardK[id] = k;
    this.recount();
  }

  /** Recount every constraint from the level-0 trail and propagate. */
  private recount(): void {
    if (this.unsat) return;
    this.cardCount.fill(0);
    this.qhead = 0;
    if (this.propagate() !== -1) this.unsat = true;
  }

  /** Propagate; returns -1, or the conflict (a clause id, or -2 - card id). */
  private propagate(): number {
    const { vals, trail } = this;
    while (this.qhead < trail.length) {
      const p = trail[this.qhead++];
      // Cardinality constraints containing p (now true).
      const occ = this.cardOcc[p];
      for (let i = 0; i < occ.length; i++) {
        const c = occ[i];
        const n = ++this.cardCount[c];
        const k = this.cardK[c];
        if (n > k) {
          // Count p in the remaining constraints too, so that backtracking stays consistent.
          for (let r = i + 1; r < occ.length; r++) this.cardCount[occ[r]]++;
          return -2 - c;
        }
        if (n === k) {
          const lits = this.cardLits[c];
          for (let j = 0; j < lits.length; j++) {
            const l = lits[j];
            if (vals[l >> 1] === 0) this.enqueue(l ^ 1, -2 - c);
          }
        }
      }
      // Clauses watching ¬p (now false).
      const falseLit = p ^ 1;
      const ws = this.watches[falseLit];
      let i = 0;
      let j = 0;
      let conflict = -1;
      while (i < ws.length) {
        const cid = ws[i++];
        const c = this.clauses[cid];
        if (c === null) continue;
        if (c[0] === falseLit) {
          c[0] = c[1];
          c[1] = falseLit;
        }
        const first = c[0];
        if (this.litValue(first) === 1) {
          ws[j++] = cid;
          continue;
        }
        let moved = false;
        for (let k = 2; k < c.length; k++) {
          if (this.litValue(c[k]) !== -1) {
            c[1] = c[k];
            c[k] = falseLit;
            this.watches[c[1]].push(cid);
            moved = true;
            break;
          }
        }
        if (moved) continue;
        ws[j++] = cid;
        if (this.litValue(first) === -1) {
          conflict = cid;
          while (i < ws.length) ws[j++] = ws[i++];
          break;
        }
        this.enqueue(first, cid);
      }
      ws.length = j;
      if (conflict >= 0) return conflict;
    }
    return -1;
  }

  /** The literals of a reason (all false except, for a propagation, the implied one left out). */
  private reasonLits(r: number, implied: number, out: number[]): void {
    out.length = 0;
    if (r >= 0) {
      const c = this.clauses[r]!;
      for (let i = 0; i < c.length; i++) if (c[i] !== implied) out.push(c[i]);
      return;
    }
    const cid = -2 - r;
    const lits = this.cardLits[cid];
    const limit = implied >= 0 ? this.trailPos[implied >> 1] : Infinity;
    const need = implied >= 0 ? this.cardK[cid] : this.cardK[cid] + 1;
    // The true literals assigned before the implied one (any `need` of them explain it).
    for (let i = 0; i < lits.length && out.length < need; i++) {
      const l = lits[i];
      if (this.litValue(l) === 1 && this.trailPos[l >> 1] < limit) out.push(l ^ 1);
    }
  }

  private backtrack(lvl: number): void {
    if (this.trailLim.length <= lvl) return;
    const start = this.trailLim[lvl];
    for (let i = this.trail.length - 1; i >= start; i--) {
      const l = this.trail[i];
      const v = l >> 1;
      if (i < this.qhead) {
        const occ = this.cardOcc[l];
        for (let k = 0; k < occ.length; k++) this.cardCount[occ[k]]--;
      }
      this.phase[v] = this.vals[v];
      this.vals[v] = 0;
      this.heapInsert(v);
    }
    this.trail.length = start;
    this.trailLim.length = lvl;
    this.qhead = Math.min(this.qhead, start);
  }

  private analyze(conflict: number): { learnt: number[]; back: number; lbd: number } {
    const learnt: number[] = [-1];
    const buf: number[] = [];
    let pathCount = 0;
    let p = -1;
    let index = this.trail.length - 1;
    let r = conflict;
    const cur = this.trailLim.length;
    const touched: number[] = [];
    for (;;) {
      this.reasonLits(r, p, buf);
      for (const q of buf) {
        const v = q >> 1;
        if (this.seen[v] || this.level[v] === 0) continue;
        this.seen[v] = 1;
        touched.push(v);
        this.bump(v);
        if (this.level[v] === cur) pathCount++;
        else learnt.push(q);
      }
      while (!this.seen[this.trail[index] >> 1]) index--;
      p = this.trail[index];
      index--;
      this.seen[p >> 1] = 0;
      pathCount--;
      if (pathCount <= 0) break;
      r = this.reason[p >> 1];
    }
    learnt[0] = p ^ 1;
    // Minimise: drop a literal whose reason's literals are all in the clause already (or level 0).
    let kept = 1;
    for (let i = 1; i < learnt.length; i++) {
      const q = learnt[i];
      const r = this.reason[q >> 1];
      let redundant = r !== -1;
      if (redundant) {
        this.reasonLits(r, q ^ 1, buf);
        for (const x of buf) {
          if (!this.seen[x >> 1] && this.level[x >> 1] > 0) {
            redundant = false;
            break;
          }
        }
      }
      if (!redundant) learnt[kept++] = q;
    }
    learnt.length = kept;
    for (const v of touched) this.seen[v] = 0;
    let back = 0;
    let maxI = 1;
    for (let i = 1; i < learnt.length; i++) {
      const lv = this.level[learnt[i] >> 1];
      if (lv > back) {
        back = lv;
        maxI = i;
      }
    }
    if (learnt.length > 1) [learnt[1], learnt[maxI]] = [learnt[maxI], learnt[1]];
    const levels = new Set<number>();
    for (const l of learnt) levels.add(this.level[l >> 1]);
    this.varInc /= 0.95;
    return { learnt, back, lbd: levels.size };
  }

  /** Drop most long learnt clauses (at level 0 nothing is a reason that analysis reads). */
  private reduce(): void {
    const ids: number[] = [];
    for (let i = 0; i < this.clauses.length; i++) if (this.learnt[i] && this.clauses[i] && this.lbd[i] > 3) ids.push(i);
    ids.sort((x, y) => this.lbd[y] - this.lbd[x] || x - y);
    for (let k = 0; k < ids.length / 2; k++) {
      this.clauses[ids[k]] = null;
      this.learntCount--;
    }
    for (const w of this.watches) {
      let j = 0;
      for (let i = 0; i < w.length; i++) if (this.clauses[w[i]] !== null) w[j++] = w[i];
      w.length = j;
    }
  }

  /**
   * With assumptions (literals decided first, in order), 'unsat' means unsatisfiable under them
   * (the problem itself may still be satisfiable; `unsat` tells the two apart).
   */
  solve(maxConflicts: number, deadline: number, assumptions: number[] = []): SatAnswer {
    if (this.unsat) return 'unsat';
    this.backtrack(0);
    if (this.propagate() !== -1) {
      this.unsat = true;
      return 'unsat';
    }
    let restart = 0;
    let budget = 100 * luby(restart);
    let reduceAt = this.learntCount + 4000;
    const stopAt = this.conflicts + maxConflicts;
    for (;;) {
      const conflict = this.propagate();
      if (conflict !== -1) {
        this.conflicts++;
        budget--;
        if (this.trailLim.length === 0) {
          this.unsat = true;
          return 'unsat';
        }
        if (this.trail.length > this.bestTrail) {
          this.bestTrail = this.trail.length;
          for (const l of this.trail) this.bestPhase[l >> 1] = l & 1 ? -1 : 1;
        }
        if ((this.conflicts & 255) === 0 && (this.conflicts >= stopAt || performance.now() > deadline)) {
          this.backtrack(0);
          return 'unknown';
        }
        const { learnt, back, lbd } = this.analyze(conflict);
        this.backtrack(back);
        if (learnt.length === 1) this.enqueue(learnt[0], -1);
        else {
          const id = this.attach(Int32Array.from(learnt), true, lbd);
          this.enqueue(learnt[0], id);
        }
        continue;
      }
      if (budget <= 0) {
        if (this.conflicts >= stopAt || ((restart & 3) === 0 && performance.now() > deadline)) {
          this.backtrack(0);
          return 'unknown';
        }
        this.backtrack(0);
        restart++;
        if (this.rephase) for (let v = 0; v < this.nVars; v++) if (this.bestPhase[v] !== 0) this.phase[v] = this.bestPhase[v];
        if ((restart & 15) === 0) this.bestTrail = 0;
        budget = 100 * luby(restart);
        if (this.learntCount > reduceAt) {
          this.reduce();
          reduceAt = this.learntCount + 4000;
        }
        continue;
      }
      // Assumptions first, one decision level each.
      if (this.trailLim.length < assumptions.length) {
        const lit = assumptions[this.trailLim.length];
        const x = this.litValue(lit);
        if (x === -1) {
          this.backtrack(0);
          return 'unsat';
        }
        this.trailLim.push(this.trail.length);
        if (x === 0) this.enqueue(lit, -1);
        continue;
      }
      // Decide.
      let v = -1;
      while (this.heap.length > 0) {
        const x = this.heapPop();
        if (this.vals[x] === 0) {
          v = x;
          break;
        }
      }
      if (v < 0) return 'sat';
      this.trailLim.push(this.trail.length);
      this.enqueue(2 * v + (this.phase[v] === 1 ? 0 : 1), -1);
    }
  }
}
