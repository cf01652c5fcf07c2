/** The right catalogue (access pattern 10 of keys.ts): one item per right in one partition. */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { strip, type TableRef } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { RightDefinition } from '#lib/domain/catalogue';
import type { CataloguePort } from '#lib/domain/ports';

export class CatalogueStore implements CataloguePort {
  constructor(private readonly table: TableRef) {}

  async get(rightId: string): Promise<RightDefinition | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.right(rightId) }),
    );
    return out.Item ? strip<RightDefinition>(out.Item) : null;
  }

  async list(): Promise<RightDefinition[]> {
    const { pk, skPrefix } = keys.catalogue();
    const out = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
      }),
    );
    return (out.Items ?? []).map((i) => strip<RightDefinition>(i));
  }

  async put(right: RightDefinition): Promise<void> {
    await this.table.db.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...keys.right(right.rightId), type: ITEM_TYPES.right, ...right },
      }),
    );
  }
}
