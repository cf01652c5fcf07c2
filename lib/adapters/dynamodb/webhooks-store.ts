/** Webhook subscriptions (keys.ts 32): a handful of items in one partition, read with one Query. */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, strip, type TableRef } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import { ConcurrentChangeError } from '#lib/domain/errors';
import type { WebhookSubscription, WebhookSubscriptionsPort } from '#lib/domain/webhooks';

export class WebhooksStore implements WebhookSubscriptionsPort {
  constructor(private readonly table: TableRef) {}

  async list(): Promise<WebhookSubscription[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.webhooksPk() },
    });
    return items.map((i) => strip<WebhookSubscription>(i));
  }

  async get(subscriptionId: string): Promise<WebhookSubscription | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.webhook(subscriptionId) }),
    );
    return out.Item ? strip<WebhookSubscription>(out.Item) : null;
  }

  async save(previous: WebhookSubscription | null, next: WebhookSubscription): Promise<void> {
    try {
      await this.table.db.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...keys.webhook(next.subscriptionId), type: ITEM_TYPES.webhook, ...next },
          ...(previous
            ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw new ConcurrentChangeError();
      throw error;
    }
  }

  async remove(subscriptionId: string): Promise<boolean> {
    const out = await this.table.db.send(
      new DeleteCommand({
        TableName: this.table.tableName,
        Key: keys.webhook(subscriptionId),
        ReturnValues: 'ALL_OLD',
      }),
    );
    return out.Attributes !== undefined;
  }
}
