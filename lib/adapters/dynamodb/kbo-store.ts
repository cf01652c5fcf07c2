/**
 * The daily KBO follow's own records (access pattern 26 of keys.ts): the last day followed, how far a
 * day's run got (so a run that failed halfway goes on where it stopped), and what it could not handle.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { KboFollowPort } from '#lib/domain/ports';

export class KboStore implements KboFollowPort {
  constructor(private readonly table: TableRef) {}

  async position(date: string): Promise<{ cursor: string | null; done: boolean } | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.kboRun(date), ConsistentRead: true }),
    );
    return out.Item
      ? { cursor: (out.Item.cursor as string | null) ?? null, done: out.Item.done === true }
      : null;
  }

  async savePosition(date: string, cursor: string | null, done: boolean, at: string): Promise<void> {
    await this.table.db.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...keys.kboRun(date), type: ITEM_TYPES.kboFollow, date, cursor, done, at },
      }),
    );
    if (done) {
      await this.table.db
        .send(
          new PutCommand({
            TableName: this.table.tableName,
            Item: { ...keys.kboLast(), type: ITEM_TYPES.kboFollow, date, at },
            // Never back: a run for an earlier day (by hand) leaves the last day as it is.
            ConditionExpression: 'attribute_not_exists(#date) OR #date <= :date',
            ExpressionAttributeNames: { '#date': 'date' },
            ExpressionAttributeValues: { ':date': date },
          }),
        )
        .catch((error: unknown) => {
          if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
        });
    }
  }

  async lastFollowed(): Promise<string | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.kboLast() }),
    );
    return (out.Item?.date as string | undefined) ?? null;
  }

  async recordFailure(date: string, en: string, code: string, at: string): Promise<void> {
    await this.table.db.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: {
          ...keys.kboFailure(date, en),
          type: ITEM_TYPES.kboFailure,
          date,
          enterpriseNumber: en,
          code,
          at,
        },
      }),
    );
  }

  async failures(date: string): Promise<{ enterpriseNumber: string; code: string }[]> {
    const { pk, skPrefix } = keys.kboFailures(date);
    const out = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
      }),
    );
    return (out.Items ?? []).map((i) => ({
      enterpriseNumber: String(i.enterpriseNumber),
      code: String(i.code),
    }));
  }
}
