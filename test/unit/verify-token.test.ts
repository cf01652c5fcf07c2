import { createHmac, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  base64url,
  type CryptoKey,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWK,
  SignJWT,
} from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDevIdp, type DevIdp, handleIdpRequest } from '#infra/local/dev-idp';
import { createTokenVerifier, TokenRejectedError, type TokenRejectedReason } from '#infra/local/verify-token';

const ISSUER = 'http://localhost:3000/idp';
const AUDIENCE = 'gebruikersbeheer-api';
// A valid-format test number (mod 97), not a real person.
const NATIONAL_NUMBER = '82110524249';

const encode = (value: object) => base64url.encode(JSON.stringify(value));

async function rejection(promise: Promise<unknown>): Promise<TokenRejectedReason> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenRejectedError);
  return (error as TokenRejectedError).reason;
}

describe('createTokenVerifier with the dev IdP', () => {
  let clockOffsetMs = 0;
  let idp: DevIdp;
  let verify: (header: string | undefined) => Promise<{ claims: Record<string, unknown>; scopes: string[] }>;
  /** An attacker's key pair: the verifier does not trust it. */
  let attacker: { privateKey: CryptoKey; publicJwk: JWK };

  beforeAll(async () => {
    idp = await createDevIdp({ issuer: ISSUER, now: () => Date.now() + clockOffsetMs });
    verify = createTokenVerifier({ jwks: idp.jwks(), issuer: ISSUER, audience: AUDIENCE }).verify;
    const pair = await generateKeyPair('RS256', { extractable: true });
    attacker = { privateKey: pair.privateKey, publicJwk: await exportJWK(pair.publicKey) };
  });

  beforeEach(() => {
    clockOffsetMs = 0;
  });

  const userToken = () => idp.issueUserToken({ nationalNumber: NATIONAL_NUMBER });
  const kid = () => idp.jwks().keys[0]!.kid!;

  it('accepts a valid user token and returns its claims and scopes', async () => {
    const { claims, scopes } = await verify(`Bearer ${await userToken()}`);

    expect(claims).toMatchObject({
      iss: ISSUER,
      aud: AUDIENCE,
      national_number: NATIONAL_NUMBER,
      client_id: 'gebruikersbeheer-web',
      token_use: 'access',
      amr: ['eid'],
      acr: 'substantial',
    });
    expect(claims.sub).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof claims.jti).toBe('string');
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    expect(scopes).toEqual(['openid', 'profile']);
  });

  it('accepts a token issued within the clock tolerance', async () => {
    clockOffsetMs = 30_000;
    const token = await userToken();

    await expect(verify(`Bearer ${token}`)).resolves.toBeDefined();
  });

  it('rejects a missing or non-Bearer Authorization header', async () => {
    expect(await rejection(verify(undefined))).toBe('missing-token');
    expect(await rejection(verify(''))).toBe('missing-token');
    expect(await rejection(verify(`Basic ${Buffer.from('a:b').toString('base64')}`))).toBe('not-bearer');
    expect(await rejection(verify('Bearer not-a-jwt'))).toBe('malformed');
  });

  it('rejects an unsigned token (alg: none)', async () => {
    const claims = decodeJwt(await userToken());
    const token = `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(claims)}.`;

    expect(await rejection(verify(`Bearer ${token}`))).toBe('alg-not-allowed');
  });

  it('rejects an HS256 token that uses the public key as the HMAC secret', async () => {
    const publicJwk = idp.jwks().keys[0]!;
    const pem = createPublicKey({ key: publicJwk as import('node:crypto').JsonWebKey, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const claims = decodeJwt(await userToken());
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: kid() })
      .sign(new TextEncoder().encode(pem));

    expect(await rejection(verify(`Bearer ${token}`))).toBe('alg-not-allowed');
  });

  it('rejects a token that points to its own key set (jku)', async () => {
    const claims = decodeJwt(await userToken());
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: kid(), jku: 'https://attacker.example/jwks' })
      .sign(attacker.privateKey);

    expect(await rejection(verify(`Bearer ${token}`))).toBe('forbidden-header');
  });

  it('rejects a token that embeds its own key (jwk)', async () => {
    const claims = decodeJwt(await userToken());
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', jwk: attacker.publicJwk })
      .sign(attacker.privateKey);

    expect(await rejection(verify(`Bearer ${token}`))).toBe('forbidden-header');
  });

  it('rejects a token signed by a key that is not in the JWKS', async () => {
    const claims = decodeJwt(await userToken());
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: kid() })
      .sign(attacker.privateKey);

    expect(await rejection(verify(`Bearer ${token}`))).toBe('bad-signature');
  });

  it('rejects a token that expired more than 60 s ago', async () => {
    clockOffsetMs = -(3600 + 61) * 1000;
    const token = await userToken();

    expect(await rejection(verify(`Bearer ${token}`))).toBe('expired');
  });

  it('rejects a token whose nbf lies more than 60 s in the future', async () => {
    clockOffsetMs = 120_000;
    const token = await userToken();

    expect(await rejection(verify(`Bearer ${token}`))).toBe('not-yet-valid');
  });

  it('rejects a tampered payload with the original signature', async () => {
    const token = await userToken();
    const [header, , signature] = token.split('.');
    const tampered = encode({ ...decodeJwt(token), national_number: '90010100146' });

    expect(await rejection(verify(`Bearer ${header}.${tampered}.${signature}`))).toBe('bad-signature');
  });

  it('rejects a token from another issuer, even when its key is trusted', async () => {
    const other = await createDevIdp({ issuer: 'https://elders.example/idp' });
    const jwks: JSONWebKeySet = { keys: [...idp.jwks().keys, ...other.jwks().keys] };
    const verifier = createTokenVerifier({ jwks, issuer: ISSUER, audience: AUDIENCE });
    const token = await other.issueUserToken({ nationalNumber: NATIONAL_NUMBER });

    expect(await rejection(verifier.verify(`Bearer ${token}`))).toBe('wrong-issuer');
  });

  it('rejects a token for another audience', async () => {
    const verifier = createTokenVerifier({ jwks: idp.jwks(), issuer: ISSUER, audience: 'andere-api' });

    expect(await rejection(verifier.verify(`Bearer ${await userToken()}`))).toBe('wrong-audience');
  });

  describe('an ID token used as access token', () => {
    // Signed with a key the verifier trusts, so only the token type can make it fail.
    const signTrusted = async (typ: string, tokenUse: string) => {
      const claims = { ...decodeJwt(await userToken()), token_use: tokenUse };
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ, kid: 'test-key' })
        .sign(attacker.privateKey);
      const jwks = { keys: [{ ...attacker.publicJwk, kid: 'test-key', alg: 'RS256', use: 'sig' }] };
      return { token, verifier: createTokenVerifier({ jwks, issuer: ISSUER, audience: AUDIENCE }) };
    };

    it('is accepted as a control when it has the access-token type and use', async () => {
      const { token, verifier } = await signTrusted('at+jwt', 'access');

      await expect(verifier.verify(`Bearer ${token}`)).resolves.toBeDefined();
    });

    it('is rejected for typ JWT', async () => {
      const { token, verifier } = await signTrusted('JWT', 'access');

      expect(await rejection(verifier.verify(`Bearer ${token}`))).toBe('wrong-typ');
    });

    it('is rejected for token_use id', async () => {
      const { token, verifier } = await signTrusted('at+jwt', 'id');

      expect(await rejection(verifier.verify(`Bearer ${token}`))).toBe('not-access-token');
    });
  });
});

