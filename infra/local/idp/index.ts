/**
 * Everything under `/idp` in the local stack: the OpenID Connect provider (discovery, JWKS,
 * authorization, token, logout), its login screens, their stylesheet, and the development token
 * endpoint `POST /idp/dev/token`. Local use only.
 *
 * Files kept when the stack has a data directory:
 * - `.data/idp/signing-key.json`, `subject-salt`: shared with the dev token endpoint (keys.ts)
 * - `.data/idp/cookie-keys.json`: signs oidc-provider's cookies
 * - `.data/idp/activations.json`: app secrets and SMS numbers, keyed by an HMAC of the national number
 * - `.data/outbox/sms-*.json`: the SMS messages "sent"
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type Provider from 'oidc-provider';
import { type DevIdp, handleIdpRequest } from '#infra/local/dev-idp';
import {
  type AccountDirectory,
  createAccountDirectory,
  type RegisterPerson,
} from '#infra/local/idp/accounts';
import { createActivationStore } from '#infra/local/idp/activations';
import { createLoginUi, type LoginUiOptions } from '#infra/local/idp/interactions';
import { type IdpKeys, loadCookieKeys } from '#infra/local/idp/keys';
import {
  apiResourceIndicator,
  createOidcProvider,
  DEFAULT_PORTAL_CLIENT_SECRET,
} from '#infra/local/idp/provider';
import { createSmsOutbox, type SmsOutbox } from '#infra/local/idp/sms';

export { API_AUDIENCE, WEB_CLIENT_ID } from '#infra/local/dev-idp';
export type { RegisterPerson } from '#infra/local/idp/accounts';
export {
  apiResourceIndicator,
  DEFAULT_PORTAL_CLIENT_SECRET,
  PORTAL_CLIENT_ID,
  PORTAL_SCOPE,
  USER_SCOPES,
} from '#infra/local/idp/provider';

export interface LocalIdpOptions {
  /** Where the stack serves, e.g. http://localhost:3000. */
  url: string;
  keys: IdpKeys;
  /** The development token endpoint, served at `/idp/dev/token`. */
  devIdp: DevIdp;
  /** The demo national register: who can log in. */
  people: readonly RegisterPerson[];
  /** The stack's data directory; omitted: everything in memory (tests). */
  dataDir?: string;
  /** Secret of the kmo-portefeuille client; default DEFAULT_PORTAL_CLIENT_SECRET. */
  portalClientSecret?: string;
  /** Extra redirect URIs for the web client (tests). */
  extraRedirectUris?: readonly string[];
  /** Called once per successful login (see LoginUiOptions.onLogin): the stack records it. */
  onLogin?: LoginUiOptions['onLogin'];
}

export interface LocalIdp {
  readonly issuer: string;
  /** The API's resource indicator, `${url}/api`. */
  readonly apiResource: string;
  readonly provider: Provider;
  readonly accounts: AccountDirectory;
  readonly outbox: SmsOutbox;
  /** Serves `/idp/...`; returns false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

const STYLESHEET = join(import.meta.dirname, 'login.css');

export async function createLocalIdp(options: LocalIdpOptions): Promise<LocalIdp> {
  const url = options.url.replace(/\/+$/, '');
  const issuer = `${url}/idp`;
  const basePath = new URL(issuer).pathname;
  const idpDir = options.dataDir ? join(options.dataDir, 'idp') : undefined;
  const accounts = createAccountDirectory(options.keys, options.people);
  const activations = await createActivationStore(idpDir ? join(idpDir, 'activations.json') : undefined);
  const outbox = createSmsOutbox(options.dataDir ? join(options.dataDir, 'outbox') : undefined);
  const provider = createOidcProvider({
    url,
    keys: options.keys,
    cookieKeys: await loadCookieKeys(idpDir),
    accounts,
    portalClientSecret: options.portalClientSecret ?? DEFAULT_PORTAL_CLIENT_SECRET,
    ...(options.extraRedirectUris ? { extraRedirectUris: options.extraRedirectUris } : {}),
  });
  // oidc-provider reports its own failures as events; log what failed, never the request.
  provider.on('server_error', (_ctx, error: Error) => {
    console.error(`oidc-provider: ${error.name}: ${error.message}`);
  });
  const callback = provider.callback();
  const loginUi = createLoginUi({
    provider,
    basePath,
    origin: new URL(url).origin,
    accounts,
    keys: options.keys,
    activations,
    outbox,
    ...(options.onLogin ? { onLogin: options.onLogin } : {}),
  });
  const stylesheet = await readFile(STYLESHEET);

  return {
    issuer,
    apiResource: apiResourceIndicator(url),
    provider,
    accounts,
    outbox,
    async handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== basePath && !path.startsWith(`${basePath}/`)) return false;
      if (path === `${basePath}/dev/token`) {
        return handleIdpRequest(options.devIdp, req, res, {
          isRegistered: (nationalNumber) => accounts.byNationalNumber(nationalNumber) !== undefined,
        });
      }
      if (path === `${basePath}/assets/login.css`) {
        res.writeHead(200, {
          'content-type': 'text/css; charset=utf-8',
          'content-length': stylesheet.length,
          'cache-control': 'max-age=300',
          'x-content-type-options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : stylesheet);
        return true;
      }
      if (path.startsWith(`${basePath}/interaction/`)) {
        await loginUi(req, res);
        return true;
      }
      // oidc-provider is mounted at /idp: it sees the path below the mount and finds the mount point
      // again from originalUrl, as under Express or Koa mounting.
      const original = req.url ?? '/';
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = original;
      req.url = original.slice(basePath.length) || '/';
      await callback(req, res);
      return true;
    },
  };
}
