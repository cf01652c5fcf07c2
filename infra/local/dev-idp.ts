/**
 * Local development token issuer: `POST /idp/dev/token` gives a token for a person of the demo
 * register (`{nationalNumber}`) or for the kmo-portefeuille portal (`{clientId}`) without any login,
 * for scripts and tests. The real login (OpenID Connect with the ACM-style screens) is oidc-provider
 * in `idp/`; both sign with the same key and derive the same pseudonymous `sub` (idp/keys.ts), so the
 * gateway verifies their tokens alike, exactly as strictly as API Gateway's JWT authorizer does.
 * Local use only: anyone who can reach it gets a token for any registered person.
 *
 * `handleIdpRequest` also answers a discovery document and a JWKS of its own; in the local stack
 * oidc-provider serves those paths and only `/idp/dev/token` is routed here.
 */

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { importJWK, type JSONWebKeySet, type JWTPayload, SignJWT } from 'jose';
import { localGroups } from '#infra/local/helpdesk';
import { type IdpKeys, loadIdpKeys, publicJwks, subjectFor } from '#infra/local/idp/keys';

/** The `aud` of every access token for the API (both issuers); API Gateway's JWT authorizer checks it. */
export const API_AUDIENCE = 'gebruikersbeheer-api';
export const WEB_CLIENT_ID = 'gebruikersbeheer-web';
const DEFAULT_EXPIRES_IN = 3600;

/** Service clients (relying portals) that may ask for a client-credentials token, with their scope. */
const SERVICE_CLIENTS: Readonly<Record<string, string>> = { 'kmo-portefeuille': 'access/check' };

export interface UserTokenRequest {
  nationalNumber: string;
  amr?: string[];
  acr?: string;
  /** Seconds; default 3600. */
  expiresIn?: number;
}

export interface ServiceTokenRequest {
  clientId: string;
  scope: string;
  expiresIn?: number;
}

export interface OpenIdConfiguration {
  issuer: string;
  jwks_uri: string;
  token_endpoint: string;
  id_token_signing_alg_values_supported: string[];
  [key: string]: unknown;
}

export interface DevIdp {
  readonly issuer: string;
  jwks(): JSONWebKeySet;
  issueUserToken(request: UserTokenRequest): Promise<string>;
  issueServiceToken(request: ServiceTokenRequest): Promise<string>;
  discovery(): OpenIdConfiguration;
}

export interface DevIdpOptions {
  /** e.g. http://localhost:3000/idp */
  issuer: string;
  /** Keeps the signing key and the subject salt here, so tokens survive restarts; omitted = in memory. */
  keyDir?: string;
  /** Key material shared with the OpenID Connect provider; wins over `keyDir`. */
  keys?: IdpKeys;
  /** Clock in epoch milliseconds; tests move it to issue expired or not-yet-valid tokens. */
  now?: () => number;
}

