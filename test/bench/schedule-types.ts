// The scheduler's contract (server/src/meetings/scheduler/schedule-problem.ts) as the bench uses
// it: the bench is compiled on its own (rootDir test/) and loads the built server at run time, so
// it restates the shapes it needs instead of importing the server's sources.
export type ScheduleProblem = {
  participants: number;
  slots: number;
  morningSlots: number;
  tables: number;
  meetings: { a: number; b: number; half: 'morning' | 'afternoon' | 'any'; fixedSlot?: number; fixedTable?: number }[];
  forbidden: number[][];
  maxBreakSpread?: number;
};
export type ScheduleResult = {
  slot: number[];
  table: number[];
  unscheduled: { meeting: number; reason: string }[];
  breaks: number;
  breaksByParticipant: number[];
  lowerBound: number;
  optimal: boolean;
  elapsedMs: number;
};
export type ScheduleOptions = { budgetMs?: number; seed?: number; threads?: number };
