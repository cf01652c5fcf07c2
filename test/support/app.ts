/**
 * Integration harness: a fresh table on the shared DynamoDB Local, seeded with the demo world, and a
 * `call` that runs a route's real handler file on an API Gateway v2 event, as the Lambda would.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { handlerPath, type Route, routes } from '#functions/routes';
import { type HttpEvent, httpEvent, jwtAuthorizer, lambdaContext } from '#infra/local/events';
import { ROOT } from '#infra/local/stack';
import { createLocalWorkflows, type LocalWorkflows } from '#infra/local/workflows';
import { ENV } from '#lib/config/env-names';
import type { Email } from '#lib/domain/ports';
import { type Deps, resetDeps, setDeps } from '#lib/http/deps';
import { DEMO, seedDemoWorld } from '#lib/services/demo-seed';
import { createTestTable, type TestTable } from './dynamo.ts';

export { DEMO };

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
}

export interface CallResult {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field in tests.
  body: any;
}

type Handler = (event: HttpEvent, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

export function userClaims(nationalNumber: string): Record<string, unknown> {
  return {
    sub: `sub-${nationalNumber.slice(-4)}-${nationalNumber.length}`,
    national_number: nationalNumber,
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

export interface TestApp {
  table: TestTable;
  deps: Deps;
  /** The local Step Functions runner the handlers use, over the real ASL. */
  workflows: LocalWorkflows;
  /** Every e-mail the handlers sent, in order. */
  outbox: Email[];
  call(fn: string, options?: CallOptions): Promise<CallResult>;
  /** Every item of the table, sorted, to prove that a rejected request changed nothing. */
  snapshot(): Promise<Record<string, unknown>[]>;
}

export async function createTestApp(
  options: { today?: string; seed?: boolean; approvalTimeoutMs?: number } = {},
): Promise<TestApp> {
  const table = await createTestTable();
  process.env[ENV.tableName] = table.tableName;
  process.env[ENV.dynamoEndpoint] = table.endpoint;
  process.env[ENV.pseudonymSecret] = randomBytes(32).toString('base64url');
  process.env.AWS_REGION = 'eu-west-1';
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  if (options.today) process.env[ENV.today] = options.today;
  else delete process.env[ENV.today];
  resetDeps();
  const outbox: Email[] = [];
  const workflows = createLocalWorkflows({
    root: ROOT,
    retryIntervalMs: 0,
    ...(options.approvalTimeoutMs !== undefined ? { approvalTimeoutMs: options.approvalTimeoutMs } : {}),
  });
  const deps = await setDeps({
    workflows,
    mailer: {
      async send(email) {
        outbox.push(email);
      },
    },
  });
  if (options.seed !== false) await seedDemoWorld(deps);

  const handlers = new Map<string, Promise<Handler>>();
  const load = (route: Route) => {
    let h = handlers.get(route.fn);
    if (!h) {
      h = import(pathToFileURL(resolve(ROOT, handlerPath(route))).href).then(
        (m: { handler: Handler }) => m.handler,
      );
      handlers.set(route.fn, h);
    }
    return h;
  };

  return {
    table,
    deps,
    workflows,
    outbox,
    async call(fn, o = {}) {
      const route = routeFor(fn);
      const params = o.params ?? {};
      const rawPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(params[name] ?? ''),
      );
      const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
      const event = httpEvent({
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
      const result = await (await load(route))(event, lambdaContext(fn));
      const text = result.body ?? '';
      return {
        status: result.statusCode ?? 200,
        headers: (result.headers ?? {}) as Record<string, string>,
        body: text ? JSON.parse(text) : undefined,
      };
    },
    async snapshot() {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        // A Scan is fine here: tests compare the whole (small) table before and after a request.
        const out = await table.client.send(
          new ScanCommand({ TableName: table.tableName, ConsistentRead: true, ExclusiveStartKey: start }),
        );
        for (const item of out.Items ?? []) items.push(unmarshall(item));
        start = out.LastEvaluatedKey;
      } while (start);
      return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
    },
  };
}
