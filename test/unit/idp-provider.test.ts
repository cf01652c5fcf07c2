/**
 * The local OpenID Connect provider in-process (no database): it signs with the dev token endpoint's
 * key, gives the same pseudonymous sub, and its ID tokens do not pass the API's token verifier.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_AUDIENCE, createDevIdp } from '#infra/local/dev-idp';
import { createLocalIdp, type LocalIdp } from '#infra/local/idp/index';
import { loadIdpKeys } from '#infra/local/idp/keys';
import { createTokenVerifier, TokenRejectedError } from '#infra/local/verify-token';
import { authorizationRequest, decode, exchangeCode, loginOverHttp } from '../support/oidc.ts';

const PEOPLE = [
  { nationalNumber: '82110524249', firstName: 'Sofie', lastName: 'Janssens' },
  { nationalNumber: '68012307786', firstName: 'Marc', lastName: 'Peeters' },
];

async function serve(dataDir?: string) {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  const keys = await loadIdpKeys(dataDir ? join(dataDir, 'idp') : undefined);
  const devIdp = await createDevIdp({ issuer: `${url}/idp`, keys });
  const idp = await createLocalIdp({ url, keys, devIdp, people: PEOPLE, ...(dataDir ? { dataDir } : {}) });
  server.on('request', async (req, res) => {
    if (!(await idp.handle(req, res))) res.writeHead(404).end();
  });
  const verifier = createTokenVerifier({ jwks: devIdp.jwks(), issuer: `${url}/idp`, audience: API_AUDIENCE });
  return {
    url,
    idp,
    devIdp,
    verifier,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('the local OpenID Connect provider with the dev token endpoint', () => {
  let local: Awaited<ReturnType<typeof serve>>;
  let idp: LocalIdp;
  beforeAll(async () => {
    local = await serve();
    idp = local.idp;
  });
  afterAll(async () => {
    await local?.close();
  });

  const login = async (nationalNumber: string) => {
    const request = authorizationRequest(local.url);
    const { redirectedTo } = await loginOverHttp(local.url, request, 'eid', {
      persoon: idp.accounts.byNationalNumber(nationalNumber)!.subject,
    });
    return exchangeCode(local.url, request, redirectedTo);
  };

  it('issues access tokens that the API verifier accepts, with the dev endpoint’s sub', async () => {
    const tokens = await login('82110524249');
    const { claims, scopes } = await local.verifier.verify(`Bearer ${tokens.access_token}`);

    expect(claims).toMatchObject({
      national_number: '82110524249',
      amr: ['eid'],
      acr: 'high',
      token_use: 'access',
      client_id: 'gebruikersbeheer-web',
    });
    expect(scopes).toEqual(['openid', 'profile']);
    const dev = decode(await local.devIdp.issueUserToken({ nationalNumber: '82110524249' }));
    expect(claims.sub).toBe(dev.claims.sub);
    expect(decode(tokens.access_token).header.kid).toBe(dev.header.kid);
  });

  it('issues ID tokens that the API verifier refuses', async () => {
    const tokens = await login('68012307786');
    const error = await local.verifier.verify(`Bearer ${tokens.id_token}`).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TokenRejectedError);
    expect(['wrong-typ', 'wrong-audience', 'not-access-token']).toContain(
      (error as TokenRejectedError).reason,
    );
  });

  it('settles an explicit consent prompt of the web client without asking', async () => {
    const request = authorizationRequest(local.url, { prompt: 'login consent' });
    const { redirectedTo, visited } = await loginOverHttp(local.url, request, 'itsme', {
      persoon: idp.accounts.byNationalNumber('82110524249')!.subject,
    });
    const tokens = await exchangeCode(local.url, request, redirectedTo);

    expect(visited.some((path) => path.startsWith('/idp/interaction/'))).toBe(true);
    expect(decode(tokens.access_token).claims).toMatchObject({ amr: ['itsme'], scope: 'openid profile' });
  });

  it('serves the login stylesheet and leaves other paths alone', async () => {
    const css = await fetch(`${local.url}/idp/assets/login.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.choices');
    expect((await fetch(`${local.url}/api/health`)).status).toBe(404);
  });
});

describe('the local identity provider on a data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'local-idp-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps its keys across a restart, owner-only', async () => {
    const first = await serve(dataDir);
    const jwks = await (await fetch(`${first.url}/idp/jwks`)).json();
    await first.close();
    const second = await serve(dataDir);
    const again = await (await fetch(`${second.url}/idp/jwks`)).json();
    await second.close();

    expect(again).toEqual(jwks);
    for (const file of ['signing-key.json', 'subject-salt', 'cookie-keys.json']) {
      expect((await stat(join(dataDir, 'idp', file))).mode & 0o777).toBe(0o600);
    }
    expect(JSON.parse(await readFile(join(dataDir, 'idp', 'cookie-keys.json'), 'utf8'))).toHaveLength(1);
  });
});