export async function createDevIdp(opts: DevIdpOptions): Promise<DevIdp> {
  const issuer = opts.issuer.replace(/\/+$/, '');
  const now = opts.now ?? Date.now;
  const material = opts.keys ?? (await loadIdpKeys(opts.keyDir));
  const kid = material.privateJwk.kid!;
  const signingKey = await importJWK(material.privateJwk, 'RS256');
  const jwks = publicJwks(material);

  const sign = async (claims: JWTPayload, expiresIn: number): Promise<string> => {
    const iat = Math.floor(now() / 1000);
    return new SignJWT({
      ...claims,
      token_use: 'access',
      iat,
      nbf: iat,
      exp: iat + expiresIn,
      jti: randomUUID(),
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid })
      .setIssuer(issuer)
      .setAudience(API_AUDIENCE)
      .sign(signingKey);
  };

  return {
    issuer,
    jwks: () => structuredClone(jwks),
    issueUserToken: async ({ nationalNumber, amr = ['eid'], acr = 'substantial', expiresIn }) => {
      // The number itself is personal data: never echo it in an error.
      if (!/^\d{11}$/.test(nationalNumber))
        throw new Error('Een rijksregisternummer bestaat uit 11 cijfers.');
      return sign(
        {
          sub: subjectFor(material, nationalNumber),
          national_number: nationalNumber,
          ...localGroups(nationalNumber),
          client_id: WEB_CLIENT_ID,
          scope: 'openid profile',
          amr,
          acr,
        },
        expiresIn ?? DEFAULT_EXPIRES_IN,
      );
    },
    issueServiceToken: ({ clientId, scope, expiresIn }) =>
      sign({ sub: clientId, client_id: clientId, scope }, expiresIn ?? DEFAULT_EXPIRES_IN),
    discovery: () => ({
      issuer,
      jwks_uri: `${issuer}/jwks`,
      token_endpoint: `${issuer}/dev/token`,
      response_types_supported: ['token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
    }),
  };
}

// --- HTTP ------------------------------------------------------------------------------------------

export interface IdpRequestOptions {
  /** Whether the person is in the (demo) national register; only they can log in. */
  isRegistered(nationalNumber: string): boolean | Promise<boolean>;
}

const MAX_BODY_BYTES = 16 * 1024;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function problem(
  res: ServerResponse,
  status: number,
  code: string,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): void {
  send(
    res,
    status,
    { type: `https://gebruikersbeheer.vlaanderen.be/problemen/${code}`, title, status, detail, code },
    {
      'content-type': 'application/problem+json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  );
}

function methodNotAllowed(res: ServerResponse, allowed: string): void {
  problem(res, 405, 'method-not-allowed', 'Methode niet toegestaan', `Gebruik ${allowed}.`, {
    allow: allowed,
  });
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the issuer's paths (`/idp/...`). Returns false for any other path so the caller can route it.
 * Request bodies hold national register numbers: they are never logged.
 */
export async function handleIdpRequest(
  idp: DevIdp,
  req: IncomingMessage,
  res: ServerResponse,
  opts: IdpRequestOptions,
): Promise<boolean> {
  const base = new URL(idp.issuer).pathname.replace(/\/+$/, '');
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path !== base && !path.startsWith(`${base}/`)) return false;
  const route = path.slice(base.length) || '/';
  const method = req.method ?? 'GET';

  try {
    if (route === '/.well-known/openid-configuration' || route === '/jwks') {
      if (method !== 'GET' && method !== 'HEAD') {
        methodNotAllowed(res, 'GET');
      } else if (route === '/jwks') {
        send(res, 200, idp.jwks(), {
          'content-type': 'application/jwk-set+json',
          'cache-control': 'max-age=300',
        });
      } else {
        send(res, 200, idp.discovery(), { 'cache-control': 'max-age=300' });
      }
    } else if (route === '/dev/token') {
      if (method !== 'POST') methodNotAllowed(res, 'POST');
      else await issueToken(idp, req, res, opts);
    } else {
      problem(
        res,
        404,
        'not-found',
        'Niet gevonden',
        'Dit adres bestaat niet bij de ontwikkel-identiteitsprovider.',
      );
    }
    return true;
  } catch {
    // The error may quote the request; answer without details and without logging it.
    if (!res.headersSent) {
      problem(res, 500, 'internal-error', 'Interne fout', 'Er ging iets mis bij de identiteitsprovider.');
    } else {
      res.destroy();
    }
    return true;
  }
}

async function issueToken(
  idp: DevIdp,
  req: IncomingMessage,
  res: ServerResponse,
  opts: IdpRequestOptions,
): Promise<void> {
  const badRequest = (detail: string) =>
    problem(res, 400, 'invalid-token-request', 'Ongeldige aanvraag', detail);
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      problem(res, 413, 'body-too-large', 'Aanvraag te groot', 'De aanvraag is te groot.');
      return;
    }
    badRequest('De aanvraag is geen geldige JSON.');
    return;
  }
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  const { nationalNumber, clientId } = fields as { nationalNumber?: unknown; clientId?: unknown };
  const expiresIn = DEFAULT_EXPIRES_IN;

  if (nationalNumber !== undefined && clientId === undefined) {
    if (typeof nationalNumber !== 'string' || !/^\d{11}$/.test(nationalNumber)) {
      badRequest('Geef een rijksregisternummer of BIS-nummer van 11 cijfers, zonder punten of streepjes.');
      return;
    }
    if (!(await opts.isRegistered(nationalNumber))) {
      problem(
        res,
        404,
        'person-not-found',
        'Niet gevonden',
        'Deze persoon staat niet in het demo-rijksregister.',
      );
      return;
    }
    const token = await idp.issueUserToken({ nationalNumber, expiresIn });
    sendToken(res, token, expiresIn);
    return;
  }
  if (clientId !== undefined && nationalNumber === undefined) {
    const scope = typeof clientId === 'string' ? SERVICE_CLIENTS[clientId] : undefined;
    if (typeof clientId !== 'string' || scope === undefined) {
      badRequest(`Onbekende client. Gekende clients: ${Object.keys(SERVICE_CLIENTS).join(', ')}.`);
      return;
    }
    sendToken(res, await idp.issueServiceToken({ clientId, scope, expiresIn }), expiresIn);
    return;
  }
  badRequest('Geef ofwel "nationalNumber" (een persoon) ofwel "clientId" (een dienst).');
}

function sendToken(res: ServerResponse, token: string, expiresIn: number): void {
  // RFC 6749 §5.1: token responses must not be cached.
  send(
    res,
    200,
    { access_token: token, token_type: 'Bearer', expires_in: expiresIn },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}
