import type { CeremonyBatchInput, CeremonyBatchUpdate, RunningOrder, RunningOrderGenerateInput, RunningOrderSequenceInput, StageInput } from '../api';
import { route, type FileAnswer } from './route';

// Organisers build the signing ceremony's running order; every answer is the whole order.
export const ceremony = {
  get: route<{ output: RunningOrder }>()('GET', '/events/:id/running-order', { summary: "An event's running order of the signing ceremony" }),
  export: route<{ output: FileAnswer }>()('GET', '/events/:id/running-order/export.xlsx', {
    summary: "Organisers: the ceremony's running order as an .xlsx workbook, its batches in order with their agreements (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  create: route<{ body: CeremonyBatchInput; output: RunningOrder }>()('POST', '/events/:id/running-order/batches', {
    summary: 'Adds a batch of agreements signed together on stage',
    errors: ['already_in_batch'],
  }),
  generate: route<{ body: RunningOrderGenerateInput; output: RunningOrder }>()('POST', '/events/:id/running-order/generate', {
    summary: 'Builds one batch per session or per industry chain from the agreements in no batch yet',
    errors: ['nothing_to_batch'],
  }),
  sequence: route<{ body: RunningOrderSequenceInput; output: RunningOrder }>()('PUT', '/events/:id/running-order/sequence', {
    summary: 'Reorders the batches: every batch id of the event once',
  }),
  stage: route<{ body: StageInput; output: RunningOrder }>()('PUT', '/events/:id/running-order/stage', {
    summary: 'Marks which batch is on stage (null: none)',
  }),
  update: route<{ body: CeremonyBatchUpdate; output: RunningOrder }>()('PATCH', '/ceremony-batches/:id', {
    summary: "Edits a batch's title or agreements (optimistic: the version read)",
    errors: ['stale_version', 'already_in_batch'],
  }),
  remove: route<{ output: RunningOrder }>()('DELETE', '/ceremony-batches/:id', { summary: 'Removes a batch; its agreements are in no batch again' }),
};
