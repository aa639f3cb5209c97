// The board follower's decisions, apart from the socket and the cache: what a join's replay,
// the events held back during a join, and a pushed event do to the board held. Pure, so the
// ordering, gap and replay rules can be tested on their own; the follower applies the outcome.
import { orderBoardEvents } from '@duijie/shared';
import type { BoardEvent, BoardJoinResult, BoardTotalsUpdate } from '@duijie/shared';
import { applyLiveEvents, withLiveTotals } from './live-board';
import type { LiveBoard } from './live-board';

export type BoardReplay = Extract<BoardJoinResult, { mode: 'replay' }>;

/**
 * A join's replay applied onto the board held. Complete when it ends where the server says it
 * does (then with its totals); otherwise the board as far as it went, and a snapshot is needed.
 */
export function applyReplay(held: LiveBoard, result: BoardReplay, now: number): { board: LiveBoard; complete: boolean } {
  const replayed = orderBoardEvents(held.seq, result.events);
  const board = applyLiveEvents(held, replayed.apply, now);
  if (replayed.gap || board.seq !== result.seq) return { board, complete: false };
  return { board: withLiveTotals(board, result.seq, result.totals), complete: true };
}

/**
 * Events and totals that arrived while a join was in flight, applied after its answer. On a gap
 * the events not yet applied are kept for after the next join, which fills the gap.
 */
export function applyHeldBack(
  board: LiveBoard,
  buffered: BoardEvent[],
  pendingTotals: BoardTotalsUpdate | null,
  now: number,
): { board: LiveBoard; gap: boolean; keep: BoardEvent[] } {
  const ordered = orderBoardEvents(board.seq, buffered);
  let next = applyLiveEvents(board, ordered.apply, now);
  if (pendingTotals) next = withLiveTotals(next, pendingTotals.seq, pendingTotals.totals);
  const appliedSeq = next.seq;
  return { board: next, gap: ordered.gap, keep: ordered.gap ? buffered.filter((event) => event.seq > appliedSeq) : [] };
}

/**
 * A pushed event applied if it is the next one; the same board if it is a duplicate. A gap means
 * something was missed: the follower joins again and keeps this event for after the answer.
 */
export function applyPushed(board: LiveBoard, event: BoardEvent, now: number): { board: LiveBoard; gap: boolean } {
  const ordered = orderBoardEvents(board.seq, [event]);
  return { board: applyLiveEvents(board, ordered.apply, now), gap: ordered.gap };
}

/** Of the totals waiting for a join's answer and newly pushed ones, the newer (the later on a tie). */
export function newerTotals(pending: BoardTotalsUpdate | null, update: BoardTotalsUpdate): BoardTotalsUpdate {
  return !pending || update.seq >= pending.seq ? update : pending;
}
