import type { Health } from '../api';
import { route } from './route';

export const health = {
  health: route<{ output: Health }>()('GET', '/health', {
    summary: 'For load balancers: 200 while the database answers, 503 while it does not',
    public: true,
    errors: ['database_unavailable'],
  }),
};
