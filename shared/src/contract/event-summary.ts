import type { EventSummaryDownloadQuery, EventSummaryPublication, EventSummaryPublishInput, EventSummaryStatus } from '../event-summary';
import { route, type FileAnswer } from './route';

export const eventSummary = {
  status: route<{ output: EventSummaryStatus }>()('GET', '/events/:id/summary', {
    summary: "The supply and demand summary table's publications and size (organisers; the event's approved participants see what was published)",
  }),
  publish: route<{ body: EventSummaryPublishInput; output: EventSummaryPublication }>()('POST', '/events/:id/summary/publish', {
    summary: "Publishes the next version of the summary table to the event's approved participants and notifies them (organisers)",
    idempotent: true,
    errors: ['event_not_ended'],
  }),
  xlsx: route<{ query: EventSummaryDownloadQuery; output: FileAnswer }>()('GET', '/events/:id/summary.xlsx', {
    summary:
      'The summary table as an .xlsx workbook: listings with what came of them, and the agreements signed (organisers any time; participants once published)',
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  pdf: route<{ query: EventSummaryDownloadQuery; output: FileAnswer }>()('GET', '/events/:id/summary.pdf', {
    summary: 'The summary table as an A4 landscape PDF in Chinese (organisers any time; participants once published)',
    file: 'application/pdf',
  }),
};
