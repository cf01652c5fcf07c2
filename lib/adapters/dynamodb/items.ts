/**
 * What every entity module of the table shares: the transaction item type, stripping the generic key
 * attributes from a read item, list cursors (opaque to clients, checked against their list), reading a
 * whole partition and writing many plain items.
 */
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  paginateQuery,
  QueryCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Every entity module is built on the same client and table. */
export interface TableRef {
  readonly db: DynamoDBDocumentClient;
  readonly tableName: string;
}

const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'type',
  'searchText',
] as const;

/** The item without the table's generic key attributes: the entity as the domain knows it. */
export function strip<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const k of KEY_ATTRIBUTES) delete copy[k];
  return copy as T;
}

export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(
  cursor: string | undefined,
  expectedPk: Record<string, string>,
): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    // A cursor is only valid for the list it came from: refuse one crafted for another partition.
    for (const [k, v] of Object.entries(expectedPk)) if (key[k] !== v) return undefined;
    // Exactly the key attributes of the table and of the index, all text: DynamoDB answers any other
    // start key with a ValidationException, which must not become a 500.
    const names = new Set(['pk', 'sk']);
    for (const k of Object.keys(expectedPk)) names.add(k).add(k.replace(/pk$/, 'sk'));
    const entries = Object.entries(key);
    if (entries.length !== names.size) return undefined;
    if (entries.some(([k, v]) => !names.has(k) || typeof v !== 'string' || v === '')) return undefined;
    return key;
  } catch {
    return undefined;
  }
}

/**
 * A page of one partition whose sort keys are ULIDs, newest first: a history (a person's in an
 * organisation, or the organisation's) or the change events' outbox.
 */
export async function historyPage<T>(
  table: TableRef,
  pk: string,
  opts: { cursor?: string | undefined; limit: number; consistent?: boolean },
): Promise<{ items: T[]; cursor: string | null }> {
  const out = await table.db.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: opts.limit,
      ...(opts.consistent ? { ConsistentRead: true } : {}),
      ExclusiveStartKey: decodeCursor(opts.cursor, { pk }),
    }),
  );
  return { items: (out.Items ?? []).map((i) => strip<T>(i)), cursor: encodeCursor(out.LastEvaluatedKey) };
}

/** Every item a Query finds, page after page (for a partition that may pass 1 MB). */
export async function queryAll(
  table: TableRef,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client: table.db }, { TableName: table.tableName, ...input }))
    items.push(...(page.Items ?? []));
  return items;
}

/** BatchWriteItem's limit. */
const BATCH = 25;
/** Batches in flight at once: fast, without a burst that a provisioned table would throttle. */
const BATCHES_AT_ONCE = 4;

/**
 * Puts many items, 25 a BatchWriteItem, four batches at a time; what DynamoDB leaves unprocessed is sent
 * again after a growing wait. Plain puts, no condition: for items nobody else writes yet (a campaign's
 * lines while it opens, a job's rows before it starts).
 */
export async function putAll(table: TableRef, items: Record<string, unknown>[]): Promise<void> {
  type Request = { PutRequest: { Item: Record<string, unknown> } };
  const write = async (chunk: Request[]) => {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const out = await table.db.send(
        new BatchWriteCommand({ RequestItems: { [table.tableName]: pending } }),
      );
      pending = (out.UnprocessedItems?.[table.tableName] ?? []) as Request[];
      if (attempt > 8 && pending.length > 0) throw new Error('BatchWriteItem kept leaving items unprocessed');
    }
  };
  const batches: Request[][] = [];
  for (let i = 0; i < items.length; i += BATCH)
    batches.push(items.slice(i, i + BATCH).map((Item) => ({ PutRequest: { Item } })));
  for (let i = 0; i < batches.length; i += BATCHES_AT_ONCE)
    await Promise.all(batches.slice(i, i + BATCHES_AT_ONCE).map(write));
}
