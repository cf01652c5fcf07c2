/**
 * A small stand-in for API Gateway's HTTP API: it matches requests against the same route table the
 * CDK stack deploys, verifies bearer tokens as strictly as the JWT authorizer, turns each request
 * into an API Gateway v2 event and calls the very same handler file a Lambda would run.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { handlerPath, type Route } from '#functions/routes';
import { httpEvent, jwtAuthorizer, lambdaContext } from '#infra/local/events';
import type { TokenVerifier } from '#infra/local/verify-token';
import { type MessageParams, negotiateLanguage } from '#lib/domain/i18n/language';
import {
  type ProblemDetailKey,
  type ProblemTitleKey,
  problemDetail,
  problemTitle,
} from '#lib/domain/i18n/problems';

type Handler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway's own payload limit; the handlers enforce the API's smaller limit themselves. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 10_000;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/problem+json',
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** The gateway's own refusals, in the language the request asks for (as the functions' problems). */
function gatewayProblem(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  code: string,
  title: ProblemTitleKey,
  detail: ProblemDetailKey,
  params?: MessageParams,
) {
  const language = negotiateLanguage(req.headers['accept-language']);
  res.setHeader('content-language', language);
  sendJson(res, status, {
    type: `https://gebruikersbeheer.vlaanderen.be/problemen/${code}`,
    title: problemTitle(language, title),
    status,
    code,
    detail: problemDetail(language, detail, params),
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Route-level throttling as API Gateway applies it: a token bucket per route (refilled at
 * `rateLimit` per second up to `burstLimit`). Over the limit → 429 with Retry-After.
 */
function createThrottle() {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (route: Route): boolean => {
    if (!route.throttle) return true;
    const { rateLimit, burstLimit } = route.throttle;
    const now = Date.now();
    const key = `${route.method} ${route.path}`;
    const b = buckets.get(key) ?? { tokens: burstLimit, at: now };
    b.tokens = Math.min(burstLimit, b.tokens + ((now - b.at) / 1000) * rateLimit);
    b.at = now;
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    buckets.set(key, b);
    return allowed;
  };
}

export interface GatewayOptions {
  routes: readonly Route[];
  verifier: TokenVerifier;
  /** Repository root, to resolve `functions/<fn>/handler.ts`. */
  root: string;
  /**
   * One line per request, as the stage's access log in AWS (infra/stacks/api-stack.ts): request id,
   * route, status, latency. Default on; the HTTP bench turns it off to measure the handlers alone.
   */
  accessLog?: boolean;
}

/** The gateway's own log, apart from the functions' (API Gateway writes to its own log group). */
const accessLogger = new Logger({ serviceName: 'api-gateway' });

export function createGateway(options: GatewayOptions) {
  const compiled = options.routes.map(compile);
  const handlers = new Map<string, Promise<Handler>>();
  const admit = createThrottle();
  const load = (route: Route) => {
    let handler = handlers.get(route.fn);
    if (!handler) {
      const url = pathToFileURL(resolve(options.root, handlerPath(route))).href;
      handler = import(url).then((m: { handler: Handler }) => m.handler);
      handlers.set(route.fn, handler);
    }
    return handler;
  };

  /** Handles `/api/...`; returns false for other paths. */
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return false;
    const method = req.method ?? 'GET';
    let params: Record<string, string> = {};
    let match: CompiledRoute | undefined;
    let badEncoding = false;
    for (const c of compiled) {
      const m = c.pattern.exec(url.pathname);
      if (!m) continue;
      if (c.route.method !== method) continue;
      match = c;
      try {
        params = Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
      } catch {
        // "%zz" or a cut-off "%4": API Gateway refuses such a path before any authorizer runs.
        badEncoding = true;
      }
      break;
    }
    if (options.accessLog !== false) {
      const started = performance.now();
      // The route's template, never the path: paths hold ids.
      const routeKey = match ? `${match.route.method} ${match.route.path}` : '$default';
      res.once('finish', () => {
        accessLogger.info('request', {
          requestId: res.getHeader('x-request-id'),
          routeKey,
          status: res.statusCode,
          responseLatency: Math.round(performance.now() - started),
        });
      });
    }
    if (!match) {
      gatewayProblem(res, req, 404, 'route-not-found', 'not-found', 'route-not-found');
      return true;
    }
    if (badEncoding) {
      gatewayProblem(res, req, 400, 'bad-request', 'bad-request', 'bad-request');
      return true;
    }
    const { route } = match;
    if (!admit(route)) {
      res.setHeader('retry-after', '1');
      gatewayProblem(res, req, 429, 'too-many-requests', 'too-many', 'too-many-requests');
      return true;
    }

    let authorizer: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'] | undefined;
    if (route.auth !== 'none') {
      try {
        const verified = await options.verifier.verify(req.headers.authorization);
        authorizer = jwtAuthorizer(verified.claims, verified.scopes);
        if (route.auth === 'service' && (!route.scope || !verified.scopes.includes(route.scope))) {
          gatewayProblem(res, req, 403, 'insufficient-scope', 'forbidden', 'insufficient-scope');
          return true;
        }
      } catch {
        res.setHeader('www-authenticate', 'Bearer');
        gatewayProblem(res, req, 401, 'unauthenticated', 'unauthenticated', 'unauthenticated/token');
        return true;
      }
    }

    const body = await readBody(req);
    if (body === null) {
      gatewayProblem(res, req, 413, 'payload-too-large', 'payload-too-large', 'payload-too-large/gateway');
      return true;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
    }
    const event = httpEvent({
      route,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      pathParameters: params,
      headers,
      body: body.length > 0 ? body.toString('utf8') : undefined,
      authorizer,
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    });
    const context = lambdaContext(route.fn, event.requestContext.requestId, TIMEOUT_MS);
    const requestId = event.requestContext.requestId;

    try {
      const handler = await load(route);
      const result = await handler(event, context);
      const out: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
      if (result.cookies?.length) out['set-cookie'] = result.cookies;
      // Set apart from writeHead's headers, so the access log can read it back.
      res.setHeader('x-request-id', requestId);
      res.writeHead(result.statusCode ?? 200, out);
      res.end(result.body ?? '');
    } catch {
      // API Gateway answers 500 when the integration fails; the function logged the cause itself.
      gatewayProblem(res, req, 500, 'internal', 'internal', 'internal/request', { requestId });
    }
    return true;
  };
}
