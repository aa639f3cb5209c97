import type { Participation, ParticipationInput, ParticipationQuery, RejectInput, SessionInvitationInput } from '../api';
import { route, type FileAnswer } from './route';

export const participation = {
  list: route<{ query: ParticipationQuery; output: Participation[] }>()('GET', '/sessions/:id/participants', {
    summary: "A session's participants (organisers see every registration, others approved ones and their own)",
  }),
  export: route<{ query: ParticipationQuery; output: FileAnswer }>()('GET', '/sessions/:id/participants/export.xlsx', {
    summary: "Organisers: the session's participants as an .xlsx workbook, filtered like the list (X-Export-Rows: the row count)",
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  register: route<{ body: ParticipationInput; output: Participation }>()('POST', '/sessions/:id/participants', {
    summary: "Registers the caller's organisation in a session in a role",
    errors: ['registration_closed', 'registration_rejected'],
  }),
  invite: route<{ body: SessionInvitationInput; output: Participation }>()('POST', '/sessions/:id/invitations', {
    summary: 'Invites an organisation to a session in a role',
    errors: ['registration_closed'],
  }),
  approve: route<{ output: Participation }>()('POST', '/participants/:id/approve', {
    summary: 'Approves a registration',
    status: 200,
    errors: ['invalid_state'],
  }),
  reject: route<{ body: RejectInput; output: Participation }>()('POST', '/participants/:id/reject', {
    summary: 'Rejects a registration, with a reason',
    status: 200,
    errors: ['invalid_state'],
  }),
  mine: route<{ output: Participation[] }>()('GET', '/me/participations', { summary: "The caller's organisation's participations" }),
};
