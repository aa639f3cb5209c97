import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scheduleInWorker } from './run-in-worker';
import type { ProblemMeeting, ScheduleProblem, ScheduleProgress, ScheduleResult } from './schedule-problem';
import { schedule } from './scheduler';

const problem = (over: Partial<ScheduleProblem> & Pick<ScheduleProblem, 'meetings'>): ScheduleProblem => ({
  participants: 1 + Math.max(0, ...over.meetings.flatMap((m) => [m.a, m.b])),
  slots: 4,
  morningSlots: 0,
  tables: 10,
  forbidden: [],
  ...over,
});
const meet = (a: number, b: number, over: Partial<ProblemMeeting> = {}): ProblemMeeting => ({ a, b, half: 'any', ...over });

/** Every hard constraint, checked from scratch, and the breaks recounted. */
function expectValid(p: ScheduleProblem, r: ScheduleResult): void {
  const seen = new Set<string>();
  const days: number[][] = Array.from({ length: p.participants }, () => []);
  const perSlot = new Map<number, number>();
  p.meetings.forEach((m, i) => {
    const s = r.slot[i];
    const t = r.table[i];
    const out = r.unscheduled.some((u) => u.meeting === i);
    expect({ i, out }).toEqual({ i, out: s === 0 });
    if (s === 0) return expect(t).toBe(0);
    expect(s).toBeGreaterThanOrEqual(1);
    expect(s).toBeLessThanOrEqual(p.slots);
    expect(t).toBeGreaterThanOrEqual(1);
    expect(t).toBeLessThanOrEqual(p.tables);
    if (m.half === 'morning') expect(s).toBeLessThanOrEqual(p.morningSlots);
    if (m.half === 'afternoon' && p.morningSlots > 0) expect(s).toBeGreaterThan(p.morningSlots);
    if (m.fixedSlot != null) expect(s).toBe(m.fixedSlot);
    if (m.fixedSlot != null && m.fixedTable != null) expect(t).toBe(m.fixedTable);
    for (const x of [m.a, m.b]) {
      expect(p.forbidden[x] ?? []).not.toContain(s);
      expect(seen.has(`p${x}@${s}`)).toBe(false);
      seen.add(`p${x}@${s}`);
      days[x].push(s);
    }
    expect(seen.has(`t${t}@${s}`)).toBe(false);
    seen.add(`t${t}@${s}`);
    perSlot.set(s, (perSlot.get(s) ?? 0) + 1);
  });
  for (const n of perSlot.values()) expect(n).toBeLessThanOrEqual(p.tables);
  const breaks = days.map((d) => d.sort((x, y) => x - y).filter((s, k) => k > 0 && s !== d[k - 1] + 1).length);
  expect(r.breaksByParticipant).toEqual(breaks);
  expect(r.breaks).toBe(breaks.reduce((x, y) => x + y, 0));
  expect(r.breaks).toBeGreaterThanOrEqual(r.lowerBound);
  if (r.fairnessMet) expect(Math.max(...breaks) - Math.min(...breaks)).toBeLessThanOrEqual(p.maxBreakSpread ?? 2);
}

async function run(p: ScheduleProblem, budgetMs = 500): Promise<ScheduleResult> {
  const r = await schedule(p, { budgetMs, seed: 7 });
  expectValid(p, r);
  return r;
}

