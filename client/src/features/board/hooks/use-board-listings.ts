import { useMemo } from 'react';
import type { ListingQuery } from '@duijie/shared';
import { useMatchCounts } from '../../matching/hooks/use-matches';
import { filterListings } from '../live-board';
import type { LiveBoard } from '../live-board';
import { useSessionListings } from './use-board';
import type { BoardView } from './use-board-params';
import { useDebounced } from './use-debounced';
import { useFlashing } from './use-flashing';

/** How long a new or changed row stays highlighted (the fade in board.css lasts as long). */
const FLASH_MS = 2500;
/** A busy board changes many times a second; match counts are asked for once it settles. */
const COUNTS_DEBOUNCE_MS = 1500;
const NO_CHANGES: Record<string, number> = {};

/**
 * The listings the board page shows: a page of the live board's open listings (with their
 * highlights and match counts), or a fetched page of withdrawn ones.
 */
export function useBoardListings(sessionId: string, board: LiveBoard | undefined, view: BoardView) {
  const { activeType, category, filters, page, pageSize } = view;

  // The board holds open listings only; withdrawn ones are fetched page by page as before.
  const withdrawnView = filters.status === 'withdrawn';
  const query: ListingQuery = { type: activeType, category, q: filters.q, status: 'withdrawn', page, pageSize };
  const withdrawn = useSessionListings(withdrawnView && activeType ? sessionId : '', query);

  const matching = useMemo(
    () => (board && activeType ? filterListings(board.listings.values(), { type: activeType, category, q: filters.q }) : []),
    [board, activeType, category, filters.q],
  );
  const livePage = Math.min(page, Math.max(1, Math.ceil(matching.length / pageSize)));
  const pageItems = matching.slice((livePage - 1) * pageSize, livePage * pageSize);
  const flashing = useFlashing(board?.changedAt ?? NO_CHANGES, FLASH_MS);

  // Match counts of the rows on screen: asked for once the board is there, then again when it
  // has settled after a change (a busy board changes many times a second).
  const settledIds = useDebounced(pageItems.map((l) => l.id).join(','), 300, (ids) => ids === '');
  const countIds = useMemo(() => (settledIds === '' ? [] : settledIds.split(',')), [settledIds]);
  const settledSeq = useDebounced<number | null>(board?.seq ?? null, COUNTS_DEBOUNCE_MS, (seq) => seq === null);
  const counts = useMatchCounts(sessionId, countIds, settledSeq ?? 0, !withdrawnView && settledSeq !== null);

  return { withdrawnView, withdrawn, matching, livePage, pageItems, flashing, counts };
}

export type BoardListings = ReturnType<typeof useBoardListings>;