describe('createDevIdp', () => {
  let keyDir: string;

  beforeAll(async () => {
    keyDir = await mkdtemp(join(tmpdir(), 'dev-idp-'));
  });

  afterAll(async () => {
    await rm(keyDir, { recursive: true, force: true });
  });

  it('issues a service token with the client as subject and its scope', async () => {
    const idp = await createDevIdp({ issuer: ISSUER });
    const verifier = createTokenVerifier({ jwks: idp.jwks(), issuer: ISSUER, audience: AUDIENCE });
    const token = await idp.issueServiceToken({ clientId: 'kmo-portefeuille', scope: 'access/check' });

    const { claims, scopes } = await verifier.verify(`Bearer ${token}`);

    expect(scopes).toEqual(['access/check']);
    expect(claims).toMatchObject({
      sub: 'kmo-portefeuille',
      client_id: 'kmo-portefeuille',
      token_use: 'access',
    });
    expect(claims).not.toHaveProperty('national_number');
  });

  it('never puts the national number in sub; sub is a stable pseudonym per issuer', async () => {
    const idp = await createDevIdp({ issuer: ISSUER });
    const first = decodeJwt(await idp.issueUserToken({ nationalNumber: NATIONAL_NUMBER }));
    const second = decodeJwt(await idp.issueUserToken({ nationalNumber: NATIONAL_NUMBER }));
    const other = await createDevIdp({ issuer: ISSUER });
    const elsewhere = decodeJwt(await other.issueUserToken({ nationalNumber: NATIONAL_NUMBER }));

    expect(first.sub).toMatch(/^[0-9a-f]{32}$/);
    expect(first.sub).not.toContain(NATIONAL_NUMBER);
    expect(first.sub).not.toBe(createHmac('sha256', '').update(NATIONAL_NUMBER).digest('hex').slice(0, 32));
    expect(second.sub).toBe(first.sub);
    expect(elsewhere.sub).not.toBe(first.sub);
    expect(first.jti).not.toBe(second.jti);
  });

  it('exposes only the public key in its JWKS', async () => {
    const idp = await createDevIdp({ issuer: ISSUER });
    const [key, ...rest] = idp.jwks().keys;

    expect(rest).toHaveLength(0);
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(key?.kid).toBeTruthy();
    for (const privatePart of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(privatePart);
  });

  it('describes itself in a discovery document', async () => {
    const idp = await createDevIdp({ issuer: ISSUER });

    expect(idp.discovery()).toMatchObject({
      issuer: ISSUER,
      jwks_uri: `${ISSUER}/jwks`,
      token_endpoint: `${ISSUER}/dev/token`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  it('keeps its key and subject salt in keyDir, so tokens survive a restart', async () => {
    const before = await createDevIdp({ issuer: ISSUER, keyDir });
    const token = await before.issueUserToken({ nationalNumber: NATIONAL_NUMBER });

    const after = await createDevIdp({ issuer: ISSUER, keyDir });
    const verifier = createTokenVerifier({ jwks: after.jwks(), issuer: ISSUER, audience: AUDIENCE });

    expect(after.jwks()).toEqual(before.jwks());
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toBeDefined();
    const again = decodeJwt(await after.issueUserToken({ nationalNumber: NATIONAL_NUMBER }));
    expect(again.sub).toBe(decodeJwt(token).sub);
    expect((await stat(join(keyDir, 'signing-key.json'))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(keyDir, 'signing-key.json'), 'utf8'))).toHaveProperty('d');
  });
});

describe('handleIdpRequest', () => {
  let idp: DevIdp;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    idp = await createDevIdp({ issuer: ISSUER });
    server = createServer(async (req, res) => {
      const handled = await handleIdpRequest(idp, req, res, { isRegistered: (n) => n === NATIONAL_NUMBER });
      if (!handled) res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const postToken = (body: string) =>
    fetch(`${base}/idp/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('serves the discovery document and the JWKS', async () => {
    const discovery = await fetch(`${base}/idp/.well-known/openid-configuration`);
    const jwks = await fetch(`${base}/idp/jwks`);

    expect(await discovery.json()).toEqual(idp.discovery());
    expect(await jwks.json()).toEqual(idp.jwks());
  });

  it('issues a user token for a person in the demo register', async () => {
    const response = await postToken(JSON.stringify({ nationalNumber: NATIONAL_NUMBER }));
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const verifier = createTokenVerifier({ jwks: idp.jwks(), issuer: ISSUER, audience: AUDIENCE });
    const { claims } = await verifier.verify(`Bearer ${body.access_token}`);
    expect(claims.national_number).toBe(NATIONAL_NUMBER);
  });

  it('issues a service token with scope access/check for kmo-portefeuille', async () => {
    const response = await postToken(JSON.stringify({ clientId: 'kmo-portefeuille' }));
    const body = (await response.json()) as { access_token: string };

    expect(response.status).toBe(200);
    expect(decodeJwt(body.access_token)).toMatchObject({ sub: 'kmo-portefeuille', scope: 'access/check' });
  });

  it('answers 404 problem+json for a person who is not registered, without echoing the number', async () => {
    const response = await postToken(JSON.stringify({ nationalNumber: '90010100146' }));
    const text = await response.text();

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(text)).toMatchObject({ status: 404, code: 'person-not-found' });
    expect(text).not.toContain('90010100146');
  });

  it.each([
    ['bad JSON', '{nationalNumber:'],
    ['neither field', '{}'],
    ['both fields', JSON.stringify({ nationalNumber: NATIONAL_NUMBER, clientId: 'kmo-portefeuille' })],
    ['a malformed number', JSON.stringify({ nationalNumber: '8211' })],
    ['an unknown client', JSON.stringify({ clientId: 'onbekend' })],
  ])('answers 400 problem+json for %s', async (_, body) => {
    const response = await postToken(body);
    const problem = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(problem).toMatchObject({ status: 400, code: 'invalid-token-request' });
    expect(Object.keys(problem).sort()).toEqual(['code', 'detail', 'status', 'title', 'type']);
  });

  it('leaves other paths to the caller', async () => {
    expect((await fetch(`${base}/api/health`)).status).toBe(418);
    expect((await fetch(`${base}/idpx`)).status).toBe(418);
    expect((await fetch(`${base}/idp/unknown`)).status).toBe(404);
  });
});
