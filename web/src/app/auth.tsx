/**
 * Logging in with OpenID Connect (authorization code + PKCE) through oidc-client-ts: locally against
 * the stack's provider under /idp (ACM's login screens), in AWS against Cognito's hosted login. Tokens
 * stay in this tab's sessionStorage (gone when the tab closes); nothing is kept in localStorage.
 */
import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { AppConfig } from './config.ts';
import { forgetOrganisation } from './storage.ts';

export interface AuthState {
  status: 'loading' | 'anonymous' | 'authenticated';
  user: User | null;
  /** Display name from the ID token. */
  name: string | null;
  accessToken: string | null;
  /** Set when the API refused the token (expired): the UI asks to log in again. */
  expired: boolean;
  login(returnTo?: string): Promise<void>;
  logout(): Promise<void>;
  /** Finishes the redirect at /auth/callback; returns where to go next. */
  completeLogin(): Promise<string>;
  markExpired(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function createUserManager(config: AppConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: config.scope,
    ...(config.extraQueryParams ? { extraQueryParams: config.extraQueryParams } : {}),
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
}

function nameOf(user: User | null): string | null {
  if (!user) return null;
  const p = user.profile;
  const name = p.name ?? [p.given_name, p.family_name].filter(Boolean).join(' ');
  return name || null;
}

/** Only paths inside this UI are accepted as a place to return to. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')
    ? value
    : '/organisaties';
}

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<AuthState['status']>('loading');
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let live = true;
    manager
      .getUser()
      .then((u) => {
        if (!live) return;
        const valid = u && !u.expired ? u : null;
        setUser(valid);
        setStatus(valid ? 'authenticated' : 'anonymous');
      })
      .catch(() => live && setStatus('anonymous'));
    return () => {
      live = false;
    };
  }, [manager]);

  const login = useCallback(
    async (returnTo?: string) => {
      await manager.signinRedirect({ state: { returnTo: safeReturnTo(returnTo) } });
    },
    [manager],
  );

  const logout = useCallback(async () => {
    const current = await manager.getUser();
    await manager.removeUser();
    forgetOrganisation();
    setUser(null);
    setStatus('anonymous');
    try {
      const endSession = await manager.metadataService.getEndSessionEndpoint();
      if (endSession && current?.id_token) {
        await manager.signoutRedirect({ id_token_hint: current.id_token });
        return;
      }
    } catch {
      // No logout endpoint (Cognito announces none): the local session is gone, that is enough here.
    }
    window.location.assign('/');
  }, [manager]);

  const completeLogin = useCallback(async () => {
    const u = await manager.signinRedirectCallback();
    setUser(u);
    setExpired(false);
    setStatus('authenticated');
    return safeReturnTo((u.state as { returnTo?: unknown } | undefined)?.returnTo);
  }, [manager]);

  const markExpired = useCallback(() => setExpired(true), []);

  const value = useMemo<AuthState>(
    () => ({
      status,
      user,
      name: nameOf(user),
      accessToken: user?.access_token ?? null,
      expired,
      login,
      logout,
      completeLogin,
      markExpired,
    }),
    [status, user, expired, login, logout, completeLogin, markExpired],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
