/**
 * The handlers in-process, as the Lambda runs them: a route's real handler file called on an API Gateway
 * v2 event (as the local gateway builds it after the JWT authorizer), and a workflow function's file on
 * its input. Shared by the integration harness (app.ts) and `npm run bench`; no vitest in here.
 */

import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { handlerPath, type Route, routes } from '#functions/routes';
import { workflowFunctions, workflowHandlerPath } from '#functions/workflows';
import { type HttpEvent, httpEvent, jwtAuthorizer, lambdaContext } from '#infra/local/events';
import { localGroups } from '#infra/local/helpdesk';
import { type MagdaConnection, pointAtMagda } from '#infra/local/stack';
import { ENV } from '#lib/config/env-names';

/** The repository root, where the handler files are. */
const ROOT = resolve(import.meta.dirname, '../..');

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Raw body text, sent as is (for malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** National number of the caller; omit for an anonymous call. */
  as?: string;
  /** A relying portal's client-credentials token with these scopes (e.g. ['access/check']). */
  asService?: string[];
  /**
   * The function's time limit (default Lambda's 10 s here). Load tests that run dozens of requests in
   * this one process, where AWS would run as many Lambdas, give them room: they test outcomes, not speed.
   */
  timeoutMs?: number;
}

export interface CallResult {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field.
  body: any;
}

export function userClaims(nationalNumber: string): Record<string, unknown> {
  return {
    sub: `sub-${nationalNumber.slice(-4)}-${nationalNumber.length}`,
    national_number: nationalNumber,
    ...localGroups(nationalNumber),
    token_use: 'access',
    client_id: 'gebruikersbeheer-web',
    scope: 'openid profile',
  };
}

export function serviceClaims(scopes: string[]): Record<string, unknown> {
  return {
    sub: 'kmo-portefeuille',
    client_id: 'kmo-portefeuille',
    token_use: 'access',
    scope: scopes.join(' '),
  };
}

export function routeFor(fn: string): Route {
  const route = routes.find((r) => r.fn === fn);
  if (!route) throw new Error(`No route for ${fn}`);
  return route;
}

/**
 * Points the handlers (their next `getDeps()`) at a table: name, endpoint, a fresh pseudonym secret, the
 * region, the day they take for today (none: the real day), and MAGDA (the stand-in); without MAGDA the
 * demo registries, chosen explicitly (`npm run bench`'s capacity world, which brings its own register).
 */
export function configureHandlers(
  table: { tableName: string; endpoint: string },
  today?: string,
  magda?: MagdaConnection,
): void {
  if (magda) pointAtMagda(magda);
  else process.env[ENV.registries] = 'demo';
  process.env[ENV.tableName] = table.tableName;
  process.env[ENV.dynamoEndpoint] = table.endpoint;
  process.env[ENV.pseudonymSecret] = randomBytes(32).toString('base64url');
  process.env.AWS_REGION = 'eu-west-1';
  if (today) process.env[ENV.today] = today;
  else delete process.env[ENV.today];
}

type Handler = (event: unknown, context: unknown) => Promise<unknown>;
const loaded = new Map<string, Promise<Handler>>();

/** A handler file's `handler`, imported once. */
function load(file: string): Promise<Handler> {
  let handler = loaded.get(file);
  if (!handler) {
    handler = import(pathToFileURL(resolve(ROOT, file)).href).then((m: { handler: Handler }) => m.handler);
    loaded.set(file, handler);
  }
  return handler;
}

/** An API Gateway v2 event for a route, as the local gateway builds it after the JWT authorizer. */
export function eventFor(fn: string, o: CallOptions = {}): HttpEvent {
  const route = routeFor(fn);
  const params = o.params ?? {};
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
  return httpEvent({
    route,
    rawPath,
    rawQueryString: new URLSearchParams(o.query ?? {}).toString(),
    pathParameters: params,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
    body,
    authorizer: o.as
      ? jwtAuthorizer(userClaims(o.as))
      : o.asService
        ? jwtAuthorizer(serviceClaims(o.asService), o.asService)
        : undefined,
  });
}

/** Runs a route's handler file on an event, as the Lambda would. */
export async function call(fn: string, o: CallOptions = {}): Promise<CallResult> {
  const handler = await load(handlerPath(routeFor(fn)));
  const result = (await handler(
    eventFor(fn, o),
    lambdaContext(fn, undefined, o.timeoutMs),
  )) as APIGatewayProxyStructuredResultV2;
  const text = result.body ?? '';
  const headers = (result.headers ?? {}) as Record<string, string>;
  const json = /json/.test(headers['content-type'] ?? 'application/json');
  return {
    status: result.statusCode ?? 200,
    headers,
    // A download (CSV) comes back as its text.
    body: text ? (json ? JSON.parse(text) : text) : undefined,
  };
}

/** Runs a workflow function's handler file on its input, as the state machine's Task state would. */
export async function invokeWorkflowStep(fn: string, input: unknown): Promise<unknown> {
  const spec = workflowFunctions.find((f) => f.fn === fn);
  if (!spec) throw new Error(`No workflow function ${fn}`);
  return (await load(workflowHandlerPath(spec)))(input, lambdaContext(fn));
}
