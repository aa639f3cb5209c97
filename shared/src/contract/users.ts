import type { InvitationCreated, InvitationInput, OrganiserDepartmentCreated, OrganiserDepartmentInput, User, UserUpdateInput } from '../api';
import { route } from './route';

export const users = {
  list: route<{ output: User[] }>()('GET', '/organisations/:id/users', { summary: "An organisation's users" }),
  createOrganiserDepartment: route<{ body: OrganiserDepartmentInput; output: OrganiserDepartmentCreated }>()('POST', '/organiser-departments', {
    summary: 'Another organiser department and an invitation for its first organiser user',
    errors: ['credit_code_taken', 'email_taken'],
  }),
  invite: route<{ body: InvitationInput; output: InvitationCreated }>()('POST', '/organisations/:id/invitations', {
    summary: 'Invites a user to an organisation (the link is answered once)',
    errors: ['email_taken'],
  }),
  update: route<{ body: UserUpdateInput; output: User }>()('PATCH', '/users/:id', {
    summary: "Changes a user's role, name or whether they are active",
    errors: ['last_admin'],
  }),
};
