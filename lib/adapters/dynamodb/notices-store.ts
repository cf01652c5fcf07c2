/**
 * "This was done" markers (access pattern 18 of keys.ts): an e-mail sent, a task opened. A transaction
 * that does the thing writes the marker too and fails when it is already there; a marker written after
 * the fact (an e-mail) is a conditional PutItem of its own.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef, TransactItem } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { Notice } from '#lib/domain/expiry';
import type { NoticesPort } from '#lib/domain/ports';

export class NoticesStore implements NoticesPort {
  constructor(private readonly table: TableRef) {}

  private get db() {
    return this.table.db;
  }

  private get tableName() {
    return this.table.tableName;
  }

  async has(en: string, personId: string, what: string): Promise<boolean> {
    const out = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.notice(en, personId, what),
        ConsistentRead: true,
      }),
    );
    return out.Item !== undefined;
  }

  /** Writes a marker on its own (after the thing was done); false when it was already there. */
  async put(en: string, personId: string, what: string, at: string): Promise<boolean> {
    try {
      await this.db.send(new PutCommand(noticePut(this.tableName, en, personId, what, { at })));
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}

/** A new marker; the transaction it is part of fails when the marker is already there. */
export function noticeItem(
  tableName: string,
  en: string,
  personId: string,
  what: string,
  fields: { at: string; status?: Notice['status']; taskId?: string; individually?: string[] },
): TransactItem {
  return { Put: noticePut(tableName, en, personId, what, fields) };
}

function noticePut(
  tableName: string,
  en: string,
  personId: string,
  what: string,
  fields: { at: string; status?: Notice['status']; taskId?: string; individually?: string[] },
) {
  return {
    TableName: tableName,
    Item: { ...keys.notice(en, personId, what), type: ITEM_TYPES.notice, ...fields },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}
