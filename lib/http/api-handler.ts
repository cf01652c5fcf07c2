/**
 * The middy stack every HTTP function shares, so handlers hold only their use case: logging context,
 * problem+json errors, header normalisation, optional idempotency, authentication from the JWT
 * authorizer's claims, the local-administrator check, and zod validation of path, query and body.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type * as z from 'zod/v4/core';
import {
  DomainError,
  ForbiddenError,
  fieldError,
  PreconditionRequiredError,
  UnauthenticatedError,
  ValidationError,
} from '#lib/domain/errors';
import { type Language, negotiateLanguage } from '#lib/domain/i18n/language';
import { parseNationalNumber } from '#lib/domain/national-number';
import type { Actor, AdminRecord } from '#lib/domain/records';
import { errorToProblem, problemResponse } from '#lib/http/problem';
import { parseOrThrow } from '#lib/http/validation';
import { getDeps } from '#lib/runtime/deps';
import { logger } from '#lib/runtime/logger';
import type { Deps } from '#lib/services/deps';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

export const MAX_BODY_BYTES = 256 * 1024;

/** Whether the person holds a KBO function for the enterprise today. */
export type RepresentativeCheck = (
  deps: Deps,
  enterpriseNumber: string,
  nationalNumber: string,
) => Promise<boolean>;

export interface Caller {
  /** The person's pseudonym (HMAC of the national number), for key lookups. */
  pseudonym: string;
  nationalNumber: string;
  claims: Record<string, unknown>;
  /** Cognito groups of the token (`cognito:groups`): `helpdesk` for the helpdesk (VLAIO 1700). */
  groups: string[];
}

export const HELPDESK_GROUP = 'helpdesk';

/** What a spec says about its caller, read from the spec's literal type. */
type Flags = {
  auth: ApiSpec<never, never, never>['auth'];
  admin?: boolean;
  readAhead?: boolean;
  ifMatch?: boolean;
};

/**
 * The request a handler gets, narrowed by its spec: `auth: 'user'` gives a `caller`; `admin: true`
 * (without `readAhead`) gives the local administrator's record and the `actor`; `ifMatch: true` gives
 * the version. So handlers need no non-null assertions.
 */
export interface ApiRequest<B, Q, P, S extends Flags = Flags> {
  body: B;
  query: Q;
  params: P;
  caller: S extends { auth: 'user' } ? Caller : Caller | null;
  /** Set when the spec asks for a local administrator of the organisation in the path. */
  admin: S extends { admin: true; readAhead?: false | undefined } ? AdminRecord : AdminRecord | null;
  actor: S extends { admin: true; readAhead?: false | undefined } ? Actor : Actor | null;
  ifMatch: S extends { ifMatch: true } ? number : number | undefined;
  idempotencyKey: string | undefined;
  /** The caller's language (`Accept-Language`), for texts in the answer; problems follow it by themselves. */
  language: Language;
  deps: Deps;
  event: HttpEvent;
}

export interface ApiResult {
  status: number;
  body?: unknown;
  /** A body that is not JSON (a CSV download): sent as it is, with its content type. */
  text?: { contentType: string; body: string };
  etag?: number;
  headers?: Record<string, string>;
}

export interface ApiSpec<BS extends z.$ZodType, QS extends z.$ZodType, PS extends z.$ZodType> {
  auth: 'none' | 'user' | 'service';
  /** For `service`: the scope the client-credentials token must carry. */
  scope?: string;
  /**
   * Who may act on `{enterpriseNumber}` in the path: a local administrator (`admin`), a legal
   * representative according to the KBO at the time of the call (`representative`), or either.
   */
  admin?: boolean;
  /**
   * The check itself, passed by the handler (lib/services/kbo/read.ts `isLegalRepresentative`): it reads
   * the KBO, so only the functions that ask it bundle it.
   */
  representative?: RepresentativeCheck;
  params?: PS;
  query?: QS;
  body?: BS;
  /** PATCH/DELETE: an If-Match with the item's version is required (428 without). */
  ifMatch?: boolean;
  /**
   * POST: honour an Idempotency-Key header. Pass `lazyIdempotency` from `#lib/http/idempotency`, so only
   * the functions that use it bundle Powertools' idempotency utility.
   */
  idempotent?: () => MiddlewareObj;
  /** Load the dependencies (table, registries). Default: only for authenticated routes. */
  data?: boolean;
  /**
   * Read-only organisation routes: the use case's reads start together with the local-administrator
   * check instead of after it (one DynamoDB round trip less per page). Its answer is used only when
   * the check passes; otherwise the caller gets the same 403 as before, whatever the read found. The
   * use case gets no `admin` or `actor`.
   */
  readAhead?: boolean;
  /** The helpdesk's routes: only a caller in the helpdesk group (403 for anyone else, before any input is read). */
  helpdesk?: boolean;
}

