import { Navigate, Outlet, useLocation } from 'react-router';
import type { Me } from '@duijie/shared';
import { PageState } from '../ui/page-state';
import { useAuth } from './auth';

/** Sends signed-out visitors to /login, remembering where they were going. */
export function RequireAuth() {
  const { status, signedOut, error, retry } = useAuth();
  const location = useLocation();
  if (status === 'anonymous') {
    const from = signedOut ? undefined : { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={from} />;
  }
  if (status === 'loading' || status === 'error') {
    return <PageState loading={status === 'loading'} error={error} onRetry={retry} />;
  }
  return <Outlet />;
}

/** Whether the user's organisation may use the platform (any status but approved may not). */
export function isApproved(me: Me): boolean {
  return me.role === 'organiser' || me.organisation.status === 'approved';
}

/** Until its organisation is approved a user sees only its own registration. */
export function RequireApproved() {
  const { me } = useAuth();
  if (me && !isApproved(me)) return <Navigate to="/my/organisation" replace />;
  return <Outlet />;
}

/** Only organisers see the console. */
export function RequireOrganiser() {
  const { me } = useAuth();
  if (me?.role !== 'organiser') return <Navigate to="/events" replace />;
  return <Outlet />;
}

/** Login and registration are for signed-out visitors. */
export function PublicOnly() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'authenticated') return <Navigate to={redirectTarget(location.state)} replace />;
  return <Outlet />;
}

/** Where to go after signing in: the page that sent the visitor to /login, or the events. */
export function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login')) return from;
  }
  return '/events';
}
