import type { Page } from '../api';
import type { Briefing, BriefingListQuery } from '../briefing';
import { route, type FileAnswer } from './route';

export const briefings = {
  list: route<{ query: BriefingListQuery; output: Page<Briefing> }>()('GET', '/events/:id/briefings', {
    summary: "The event's briefings (简报) for the coordination group, newest first (organisers)",
  }),
  create: route<{ output: Briefing }>()('POST', '/events/:id/briefings', {
    summary: 'Makes a briefing now, covering the days since the one before (organisers; a retry with the same Idempotency-Key answers the same briefing)',
    idempotent: true,
  }),
  pdf: route<{ output: FileAnswer }>()('GET', '/briefings/:id/pdf', {
    summary: "A briefing's A4 PDF, as it was made (organisers)",
    file: 'application/pdf',
  }),
  send: route<{ output: Briefing }>()('POST', '/briefings/:id/send', {
    summary: "Sends a briefing to the event's coordination group: its organisers and the users of its member departments are notified (organisers)",
    status: 200,
    idempotent: true,
  }),
};
