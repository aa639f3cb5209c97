import type { EventDetail, EventInput, EventUpdateInput, MatchEvent, MatchSession, SessionInput, SessionTransitionInput, SessionUpdateInput } from '../api';
import { route, type FileAnswer } from './route';

export const events = {
  list: route<{ output: MatchEvent[] }>()('GET', '/events', { summary: 'Every event, latest first' }),
  export: route<{ output: FileAnswer }>()('GET', '/events/export.xlsx', {
    summary: 'Organisers: every event (latest first) and its sessions as an .xlsx workbook, one sheet each (X-Export-Rows: the row count)',
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  create: route<{ body: EventInput; output: MatchEvent }>()('POST', '/events', { summary: 'Creates an event' }),
  get: route<{ output: EventDetail }>()('GET', '/events/:id', { summary: 'One event and its sessions (drafts only for organisers)' }),
  update: route<{ body: EventUpdateInput; output: MatchEvent }>()('PATCH', '/events/:id', { summary: 'Edits an event' }),
  createSession: route<{ body: SessionInput; output: MatchSession }>()('POST', '/events/:id/sessions', {
    summary: 'Adds a session (a draft) to an event',
  }),
  getSession: route<{ output: MatchSession }>()('GET', '/sessions/:id', { summary: 'One session' }),
  updateSession: route<{ body: SessionUpdateInput; output: MatchSession }>()('PATCH', '/sessions/:id', {
    summary: 'Edits a session (optimistic: the version read)',
    errors: ['stale_version', 'kind_locked', 'meetings_placed'],
  }),
  transition: route<{ body: SessionTransitionInput; output: MatchSession }>()('POST', '/sessions/:id/transition', {
    summary: "Moves a session's lifecycle one step forward",
    status: 200,
    errors: ['stale_version', 'invalid_transition'],
  }),
};