describe('the meeting scheduler', () => {
  it('puts a star of four meetings around one participant in four slots without a break', async () => {
    const r = await run(problem({ meetings: [meet(0, 1), meet(0, 2), meet(0, 3), meet(0, 4)] }));
    expect(r.unscheduled).toEqual([]);
    expect(r.breaks).toBe(0);
    expect(r.optimal).toBe(true);
  });

  it('counts the break a forbidden slot forces and proves it optimal', async () => {
    const r = await run(problem({ slots: 3, meetings: [meet(0, 1), meet(0, 2)], forbidden: [[2]] }));
    expect(r.breaks).toBe(1);
    expect(r.lowerBound).toBe(1);
    expect(r.optimal).toBe(true);
  });

  it('reports capacity when too few tables, keeping the higher-priority meetings', async () => {
    const r = await run(problem({ slots: 2, tables: 1, meetings: [meet(0, 1), meet(2, 3), meet(4, 5)] }));
    expect(r.unscheduled).toEqual([{ meeting: 2, reason: 'capacity' }]);
    expect(r.slot.slice(0, 2).sort()).toEqual([1, 2]);
  });

  it('keeps earlier meetings when a busy participant cannot take them all', async () => {
    // 0 meets 1, 2, 3 in a two-slot day; 1 and 2 are also busy, so priority decides who is left out.
    const r = await run(problem({ slots: 2, meetings: [meet(3, 0), meet(0, 1), meet(0, 2), meet(1, 2)] }));
    expect(r.unscheduled).toEqual([{ meeting: 2, reason: 'participant_full' }]);
    expect(r.slot.filter((s) => s > 0)).toHaveLength(3);
  });

  it('respects morning and afternoon meetings', async () => {
    const p = problem({
      slots: 6,
      morningSlots: 3,
      meetings: [meet(0, 1, { half: 'afternoon' }), meet(0, 2, { half: 'morning' }), meet(0, 3, { half: 'afternoon' }), meet(0, 4)],
    });
    const r = await run(p);
    expect(r.unscheduled).toEqual([]);
    expect(r.slot[0]).toBeGreaterThan(3);
    expect(r.slot[1]).toBeLessThanOrEqual(3);
    expect(r.slot[2]).toBeGreaterThan(3);
    expect(r.breaks).toBe(0);
  });

  it('keeps fixed slots and tables', async () => {
    const p = problem({
      slots: 3,
      tables: 2,
      meetings: [meet(0, 1, { fixedSlot: 3, fixedTable: 2 }), meet(2, 3, { fixedSlot: 3 }), meet(0, 2), meet(1, 3), meet(0, 3)],
    });
    const r = await run(p);
    expect(r.unscheduled).toEqual([]);
    expect([r.slot[0], r.table[0]]).toEqual([3, 2]);
    expect([r.slot[1], r.table[1]]).toEqual([3, 1]);
  });

  it('reports pins that clash and meetings without a common free slot', async () => {
    const p = problem({
      slots: 2,
      meetings: [meet(0, 1, { fixedSlot: 1 }), meet(0, 2, { fixedSlot: 1 }), meet(3, 4, { fixedSlot: 2 }), meet(5, 6), meet(7, 8, { fixedSlot: 3 })],
      forbidden: [[], [], [], [], [2], [1], [2]],
    });
    const r = await run(p);
    expect(r.unscheduled).toEqual([
      { meeting: 1, reason: 'pin_conflict' },
      { meeting: 2, reason: 'pin_conflict' },
      { meeting: 3, reason: 'no_allowed_slot' },
      { meeting: 4, reason: 'pin_conflict' },
    ]);
    expect(r.slot[0]).toBe(1);
  });

  it('reports the meetings of an over-full participant beyond their free slots', async () => {
    const r = await run(problem({ slots: 3, meetings: [meet(0, 1), meet(0, 2), meet(0, 3), meet(0, 4)], forbidden: [[3]] }));
    expect(r.unscheduled).toEqual([
      { meeting: 2, reason: 'participant_full' },
      { meeting: 3, reason: 'participant_full' },
    ]);
    expect(r.breaks).toBe(0);
  });

  it('keeps the spread of breaks between participants within the fairness bound', async () => {
    // A random crowded day: 12 participants, 40 meetings, 8 slots, a few forbidden slots.
    let x = 12345;
    const rand = (n: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), (x >>> 16) % n);
    const meetings: ProblemMeeting[] = [];
    const pairs = new Set<string>();
    while (meetings.length < 40) {
      const a = rand(12);
      const b = rand(12);
      if (a === b || pairs.has(`${Math.min(a, b)}-${Math.max(a, b)}`)) continue;
      pairs.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
      meetings.push(meet(a, b));
    }
    const forbidden = Array.from({ length: 12 }, (_, p) => (p % 3 === 0 ? [1 + rand(8)] : []));
    for (const d of [1, 2]) {
      const p = problem({ participants: 12, slots: 8, tables: 6, meetings, forbidden, maxBreakSpread: d });
      const r = await run(p);
      expect(r.fairnessMet).toBe(true);
      expect(Math.max(...r.breaksByParticipant) - Math.min(...r.breaksByParticipant)).toBeLessThanOrEqual(d);
    }
  });

  it('gives the same schedule for the same seed', async () => {
    const p = problem({ slots: 5, tables: 2, meetings: [meet(0, 1), meet(0, 2), meet(1, 2), meet(2, 3), meet(3, 4), meet(1, 4), meet(0, 4)] });
    expect((await schedule(p, { seed: 3, budgetMs: 300 })).slot).toEqual((await schedule(p, { seed: 3, budgetMs: 300 })).slot);
  });

  it('runs in a worker with the same result as in process, reporting progress', async () => {
    const p = problem({
      slots: 6,
      tables: 3,
      meetings: [meet(0, 1), meet(0, 2), meet(1, 2), meet(2, 3), meet(3, 4), meet(1, 4), meet(0, 4), meet(4, 5)],
      forbidden: [[2], [], [5]],
    });
    const progress: ScheduleProgress[] = [];
    const inWorker = await scheduleInWorker(p, { seed: 5, budgetMs: 300, onProgress: (x) => progress.push(x) });
    const inProcess = await schedule(p, { seed: 5, budgetMs: 300 });
    expectValid(p, inWorker);
    expect({ ...inWorker, elapsedMs: 0 }).toEqual({ ...inProcess, elapsedMs: 0 });
    expect(progress[0].phase).toBe('construct');
    expect(progress[progress.length - 1]).toEqual({ phase: 'done', fraction: 1, breaks: inProcess.breaks });
  });

  it('solves the real tic-12 event (42 participants, 125 meetings) without a break', async () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'tic-12.original.dzn'), 'utf8');
    const value = (name: string) => text.match(new RegExp(`${name}\\s*=\\s*([^;]*);`))![1];
    const nums = (s: string) => (s.match(/\d+/g) ?? []).map(Number);
    const requested = nums(value('requested'));
    const meetings = Array.from({ length: requested.length / 3 }, (_, i) => meet(requested[3 * i] - 1, requested[3 * i + 1] - 1));
    const forbidden = [...value('forbidden').matchAll(/\{([^}]*)\}/g)].map((m) => nums(m[1]).filter((s) => s > 0));
    const p = problem({ participants: Number(value('nBusiness')), slots: Number(value('nTotalSlots')), tables: Number(value('nTables')), meetings, forbidden });
    const started = Date.now();
    const r = await run(p, 5000);
    expect(r.unscheduled).toEqual([]);
    expect(r.breaks).toBe(0);
    expect(r.optimal).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
