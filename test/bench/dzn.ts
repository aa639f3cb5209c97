// Reads the MiniZinc data files of the B2B meeting-scheduling benchmark (shared/bench/b2b) into
// the raw instance and into the scheduler's ScheduleProblem (participants and slots 0-/1-based as
// the scheduler expects).
import { readFileSync } from 'node:fs';
import type { ScheduleProblem } from './schedule-types';

/** The instance as the file states it (participants 1-based, session 1 = morning, 2 = afternoon, 3 = either). */
export type DznInstance = {
  nBusiness: number;
  nTables: number;
  nTotalSlots: number;
  nMorningSlots: number;
  requested: [number, number, number][];
  /** Per participant, the forbidden slots (filler 0 removed). */
  forbidden: number[][];
  /** Per meeting, 0 or the slot it is fixed to. */
  fixed: number[];
};

/** `name = value;` statements, comments removed. */
function statements(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const clean = text.replace(/%[^\n]*/g, '');
  for (const part of clean.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

const ints = (s: string) => (s.match(/-?\d+/g) ?? []).map(Number);

export function parseDzn(text: string): DznInstance {
  const st = statements(text);
  const scalar = (name: string) => {
    const v = st.get(name);
    if (v == null || !/^\d+$/.test(v)) throw new Error(`${name} is missing or not a number`);
    return Number(v);
  };
  const nBusiness = scalar('nBusiness');
  const nMeetings = scalar('nMeetings');
  const flat = ints(st.get('requested') ?? '');
  if (flat.length !== nMeetings * 3) throw new Error(`requested has ${flat.length / 3} rows, nMeetings is ${nMeetings}`);
  const requested = Array.from({ length: nMeetings }, (_, i) => [flat[3 * i], flat[3 * i + 1], flat[3 * i + 2]] as [number, number, number]);
  const sets = [...(st.get('forbidden') ?? '').matchAll(/\{([^}]*)\}/g)].map((m) => ints(m[1]).filter((s) => s !== 0));
  const forbidden = Array.from({ length: nBusiness }, (_, p) => sets[p] ?? []);
  const fixedRaw = st.has('fixed') ? ints(st.get('fixed')!) : [];
  const fixed = Array.from({ length: nMeetings }, (_, i) => fixedRaw[i] ?? 0);
  return { nBusiness, nTables: scalar('nTables'), nTotalSlots: scalar('nTotalSlots'), nMorningSlots: scalar('nMorningSlots'), requested, forbidden, fixed };
}

export function readDzn(path: string): DznInstance {
  return parseDzn(readFileSync(path, 'utf8'));
}

/** The instance as the scheduler's problem; meetings keep the file's order. */
export function toProblem(instance: DznInstance): ScheduleProblem {
  return {
    participants: instance.nBusiness,
    slots: instance.nTotalSlots,
    // The files without a split have nMorningSlots = nTotalSlots: everything is morning.
    morningSlots: instance.nMorningSlots,
    tables: instance.nTables,
    meetings: instance.requested.map(([p1, p2, session], i) => ({
      a: p1 - 1,
      b: p2 - 1,
      half: session === 1 ? 'morning' : session === 2 ? 'afternoon' : 'any',
      ...(instance.fixed[i] > 0 ? { fixedSlot: instance.fixed[i] } : {}),
    })),
    forbidden: instance.forbidden,
    maxBreakSpread: 2,
  };
}
