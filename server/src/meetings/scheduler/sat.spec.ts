import { exactImprove } from './exact';
import { buildModel } from './model';
import { neg, Sat } from './sat';
import type { ProblemMeeting, ScheduleProblem } from './schedule-problem';
import { schedule } from './scheduler';
import { rng, State } from './state';

const FAR = () => performance.now() + 10_000;

describe('the exact phase’s SAT solver', () => {
  it('finds a model of a satisfiable formula and it satisfies every clause', () => {
    const sat = new Sat();
    const v = Array.from({ length: 6 }, () => sat.newVar());
    const clauses = [
      [2 * v[0], 2 * v[1]],
      [neg(2 * v[0]), 2 * v[2]],
      [neg(2 * v[1]), neg(2 * v[2]), 2 * v[3]],
      [neg(2 * v[3]), 2 * v[4], 2 * v[5]],
      [neg(2 * v[4])],
    ];
    for (const c of clauses) sat.addClause(c);
    expect(sat.solve(1000, FAR())).toBe('sat');
    const value = (lit: number) => sat.value(lit >> 1) === ((lit & 1) === 0);
    for (const c of clauses) expect(c.some(value)).toBe(true);
  });

  it('proves the pigeonhole principle with at-most constraints (4 pigeons, 3 holes)', () => {
    const sat = new Sat();
    const x = Array.from({ length: 4 }, () => Array.from({ length: 3 }, () => 2 * sat.newVar()));
    for (const pigeon of x) sat.addClause(pigeon);
    for (let h = 0; h < 3; h++) sat.addAtMost(x.map((pigeon) => pigeon[h]), 1);
    expect(sat.solve(10_000, FAR())).toBe('unsat');
  });

  it('tightens an at-most bound between solves and answers under assumptions', () => {
    const sat = new Sat();
    const x = Array.from({ length: 5 }, () => 2 * sat.newVar());
    sat.addClause([x[0], x[1]]);
    sat.addClause([x[2], x[3]]);
    const card = sat.addAtMost(x, 3);
    expect(sat.solve(1000, FAR())).toBe('sat');
    expect(sat.solve(1000, FAR(), [x[4], x[0], x[1]])).toBe('unsat'); // 4 true under these
    expect(sat.unsat).toBe(false);
    sat.setAtMost(card, 2);
    expect(sat.solve(1000, FAR())).toBe('sat');
    expect(x.filter((l) => sat.value(l >> 1)).length).toBeLessThanOrEqual(2);
    sat.setAtMost(card, 1);
    expect(sat.solve(1000, FAR())).toBe('unsat');
    expect(sat.unsat).toBe(true);
  });
});

const meet = (a: number, b: number, over: Partial<ProblemMeeting> = {}): ProblemMeeting => ({ a, b, half: 'any', ...over });

describe('the exact phase', () => {
  it('proves the break a triangle of meetings forces, which the per-participant bound cannot see', () => {
    // Three participants who all meet each other: whoever is not in the middle meeting waits.
    const problem: ScheduleProblem = { participants: 3, slots: 4, morningSlots: 0, tables: 3, meetings: [meet(0, 1), meet(0, 2), meet(1, 2)], forbidden: [] };
    const r = schedule(problem, { seed: 1, budgetMs: 2000 });
    expect(r.breaks).toBe(1);
    expect(r.lowerBound).toBe(0);
    expect(r.optimal).toBe(true);
  });

  it('turns a poor schedule into an optimal one that keeps every constraint', () => {
    // Participant 0 meets 1..4, participant 5 meets 1..4, two tables, six slots, 2 forbids slot 3.
    const meetings = [meet(0, 1), meet(0, 2), meet(0, 3), meet(0, 4), meet(5, 1), meet(5, 2), meet(5, 3), meet(5, 4)];
    const problem: ScheduleProblem = { participants: 6, slots: 6, morningSlots: 0, tables: 2, meetings, forbidden: [[], [], [3]] };
    const model = buildModel(problem);
    const state = new State(model);
    // 0 and 5 each with a break: 0 in slots 1,2,4,6 / 5 in slots 2,4,5,1 (0-based below).
    const start = [0, 1, 3, 5, 1, 3, 4, 0];
    start.forEach((s, m) => state.place(m, s));
    expect(state.breaks()).toBeGreaterThan(0);
    const r = exactImprove(state, rng(3), { deadline: FAR(), target: model.lowerBound, maxConflicts: 100_000 });
    expect(r.improved).toBe(true);
    expect(r.optimal).toBe(true);
    expect(state.breaks()).toBe(0);
    const count = new Array<number>(6).fill(0);
    const busy = new Set<string>();
    meetings.forEach((m, i) => {
      const s = state.slot[i];
      count[s]++;
      expect(model.allowed[i] & (1 << s)).not.toBe(0);
      for (const p of [m.a, m.b]) {
        expect(busy.has(`${p}@${s}`)).toBe(false);
        busy.add(`${p}@${s}`);
      }
    });
    for (const c of count) expect(c).toBeLessThanOrEqual(2);
  });
});
