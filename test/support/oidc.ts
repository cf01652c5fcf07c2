/** A minimal OpenID Connect client for tests: PKCE, the authorization URL and the code exchange. */
import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';

export const WEB_CLIENT = 'gebruikersbeheer-web';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizationRequest {
  url: string;
  redirectUri: string;
  state: string;
  pkce: Pkce;
}

/** The authorization request of the web client (code flow, PKCE S256, resource = the API). */
export function authorizationRequest(
  stackUrl: string,
  extra: Record<string, string> = {},
): AuthorizationRequest {
  const redirectUri = `${stackUrl}/auth/callback`;
  const state = randomBytes(12).toString('base64url');
  const codes = pkce();
  const params = new URLSearchParams({
    client_id: WEB_CLIENT,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid profile',
    code_challenge: codes.challenge,
    code_challenge_method: 'S256',
    resource: `${stackUrl}/api`,
    state,
    ...extra,
  });
  return { url: `${stackUrl}/idp/auth?${params}`, redirectUri, state, pkce: codes };
}

export interface TokenResponse {
  access_token: string;
  id_token?: string;
  token_type: string;
  expires_in: number;
  scope?: string;
}

/** Reads `code` from the redirect, checks `state` and `iss`, and exchanges it at the token endpoint. */
export async function exchangeCode(
  stackUrl: string,
  request: AuthorizationRequest,
  redirectedTo: string,
): Promise<TokenResponse> {
  const url = new URL(redirectedTo);
  if (`${url.origin}${url.pathname}` !== request.redirectUri) throw new Error(`unexpected redirect ${url}`);
  if (url.searchParams.get('state') !== request.state) throw new Error('state mismatch');
  if (url.searchParams.get('iss') !== `${stackUrl}/idp`) throw new Error('iss mismatch');
  const code = url.searchParams.get('code');
  if (!code) throw new Error(`no code in redirect: ${url.searchParams.get('error') ?? '?'}`);
  const res = await fetch(`${stackUrl}/idp/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: request.redirectUri,
      code_verifier: request.pkce.verifier,
      client_id: WEB_CLIENT,
    }),
  });
  const body = (await res.json()) as TokenResponse & { error?: string };
  if (res.status !== 200) throw new Error(`token endpoint: ${res.status} ${body.error}`);
  return body;
}

export function decode(token: string) {
  return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
}

/**
 * Walks the authorization code flow over plain HTTP, as a browser without JavaScript would: the
 * authorization request, one POST on a login screen, the resume. Returns where the flow redirected to
 * at the end (the redirect URI with `code` or `error`). Cookies are kept in a simple jar.
 */
export async function loginOverHttp(
  stackUrl: string,
  request: AuthorizationRequest,
  action: string,
  form: Record<string, string>,
): Promise<{ redirectedTo: string; interactionPath: string; visited: string[] }> {
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const res = await fetch(new URL(url, stackUrl), { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
    await res.arrayBuffer();
    return res;
  };
  const start = await go(request.url);
  const interactionPath = start.headers.get('location');
  if (start.status !== 303 || !interactionPath) throw new Error(`authorization: ${start.status}`);
  const submitted = await go(`${interactionPath}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stackUrl },
    body: new URLSearchParams(form),
  });
  const resume = submitted.headers.get('location');
  if (submitted.status !== 303 || !resume) throw new Error(`login screen: ${submitted.status}`);
  // Back at the authorization endpoint; a consent step (if any) answers with one more redirect.
  let next = new URL(resume, stackUrl).href;
  const visited: string[] = [];
  for (let hop = 0; hop < 4 && next.startsWith(`${stackUrl}/idp/`); hop += 1) {
    visited.push(new URL(next).pathname);
    const res = await go(next);
    const location = res.headers.get('location');
    if (res.status !== 303 || !location) throw new Error(`${new URL(next).pathname}: ${res.status}`);
    next = new URL(location, stackUrl).href;
  }
  return { redirectedTo: next, interactionPath, visited };
}