type Out<S> = S extends z.$ZodType ? z.output<S> : undefined;

function readBody(event: HttpEvent): unknown {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new (class extends DomainError {
      readonly status = 413;
      readonly titleKey = 'payload-too-large';
    })('payload-too-large');
  }
  if (text.trim() === '') return {};
  const type = event.headers['content-type'] ?? '';
  if (!/^application\/([a-z.+-]+\+)?json\b/i.test(type)) {
    throw new (class extends DomainError {
      readonly status = 415;
      readonly titleKey = 'unsupported-media-type';
    })('unsupported-media-type');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError([fieldError('', 'invalid-json')]);
  }
}

function readIfMatch(event: HttpEvent): number | undefined {
  const header = event.headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,12})"?\s*$/.exec(header);
  if (!match) {
    throw new ValidationError([fieldError('If-Match', 'if-match-invalid')]);
  }
  return Number(match[1]);
}

function readClaims(event: HttpEvent): Record<string, unknown> {
  const claims = event.requestContext.authorizer?.jwt?.claims as Record<string, unknown> | undefined;
  // API Gateway's JWT authorizer cannot tell an ID token from an access token: refuse anything but
  // an access token here (Cognito and the local issuer both set token_use).
  if (claims?.token_use !== 'access') throw new UnauthenticatedError();
  return claims;
}

function readCaller(event: HttpEvent, deps: Deps): Caller {
  const claims = readClaims(event);
  const nrn = parseNationalNumber(claims.national_number);
  if (!nrn.ok) throw new UnauthenticatedError();
  const groups = claims['cognito:groups'];
  return {
    pseudonym: deps.pseudonymize(nrn.value.value),
    nationalNumber: nrn.value.value,
    claims,
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
  };
}

/** A relying service's client-credentials token: checked for its scope again, behind the gateway. */
function requireScope(event: HttpEvent, scope: string | undefined): void {
  const claims = readClaims(event);
  const scopes = new Set([
    ...(event.requestContext.authorizer?.jwt?.scopes ?? []),
    ...String(claims.scope ?? '').split(' '),
  ]);
  if (!scope || !scopes.has(scope)) {
    throw new ForbiddenError('insufficient-scope');
  }
}

/** The language asked for (`Accept-Language`, any spelling of the name: errors may come before normalising). */
function languageOf(event: HttpEvent | undefined): Language {
  const headers = event?.headers ?? {};
  const name = Object.keys(headers).find((h) => h.toLowerCase() === 'accept-language');
  return negotiateLanguage(name ? headers[name] : undefined);
}

function toResult(result: ApiResult): HttpResult {
  const headers: Record<string, string> = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...result.headers,
  };
  if (result.etag !== undefined) headers.etag = `"${result.etag}"`;
  if (result.text) {
    headers['content-type'] = result.text.contentType;
    return { statusCode: result.status, headers, body: result.text.body };
  }
  if (result.body === undefined) return { statusCode: result.status, headers };
  headers['content-type'] = 'application/json; charset=utf-8';
  return { statusCode: result.status, headers, body: JSON.stringify(result.body) };
}

/** Registered first, so its onError runs last and sees every error, including the middlewares'. */
function problemMiddleware(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: async (request) => {
      const correlationId = request.context?.awsRequestId ?? 'unknown';
      request.response = errorToProblem(request.error, correlationId, languageOf(request.event));
      // Only failures on our side are logged as errors. The idempotency refusals (4xx) are not: they
      // carry the stored record, with the earlier response and its personal data.
      const status = request.response.statusCode ?? 500;
      if (!(request.error instanceof DomainError) && status >= 500) {
        logger.error('request failed', { error: request.error as Error });
      }
    },
  };
}

/**
 * API Gateway's access log already has every request (route, status, latency). The function adds an
 * INFO line only for answers of 400 and up, with the problem code the access log cannot know; the
 * others are DEBUG, so the busiest routes (the access check) do not pay for every call twice.
 */
