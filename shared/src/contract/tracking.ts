import type { TrackingExportFilter, TrackingPage, TrackingQuery } from '../tracking';
import { route, type FileAnswer } from './route';

export const tracking = {
  agreements: route<{ query: TrackingQuery; output: TrackingPage }>()('GET', '/events/:id/tracking', {
    summary: "An event's signed agreements with their ledger stage, next report due and follow-up state, soonest due first, with totals per state (organisers)",
  }),
  export: route<{ query: TrackingExportFilter; output: FileAnswer }>()('GET', '/events/:id/tracking/export.xlsx', {
    summary: "Organisers: the event's signed agreements as in the tracking view, filtered the same way, as an .xlsx workbook (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
};
