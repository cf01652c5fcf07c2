/**
 * The local OpenID Connect provider over plain HTTP: discovery and JWKS shared with the dev token
 * endpoint, client credentials for the portal, the code flow's guards, and the gateway's verdict on
 * what it issues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '#lib/services/demo-seed';
import { authorizationRequest, decode, exchangeCode, loginOverHttp, WEB_CLIENT } from '../support/oidc.ts';
import { startTestStack } from '../support/stack.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const PORTAL = { id: 'kmo-portefeuille', secret: 'kmo-portefeuille-lokaal-geheim' };
const TOM = '77091503135';

describe('the local OpenID Connect provider', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startTestStack({ today: '2026-11-26' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const portalToken = (body: Record<string, string>, secret = PORTAL.secret) =>
    fetch(`${stack.url}/idp/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${PORTAL.id}:${secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', ...body }),
    });

  const accessCheck = (token: string) =>
    fetch(`${stack.url}/api/access-checks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        nationalNumber: TOM,
        enterpriseNumber: DEMO.boekhouding,
        right: 'VLAIO Inkom Gebruiker Nieuw',
        profile: 'Dienstverlener kmo-portefeuille',
      }),
    });

  const subjectOf = (nationalNumber: string) =>
    stack.login.accounts.byNationalNumber(nationalNumber)!.subject;

  it('describes itself at the discovery endpoint and serves the dev endpoint’s key', async () => {
    const discovery = (await (
      await fetch(`${stack.url}/idp/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: `${stack.url}/idp`,
      authorization_endpoint: `${stack.url}/idp/auth`,
      token_endpoint: `${stack.url}/idp/token`,
      jwks_uri: `${stack.url}/idp/jwks`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      grant_types_supported: expect.arrayContaining(['authorization_code', 'client_credentials']),
      acr_values_supported: ['high', 'substantial'],
    });
    const jwks = await (await fetch(`${stack.url}/idp/jwks`)).json();
    expect(jwks).toEqual(stack.idp.jwks());
  });

  it('gives the portal an access/check token by client credentials that the API accepts', async () => {
    const res = await portalToken({ scope: 'access/check' });
    const body = (await res.json()) as { access_token: string; scope: string; token_type: string };

    expect(res.status).toBe(200);
    expect(body).toMatchObject({ scope: 'access/check', token_type: 'Bearer' });
    const { header, claims } = decode(body.access_token);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'at+jwt', kid: stack.idp.jwks().keys[0]!.kid });
    expect(claims).toMatchObject({
      iss: `${stack.url}/idp`,
      aud: 'gebruikersbeheer-api',
      sub: PORTAL.id,
      client_id: PORTAL.id,
      scope: 'access/check',
      token_use: 'access',
    });
    expect(claims).not.toHaveProperty('national_number');
    expect((await accessCheck(body.access_token)).status).toBe(200);
  });

  it('refuses the portal with a wrong secret, and gives no scope it did not ask for', async () => {
    expect((await portalToken({ scope: 'access/check' }, 'fout')).status).toBe(401);

    const unscoped = (await (await portalToken({})).json()) as { access_token: string };
    expect(decode(unscoped.access_token).claims.scope).toBeUndefined();
    expect((await accessCheck(unscoped.access_token)).status).toBe(403);
  });

  it('does not let the web client use client credentials', async () => {
    const res = await fetch(`${stack.url}/idp/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: WEB_CLIENT }),
    });
    const body = (await res.json()) as { error: string; error_description: string; access_token?: string };
    expect(res.status).toBe(400);
    expect(body, body.error_description).toMatchObject({
      error: expect.stringMatching(/^(invalid_request|unauthorized_client)$/),
    });
    expect(body.access_token).toBeUndefined();
  });

  it('logs in through the federal token stand-in without a browser; the ID token is refused by the gateway', async () => {
    const request = authorizationRequest(stack.url);
    const { redirectedTo } = await loginOverHttp(stack.url, request, 'federaal-token', {
      persoon: subjectOf(DEMO.sofie),
    });
    const tokens = await exchangeCode(stack.url, request, redirectedTo);

    expect(decode(tokens.access_token).claims).toMatchObject({
      national_number: DEMO.sofie,
      amr: ['fas'],
      acr: 'substantial',
    });
    const persons = `${stack.url}/api/organisations/${DEMO.adviesbureau}/persons`;
    const asBearer = (token: string) => fetch(persons, { headers: { authorization: `Bearer ${token}` } });
    expect((await asBearer(tokens.access_token)).status).toBe(200);

    const idToken = decode(tokens.id_token!);
    expect(idToken.claims.aud).toBe(WEB_CLIENT);
    const refused = await asBearer(tokens.id_token!);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    // A portal token carries no person: the person routes refuse it too.
    const portal = (await (await portalToken({ scope: 'access/check' })).json()) as { access_token: string };
    expect((await asBearer(portal.access_token)).status).toBe(401);
  });

  it('gives a JWT for the API to a client that sends no resource, and refuses an unknown resource', async () => {
    const request = authorizationRequest(stack.url);
    const withoutResource = { ...request, url: request.url.replace(/&resource=[^&]*/, '') };
    const { redirectedTo } = await loginOverHttp(stack.url, withoutResource, 'itsme', {
      persoon: subjectOf(DEMO.marc),
    });
    const tokens = await exchangeCode(stack.url, withoutResource, redirectedTo);
    expect(decode(tokens.access_token)).toMatchObject({
      header: { typ: 'at+jwt' },
      claims: { aud: 'gebruikersbeheer-api', national_number: DEMO.marc, amr: ['itsme'], acr: 'high' },
    });

    const elsewhere = authorizationRequest(stack.url, { resource: 'https://elders.example/api' });
    const res = await fetch(elsewhere.url, { redirect: 'manual' });
    const location = new URL(res.headers.get('location') ?? '', stack.url);
    expect(location.searchParams.get('error')).toBe('invalid_target');
  });

  it('requires PKCE with S256 from the web client', async () => {
    const request = authorizationRequest(stack.url);
    const plain = new URL(request.url);
    plain.searchParams.delete('code_challenge');
    plain.searchParams.delete('code_challenge_method');
    const res = await fetch(plain, { redirect: 'manual' });
    const location = new URL(res.headers.get('location') ?? '', stack.url);
    expect(location.searchParams.get('error')).toBe('invalid_request');

    // A code is bound to its verifier.
    const good = authorizationRequest(stack.url);
    const { redirectedTo } = await loginOverHttp(stack.url, good, 'eid', { persoon: subjectOf(DEMO.marc) });
    const stolen = { ...good, pkce: { ...good.pkce, verifier: 'x'.repeat(43) } };
    await expect(exchangeCode(stack.url, stolen, redirectedTo)).rejects.toThrow(/invalid_grant/);
  });

  it('ends with access_denied when the person cancels', async () => {
    const request = authorizationRequest(stack.url);
    const { redirectedTo } = await loginOverHttp(stack.url, request, 'annuleren', {});
    const url = new URL(redirectedTo);
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('state')).toBe(request.state);
  });

  it('refuses login forms posted from another site or without the interaction cookie', async () => {
    const request = authorizationRequest(stack.url);
    const start = await fetch(request.url, { redirect: 'manual' });
    const interaction = start.headers.get('location')!;
    const cookies = start.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const post = (headers: Record<string, string>) =>
      fetch(`${stack.url}${interaction}/eid`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ persoon: subjectOf(DEMO.sofie) }),
      });

    expect((await post({ cookie: cookies, origin: 'https://aanvaller.example' })).status).toBe(403);
    expect((await post({ origin: stack.url })).status).toBe(400);
    expect((await post({ cookie: cookies, origin: stack.url })).status).toBe(303);
  });
});
