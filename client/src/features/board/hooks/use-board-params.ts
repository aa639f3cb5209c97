import { useSearchParams } from 'react-router';
import type { ListingType } from '@duijie/shared';
import { DEFAULT_PAGE_SIZE, readBoardParams, withParams } from '../board-params';
import type { BoardParams } from '../board-params';

export type BoardView = BoardParams & {
  /** Goods tabs (supply, demand) filter by category too. */
  isGoods: boolean;
  /** The category filter, on goods tabs only. */
  category: string | undefined;
  /** Changes URL parameters in place (no new history entry). */
  update: (changes: Record<string, string | undefined>) => void;
  onPageChange: (page: number, pageSize: number) => void;
};

/** The board page's tab, filters and paging, kept in the URL. */
export function useBoardParams(types: ListingType[]): BoardView {
  const [params, setParams] = useSearchParams();
  const read = readBoardParams(params, types);
  const isGoods = read.activeType === 'supply' || read.activeType === 'demand';
  const update = (changes: Record<string, string | undefined>) => setParams(withParams(params, changes), { replace: true });
  const onPageChange = (nextPage: number, nextSize: number) =>
    update({ page: String(nextPage), pageSize: nextSize === DEFAULT_PAGE_SIZE ? undefined : String(nextSize) });
  return { ...read, isGoods, category: isGoods ? read.filters.category : undefined, update, onPageChange };
}
