import type {
  InvitationAcceptInput,
  InvitationInfo,
  LoginInput,
  LoginResult,
  LoginUnlockResult,
  Me,
  SelfRegistrationInput,
  SelfRegistrationResult,
  SigningGrant,
  StepUpInput,
} from '../api';
import { route } from './route';

export const auth = {
  login: route<{ body: LoginInput; output: LoginResult }>()('POST', '/auth/login', {
    summary: 'Signs in: sets the session cookies and answers the token and the user',
    status: 200,
    public: true,
    errors: ['login_protected'],
  }),
  logout: route<{ output: void }>()('POST', '/auth/logout', {
    summary: 'Revokes this login (token and sockets) and clears the browser’s cookies',
    status: 204,
  }),
  register: route<{ body: SelfRegistrationInput; output: SelfRegistrationResult }>()('POST', '/auth/register', {
    summary: 'Self-registration: a pending organisation and its admin account',
    public: true,
    errors: ['email_taken', 'credit_code_taken'],
  }),
  unlockLogin: route<{ output: LoginUnlockResult }>()('POST', '/users/:id/login-unlock', {
    summary: 'Lets logins to an account protected after many failed logins through from any browser again',
    status: 200,
  }),
  stepUp: route<{ body: StepUpInput; output: SigningGrant }>()('POST', '/auth/step-up', {
    summary: 'Confirms the password again before signing; grants a short signing window',
    status: 200,
    errors: ['wrong_password'],
  }),
  me: route<{ output: Me }>()('GET', '/auth/me', { summary: 'The signed-in user and their organisation' }),
  invitation: route<{ output: InvitationInfo }>()('GET', '/invitations/:token', {
    summary: 'What an invitation link invites to',
    public: true,
    errors: ['invitation_used', 'invitation_expired'],
  }),
  acceptInvitation: route<{ body: InvitationAcceptInput; output: LoginResult }>()('POST', '/invitations/:token/accept', {
    summary: 'Accepts an invitation: creates the account and signs it in',
    status: 200,
    public: true,
    errors: ['invitation_used', 'invitation_expired', 'email_taken'],
  }),
};
