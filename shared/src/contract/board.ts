import type { BoardTotals } from '../api';
import { route } from './route';

export const board = {
  totals: route<{ output: BoardTotals }>()('GET', '/sessions/:id/board', { summary: "A session board's totals (the same figures the socket pushes)" }),
};
