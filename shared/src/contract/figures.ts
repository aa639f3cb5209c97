import type { EventFigures, FiguresQuery, InstitutionRow } from '../figures';
import { route, type FileAnswer } from './route';

export const figures = {
  event: route<{ query: FiguresQuery; output: EventFigures }>()('GET', '/events/:id/figures', {
    summary:
      "An event's results (对接成效): the funnel, deals signed, intended and under negotiation by session, chain, region, day, size and institution, goods, the chain flow, and a comparison with an earlier event (organisers)",
  }),
  export: route<{ query: FiguresQuery; output: FileAnswer }>()('GET', '/events/:id/figures/export.xlsx', {
    summary: "Organisers: every breakdown of the event's results under the same filters, a sheet each, as an .xlsx workbook (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  mine: route<{ output: InstitutionRow }>()('GET', '/events/:id/figures/institution', {
    summary:
      "The caller's own institution row of an event's results: products posted, applications answered and how fast, deals, approved, disbursed, overdue reports",
  }),
};
