/**
 * Items written straight into a table, for tests and `npm run bench` that need many of them: a grant
 * item with the keys the store gives it, and a parallel BatchWriteItem that retries what is left
 * unprocessed. No vitest in here.
 */
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';

/** A grant item as the store keys it (its own keys and its by-date index entry), with `fields` added. */
export function grantItem(
  ids: { enterpriseNumber: string; personId: string; grantId: string; endDate: string },
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const { enterpriseNumber: en, personId, grantId, endDate } = ids;
  return {
    ...keys.grant(en, personId, grantId),
    ...keys.dueEntry(endDate, 'GRANT', en, personId, grantId),
    type: ITEM_TYPES.grant,
    enterpriseNumber: en,
    personId,
    grantId,
    endDate,
    ...fields,
  };
}

/** Writes `items` in batches of 25 over `workers` parallel workers, retrying unprocessed items with backoff. */
export async function batchPut(
  client: DynamoDBClient,
  tableName: string,
  items: Record<string, unknown>[],
  workers = 8,
): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < items.length; i += 25) {
    batches.push(items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: marshall(item) } })));
  }
  let next = 0;
  const worker = async () => {
    for (let b = next++; b < batches.length; b = next++) {
      let requests = batches[b]!;
      for (let attempt = 0; requests.length > 0; attempt++) {
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
        requests = out.UnprocessedItems?.[tableName] ?? [];
        if (requests.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 6)));
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}
