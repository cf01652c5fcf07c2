/**
 * Local administrators (access patterns 2, 3 and 8 of keys.ts): one item per person and organisation
 * under the person's pseudonym, listed per organisation on gsi1.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { strip, type TableRef, type TransactItem } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { AdminsPort } from '#lib/domain/ports';
import type { AdminRecord } from '#lib/domain/records';

export class AdminsStore implements AdminsPort {
  constructor(private readonly table: TableRef) {}

  /**
   * Strongly consistent (1 RCU instead of 0.5): this read authorises every organisation route, so an
   * administrator removed a moment ago must be refused at once, not after the replicas catch up.
   */
  async get(pseudonym: string, en: string): Promise<AdminRecord | null> {
    const out = await this.table.db.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: keys.admin(pseudonym, en),
        ConsistentRead: true,
      }),
    );
    return out.Item ? strip<AdminRecord>(out.Item) : null;
  }

  async list(en: string): Promise<AdminRecord[]> {
    const out = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.adminListPk(en) },
      }),
    );
    return (out.Items ?? []).map((i) => strip<AdminRecord>(i));
  }

  /** The organisations where this person is local administrator: one Query on their partition. */
  async organisationsOf(pseudonym: string): Promise<AdminRecord[]> {
    const { pk, skPrefix } = keys.adminPrefix(pseudonym);
    const out = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
      }),
    );
    return (out.Items ?? []).map((i) => strip<AdminRecord>(i));
  }
}

/** A new local administrator; fails when already appointed. */
export function adminItem(tableName: string, admin: AdminRecord): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.admin(admin.pseudonym, admin.enterpriseNumber),
        ...keys.adminListEntry(admin.enterpriseNumber, admin.personId),
        type: ITEM_TYPES.admin,
        ...admin,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export function removeAdminItem(tableName: string, admin: AdminRecord): TransactItem {
  return {
    Delete: {
      TableName: tableName,
      Key: keys.admin(admin.pseudonym, admin.enterpriseNumber),
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': admin.version },
    },
  };
}

/** The administrator's record changed (confirmed, a confirmation asked), guarded by its version. */
export function updateAdminItem(tableName: string, previous: AdminRecord, next: AdminRecord): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.admin(next.pseudonym, next.enterpriseNumber),
        ...keys.adminListEntry(next.enterpriseNumber, next.personId),
        type: ITEM_TYPES.admin,
        ...next,
        version: previous.version + 1,
      },
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': previous.version },
    },
  };
}
