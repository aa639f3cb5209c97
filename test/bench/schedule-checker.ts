// An independent check of a B2B meeting schedule against the raw instance (as parsed from the
// .dzn file, 1-based participants and sessions), written from the benchmark's README without the
// scheduler's code: it recounts every constraint, the breaks and the fairness spread.
import type { DznInstance } from './dzn';

export type CheckReport = {
  valid: boolean;
  /** Each violated constraint, in words (empty when valid). */
  errors: string[];
  scheduled: number;
  allScheduled: boolean;
  breaks: number;
  /** Largest minus smallest number of breaks over all participants. */
  spread: number;
};

/**
 * @param slots per requested meeting, the 1-based slot or 0 when it is not scheduled
 * @param tables per requested meeting, the 1-based table or 0 (optional: the files have no table numbers)
 */
export function checkSchedule(instance: DznInstance, slots: number[], tables?: number[], maxSpread = 2): CheckReport {
  const errors: string[] = [];
  const { nBusiness, nTables, nTotalSlots, nMorningSlots, requested, forbidden, fixed } = instance;
  if (slots.length !== requested.length) errors.push(`${slots.length} slots given for ${requested.length} meetings`);
  const busy = new Map<string, number>();
  const perSlot = new Array<number>(nTotalSlots + 1).fill(0);
  const tableUsed = new Set<string>();
  const meetingsOf: number[][] = Array.from({ length: nBusiness + 1 }, () => []);
  let scheduled = 0;
  requested.forEach(([p1, p2, session], m) => {
    const s = slots[m] ?? 0;
    if (s === 0) {
      if (fixed[m] > 0) errors.push(`meeting ${m + 1} is fixed to slot ${fixed[m]} but not scheduled`);
      return;
    }
    scheduled++;
    if (!Number.isInteger(s) || s < 1 || s > nTotalSlots) {
      errors.push(`meeting ${m + 1} in slot ${s}, outside 1..${nTotalSlots}`);
      return;
    }
    if (session === 1 && s > nMorningSlots) errors.push(`meeting ${m + 1} is a morning meeting in slot ${s}`);
    if (session === 2 && s <= nMorningSlots) errors.push(`meeting ${m + 1} is an afternoon meeting in slot ${s}`);
    if (fixed[m] > 0 && s !== fixed[m]) errors.push(`meeting ${m + 1} is fixed to slot ${fixed[m]} but in slot ${s}`);
    for (const p of [p1, p2]) {
      if (forbidden[p - 1]?.includes(s)) errors.push(`meeting ${m + 1} in slot ${s}, forbidden for participant ${p}`);
      const key = `${p}:${s}`;
      if (busy.has(key)) errors.push(`participant ${p} has meetings ${busy.get(key)! + 1} and ${m + 1} in slot ${s}`);
      busy.set(key, m);
      meetingsOf[p].push(s);
    }
    perSlot[s]++;
    if (tables) {
      const t = tables[m];
      if (!Number.isInteger(t) || t < 1 || t > nTables) errors.push(`meeting ${m + 1} at table ${t}, outside 1..${nTables}`);
      else if (tableUsed.has(`${s}:${t}`)) errors.push(`two meetings at table ${t} in slot ${s}`);
      tableUsed.add(`${s}:${t}`);
    }
  });
  perSlot.forEach((n, s) => {
    if (n > nTables) errors.push(`${n} meetings in slot ${s}, only ${nTables} tables`);
  });
  // A break: two consecutive meetings of a participant whose slots are not adjacent.
  const perParticipant: number[] = [];
  for (let p = 1; p <= nBusiness; p++) {
    const own = [...meetingsOf[p]].sort((x, y) => x - y);
    let gaps = 0;
    for (let k = 1; k < own.length; k++) if (own[k] - own[k - 1] > 1) gaps++;
    perParticipant.push(gaps);
  }
  const breaks = perParticipant.reduce((x, y) => x + y, 0);
  const spread = perParticipant.length > 0 ? Math.max(...perParticipant) - Math.min(...perParticipant) : 0;
  if (spread > maxSpread) errors.push(`breaks of two participants differ by ${spread} (more than ${maxSpread})`);
  return { valid: errors.length === 0, errors, scheduled, allScheduled: scheduled === requested.length, breaks, spread };
}
