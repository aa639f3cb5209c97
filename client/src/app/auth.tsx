import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { routes, type LoginResult, type Me } from '@duijie/shared';
import { call, forgetSession, getSessionToken, setUnauthorizedHandler } from '../api/client';
import { keys } from '../api/keys';
import { closeSocketIfAny } from '../api/socket-closer';

export type AuthValue = {
  /** The signed-in user, or null when signed out or still loading. */
  me: Me | null;
  status: 'loading' | 'authenticated' | 'anonymous' | 'error';
  /** True after an explicit logout: the next login starts afresh instead of returning to the last page. */
  signedOut: boolean;
  error: unknown;
  retry: () => void;
  signIn: (result: LoginResult) => void;
  signOut: () => void;
};

const AuthContext = createContext<AuthValue | null>(null);

type Props = { children: ReactNode };

export function AuthProvider({ children }: Props) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [token, setTokenState] = useState<string | null>(getSessionToken);
  const [signedOut, setSignedOut] = useState(false);

  const meQuery = useQuery({
    queryKey: keys.me,
    queryFn: ({ signal }) => call(routes.auth.me, {}, { signal }),
    enabled: token !== null,
    staleTime: 60_000,
    refetchOnWindowFocus: true,
    // A pending organisation learns of its approval without logging in again.
    refetchInterval: (query) => (query.state.data?.organisation.status === 'pending' ? 30_000 : false),
  });

  // The socket's rooms are decided at its handshake: reconnect once the organisation's status changes.
  const organisationStatus = meQuery.data?.organisation.status;
  const seenStatus = useRef(organisationStatus);
  useEffect(() => {
    if (seenStatus.current !== undefined && organisationStatus !== undefined && seenStatus.current !== organisationStatus) closeSocketIfAny();
    seenStatus.current = organisationStatus;
  }, [organisationStatus]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      closeSocketIfAny();
      setTokenState(null);
      queryClient.clear();
      void navigate('/login', { replace: true });
    });
  }, [navigate, queryClient]);

  const signIn = useCallback(
    (result: LoginResult) => {
      // The server set the session cookies; the body's accessToken is for API clients, not kept here.
      // The live connection belongs to whoever was signed in before.
      closeSocketIfAny();
      queryClient.clear();
      queryClient.setQueryData(keys.me, result.user);
      setTokenState(getSessionToken() ?? 'session');
      setSignedOut(false);
    },
    [queryClient],
  );

  const signOut = useCallback(() => {
    // Revokes the session on the server (its token and sockets), which also clears the cookies.
    void call(routes.auth.logout, {})
      .catch(() => undefined)
      .finally(forgetSession);
    closeSocketIfAny();
    setSignedOut(true);
    setTokenState(null);
    queryClient.clear();
    void navigate('/login', { replace: true });
  }, [navigate, queryClient]);

  const { refetch } = meQuery;
  const retry = useCallback(() => {
    void refetch();
  }, [refetch]);

  const value = useMemo<AuthValue>(() => {
    let status: AuthValue['status'];
    if (token === null) status = 'anonymous';
    else if (meQuery.data) status = 'authenticated';
    else if (meQuery.isError) status = 'error';
    else status = 'loading';
    return {
      me: token === null ? null : (meQuery.data ?? null),
      status,
      signedOut,
      error: meQuery.error,
      retry,
      signIn,
      signOut,
    };
  }, [token, signedOut, meQuery.data, meQuery.isError, meQuery.error, retry, signIn, signOut]);

  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** The signed-in user; only for screens behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe used outside an authenticated route');
  return me;
}