function accessLog(): MiddlewareObj<HttpEvent, HttpResult> {
  const started = new WeakMap<object, number>();
  const log = (request: { event: HttpEvent; response?: HttpResult | null | undefined; error?: unknown }) => {
    const status = request.response?.statusCode;
    const refused = status === undefined || status >= 400;
    const t0 = started.get(request.event) ?? Date.now();
    const entry = { route: request.event.routeKey, status, ms: Date.now() - t0 };
    if (refused) {
      const code = request.error instanceof DomainError ? request.error.code : undefined;
      logger.info('request', code ? { ...entry, code } : entry);
    } else logger.debug('request', entry);
  };
  return {
    before: async (request) => {
      started.set(request.event, Date.now());
    },
    after: async (request) => log(request),
    onError: async (request) => log(request),
  };
}

export function apiHandler<const S extends ApiSpec<z.$ZodType, z.$ZodType, z.$ZodType>>(
  spec: S,
  fn: (request: ApiRequest<Out<S['body']>, Out<S['query']>, Out<S['params']>, S>) => Promise<ApiResult>,
) {
  type BS = S['body'];
  type QS = S['query'];
  type PS = S['params'];
  type Request = ApiRequest<Out<BS>, Out<QS>, Out<PS>, S>;
  const stack = middy<HttpEvent, HttpResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(accessLog())
    .use(problemMiddleware())
    .use(httpHeaderNormalizer());
  if (spec.idempotent) stack.use(spec.idempotent());
  return stack.handler(async (event) => {
    // Public routes without data (health, OpenAPI) must work without any table configuration.
    const deps = (spec.data ?? spec.auth !== 'none') ? await getDeps() : (undefined as unknown as Deps);
    if (spec.auth === 'service') requireScope(event, spec.scope);
    const caller = spec.auth === 'user' ? readCaller(event, deps) : null;
    if (spec.helpdesk && !caller?.groups.includes(HELPDESK_GROUP)) {
      throw new ForbiddenError('forbidden', 'forbidden/helpdesk-only');
    }
    const language = languageOf(event);
    const params = (
      spec.params ? parseOrThrow(spec.params, event.pathParameters ?? {}, 'path', language) : undefined
    ) as Out<PS>;
    const run = async (admin: AdminRecord | null) => {
      const query = (
        spec.query
          ? parseOrThrow(spec.query, event.queryStringParameters ?? {}, 'query', language)
          : undefined
      ) as Out<QS>;
      const body = (
        spec.body ? parseOrThrow(spec.body, readBody(event), '', language) : undefined
      ) as Out<BS>;
      const ifMatch = readIfMatch(event);
      if (spec.ifMatch && ifMatch === undefined) throw new PreconditionRequiredError();
      // The checks above make the narrowed fields true: a user route has its caller, an admin route
      // (not read ahead) its administrator, an If-Match route its version.
      return fn({
        body,
        query,
        params,
        caller,
        admin,
        actor: admin ? { personId: admin.personId, name: admin.name } : null,
        ifMatch,
        idempotencyKey: event.headers['idempotency-key'],
        language,
        deps,
        event,
      } as Request);
    };
    if (!spec.admin && !spec.representative) return toResult(await run(null));
    const en = (params as { enterpriseNumber?: string } | undefined)?.enterpriseNumber;
    const check = authorize(spec, deps, caller, en);
    if (!spec.readAhead) return toResult(await run(await check));
    // Both settle before anything is answered: a refusal wins over whatever the read found or failed on.
    const [checked, result] = await Promise.allSettled([check, run(null)]);
    if (checked.status === 'rejected') throw checked.reason;
    if (result.status === 'rejected') throw result.reason;
    return toResult(result.value);
  });
}

/**
 * Who may act on the organisation in the path: a local administrator (their record is returned), or,
 * where the spec allows it, a legal representative according to the KBO at the time of the call.
 */
async function authorize(
  spec: { admin?: boolean; representative?: RepresentativeCheck },
  deps: Deps,
  caller: Caller | null,
  en: string | undefined,
): Promise<AdminRecord | null> {
  const admin = spec.admin && caller && en ? await deps.admins.get(caller.pseudonym, en) : null;
  const allowed =
    admin !== null ||
    (spec.representative && caller && en
      ? await spec.representative(deps, en, caller.nationalNumber)
      : false);
  if (!allowed) throw new ForbiddenError();
  return admin;
}

export { problemResponse };
