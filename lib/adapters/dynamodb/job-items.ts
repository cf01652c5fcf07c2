/**
 * A bulk job's row as an item of a change's transaction (keys.ts 41): apart from the jobs' store, so the
 * unit of work every writing function bundles carries this one builder and not the store and its commands.
 */
import type { TransactItem } from '#lib/adapters/dynamodb/items';
import { keys } from '#lib/adapters/dynamodb/keys';
import type { RowOutcome } from '#lib/domain/bulk';

/** An applied row's outcome, in its change's transaction: only once (a retried chunk finds it there). */
export function jobRowResultItem(
  tableName: string,
  en: string,
  jobId: string,
  index: number,
  outcome: RowOutcome,
): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: keys.jobRow(en, jobId, index),
      UpdateExpression: 'SET #result = :outcome',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#result)',
      ExpressionAttributeNames: { '#result': 'result' },
      ExpressionAttributeValues: { ':outcome': outcome },
    },
  };
}
