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

/**
 * Cognito's logout (no end_session_endpoint in its discovery document): `<logoutUrl>?client_id=…&
 * logout_uri=<origin>/`, where `logout_uri` must be one of the client's sign-out URLs.
 */
export function cognitoLogoutUrl(logoutUrl: string, clientId: string, origin: string): string {
  const url = new URL(logoutUrl);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('logout_uri', `${origin}/`);
  return url.href;
}

export function AuthProvider({
  manager,
  logoutUrl,
  children,
}: {
  manager: UserManager;
  /** `AppConfig.logoutUrl`: the provider's logout endpoint when discovery names none (Cognito). */
  logoutUrl?: string | undefined;
  children: ReactNode;
}) {
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
    if (logoutUrl) {
      // Ends the hosted login's session as well; without it Cognito would sign the next login in silently.
      window.location.assign(cognitoLogoutUrl(logoutUrl, manager.settings.client_id, window.location.origin));
      return;
    }
    try {
      const endSession = await manager.metadataService.getEndSessionEndpoint();
      if (endSession && current?.id_token) {
        await manager.signoutRedirect({ id_token_hint: current.id_token });
        return;
      }
    } catch {
      // No logout endpoint announced or configured: the session in this tab is gone, that is enough here.
    }
    window.location.assign('/');
  }, [manager, logoutUrl]);

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
