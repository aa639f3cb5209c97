import { exactImprove } from './exact';
import { buildModel } from './model';
import type { ProblemMeeting, ScheduleProblem } from './schedule-problem';
import { schedule } from './scheduler';
import { State } from './state';

const FAR = () => performance.now() + 10_000;

const meet = (a: number, b: number, over: Partial<ProblemMeeting> = {}): ProblemMeeting => ({ a, b, half: 'any', ...over });

describe('the exact phase', () => {
  it('proves the break a triangle of meetings forces, which the per-participant bound cannot see', async () => {
    // Three participants who all meet each other: whoever is not in the middle meeting waits.
    const problem: ScheduleProblem = { participants: 3, slots: 4, morningSlots: 0, tables: 3, meetings: [meet(0, 1), meet(0, 2), meet(1, 2)], forbidden: [] };
    const r = await schedule(problem, { seed: 1, budgetMs: 2000 });
    expect(r.breaks).toBe(1);
    expect(r.lowerBound).toBe(0);
    expect(r.optimal).toBe(true);
  });

  it.each([1, 2])('turns a poor schedule into an optimal one that keeps every constraint (on %i thread(s))', async (threads) => {
    // Participant 0 meets 1..4, participant 5 meets 1..4, two tables, six slots, 2 forbids slot 3.
    const meetings = [meet(0, 1), meet(0, 2), meet(0, 3), meet(0, 4), meet(5, 1), meet(5, 2), meet(5, 3), meet(5, 4)];
    const problem: ScheduleProblem = { participants: 6, slots: 6, morningSlots: 0, tables: 2, meetings, forbidden: [[], [], [3]] };
    const model = buildModel(problem);
    const state = new State(model);
    // 0 and 5 each with a break: 0 in slots 1,2,4,6 / 5 in slots 2,4,5,1 (0-based below).
    const start = [0, 1, 3, 5, 1, 3, 4, 0];
    start.forEach((s, m) => state.place(m, s));
    expect(state.breaks()).toBeGreaterThan(0);
    const r = await exactImprove(state, { deadline: FAR(), target: model.lowerBound, threads });
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

  it('proves a schedule optimal when no schedule has fewer breaks, and leaves it as it is', async () => {
    // The triangle again, placed by hand with its one forced break.
    const problem: ScheduleProblem = { participants: 3, slots: 4, morningSlots: 0, tables: 3, meetings: [meet(0, 1), meet(0, 2), meet(1, 2)], forbidden: [] };
    const state = new State(buildModel(problem));
    [0, 1, 2].forEach((s, m) => state.place(m, s));
    const before = state.slot.slice();
    const r = await exactImprove(state, { deadline: FAR(), target: 0 });
    expect(r).toEqual({ improved: false, optimal: true });
    expect(state.slot).toEqual(before);
  });
});
