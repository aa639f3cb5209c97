import type { ScreenLink, ScreenLinkCreated, ScreenLinkInput } from '../api';
import { route } from './route';

export const screenLinks = {
  create: route<{ body: ScreenLinkInput; output: ScreenLinkCreated }>()('POST', '/events/:id/screen-links', {
    summary: 'A big-screen link for an event (its token is answered once)',
  }),
  list: route<{ output: ScreenLink[] }>()('GET', '/events/:id/screen-links', { summary: "An event's big-screen links" }),
  revoke: route<{ output: ScreenLink }>()('POST', '/screen-links/:id/revoke', {
    summary: 'Revokes a big-screen link: screens using it disconnect',
    status: 200,
  }),
};
