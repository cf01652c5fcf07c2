/**
 * The local OpenID Connect provider: the `oidc-provider` package (certified, not hand-made) configured
 * as a stand-in for Cognito federated to ACM. Authorization code with PKCE for the web client,
 * client credentials for the kmo-portefeuille portal, and RS256 JWT access tokens for the API
 * (RFC 9068, `typ: at+jwt`) through resource indicators (RFC 8707). Its signing key is the dev token
 * endpoint's, so the gateway verifies tokens from both against one JWKS.
 */

import Provider, {
  type Configuration,
  errors,
  type Grant,
  type KoaContextWithOIDC,
  type ResourceServer,
} from 'oidc-provider';
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import { API_AUDIENCE, WEB_CLIENT_ID } from '#infra/local/dev-idp';
import { localGroups } from '#infra/local/helpdesk';
import type { AccountDirectory } from '#infra/local/idp/accounts';
import type { IdpKeys } from '#infra/local/idp/keys';
import { errorPage, loggedOutPage, logoutPage } from '#infra/local/idp/pages';

export const PORTAL_CLIENT_ID = 'kmo-portefeuille';
export const PORTAL_SCOPE = 'access/check';
/** Documented local default; `KMO_PORTEFEUILLE_CLIENT_SECRET` replaces it. Never used outside the local stack. */
export const DEFAULT_PORTAL_CLIENT_SECRET = 'kmo-portefeuille-lokaal-geheim';
/**
 * What a person's access token says in `scope`, as the dev token endpoint and Cognito do. They are
 * registered as the API's scopes for the web client, so they travel in the JWT for the API.
 */
export const USER_SCOPES = 'openid profile';
/** Access tokens live an hour, like the dev token endpoint's and Cognito's default. */
const ACCESS_TOKEN_TTL = 3600;

/** The resource indicator (RFC 8707) of the API: its absolute URI. Tokens for it carry `aud: API_AUDIENCE`. */
export function apiResourceIndicator(url: string): string {
  return `${url.replace(/\/+$/, '')}/api`;
}

export interface OidcProviderOptions {
  /** Where the local stack serves, e.g. http://localhost:3000; the issuer is `${url}/idp`. */
  url: string;
  keys: IdpKeys;
  cookieKeys: string[];
  accounts: AccountDirectory;
  portalClientSecret: string;
  /** Extra redirect URIs for the web client (tests). */
  extraRedirectUris?: readonly string[];
}

export function webRedirectUris(url: string, extra: readonly string[] = []): string[] {
  return [`${url}/auth/callback`, 'http://localhost:5173/auth/callback', ...extra];
}

export function createOidcProvider(options: OidcProviderOptions): Provider {
  const url = options.url.replace(/\/+$/, '');
  const issuer = `${url}/idp`;
  const basePath = new URL(issuer).pathname;
  const api = apiResourceIndicator(url);
  const { accounts } = options;
  const redirectUris = webRedirectUris(url, options.extraRedirectUris);
  const webOrigins = new Set(redirectUris.map((uri) => new URL(uri).origin));

  /** The first-party web client asks nobody for consent: it gets what it asked for, within its limits. */
  const grantFirstParty = async (ctx: KoaContextWithOIDC, existing: Grant | undefined) => {
    const { client, account } = ctx.oidc;
    if (!client || !account) return existing;
    const grant =
      existing && existing.accountId === account.accountId
        ? existing
        : new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: account.accountId });
    grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
    for (const [indicator, server] of Object.entries(ctx.oidc.resourceServers ?? {})) {
      grant.addResourceScope(indicator, server.scope);
    }
    await grant.save();
    return grant;
  };

  const configuration: Configuration = {
    // oidc-provider's own in-memory adapter: sessions, interactions and codes live minutes to hours
    // and a restart of `npm start` only means logging in again; what must survive a restart (the
    // signing key, the subject salt, cookie keys and the login-method activations) is kept in
    // .data/idp/ by this module's callers instead.
    adapter: createMemoryAdapter(15),
    jwks: { keys: [options.keys.privateJwk as never] },
    cookies: {
      keys: options.cookieKeys,
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        client_name: 'Gebruikersbeheer',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: redirectUris,
        post_logout_redirect_uris: [`${url}/`, 'http://localhost:5173/'],
        scope: USER_SCOPES,
      },
      {
        client_id: PORTAL_CLIENT_ID,
        client_name: 'kmo-portefeuille',
        client_secret: options.portalClientSecret,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    clientBasedCORS: (_ctx, origin, client) => client.clientId === WEB_CLIENT_ID && webOrigins.has(origin),
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: ['openid', 'profile'],
    acrValues: ['high', 'substantial'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name'],
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
    },
    // There is no userinfo endpoint, so the ID token itself carries the profile claims it was asked for.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(basePath, form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage(basePath);
        },
      },
      resourceIndicators: {
        enabled: true,
        // A client that sends no `resource` still gets a JWT for the API: it is the only resource here.
        defaultResource: (_ctx, _client, oneOf) => (oneOf?.length ? oneOf : api),
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator, client): ResourceServer => {
          if (indicator !== api) throw new errors.InvalidTarget('onbekende resource-indicator');
          const scope =
            client.clientId === PORTAL_CLIENT_ID
              ? PORTAL_SCOPE
              : client.clientId === WEB_CLIENT_ID
                ? USER_SCOPES
                : undefined;
          if (scope === undefined)
            throw new errors.InvalidTarget('deze client heeft geen toegang tot de API');
          return {
            audience: API_AUDIENCE,
            scope,
            accessTokenFormat: 'jwt',
            accessTokenTTL: ACCESS_TOKEN_TTL,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // The claims the API reads, beside the standard ones oidc-provider sets (iss, sub, aud, exp, iat,
    // jti, client_id, scope). They never overwrite those.
    extraTokenClaims: (ctx, token) => {
      if (!('accountId' in token) || !token.accountId) return { token_use: 'access' };
      const account = accounts.bySubject(token.accountId);
      if (!account) return { token_use: 'access' };
      const source = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken;
      return {
        token_use: 'access',
        national_number: account.person.nationalNumber,
        ...localGroups(account.person.nationalNumber),
        amr: source?.amr,
        acr: source?.acr,
      };
    },
    findAccount: (_ctx, subject) => {
      const account = accounts.bySubject(subject);
      if (!account) return undefined;
      const { firstName, lastName } = account.person;
      return {
        accountId: subject,
        claims: () => ({
          sub: subject,
          name: `${firstName} ${lastName}`,
          given_name: firstName,
          family_name: lastName,
        }),
      };
    },
    loadExistingGrant: async (ctx) => {
      const { client, session } = ctx.oidc;
      if (!client || !session) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      return client.clientId === WEB_CLIENT_ID ? grantFirstParty(ctx, existing) : existing;
    },
    interactions: {
      url: (_ctx, interaction) => `${basePath}/interaction/${interaction.uid}`,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(basePath, out.error ?? 'server_error', out.error_description);
    },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL,
      ClientCredentials: ACCESS_TOKEN_TTL,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      RefreshToken: 24 * 3600,
    },
  };

  return new Provider(issuer, configuration);
}
