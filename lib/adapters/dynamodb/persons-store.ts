/** People (access pattern 1 of keys.ts): one record per person under the national number's pseudonym. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { strip, type TableRef, type TransactItem } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { PersonsPort, RegisterRead } from '#lib/domain/ports';
import type { PersonRecord } from '#lib/domain/records';

export class PersonsStore implements PersonsPort {
  constructor(private readonly table: TableRef) {}

  async get(pseudonym: string): Promise<PersonRecord | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.person(pseudonym), ConsistentRead: true }),
    );
    return out.Item ? strip<PersonRecord>(out.Item) : null;
  }

  async registerRead(pseudonym: string): Promise<RegisterRead | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.registerRead(pseudonym) }),
    );
    if (!out.Item) return null;
    return { person: out.Item.person as RegisterRead['person'], readAt: String(out.Item.readAt) };
  }

  async rememberRegisterRead(pseudonym: string, read: RegisterRead, keepUntil: string): Promise<void> {
    await this.table.db.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: {
          ...keys.registerRead(pseudonym),
          type: ITEM_TYPES.registerRead,
          person: read.person,
          readAt: read.readAt,
          // DynamoDB's TTL (epoch seconds): the answer does not outstay its use.
          expiration: Math.ceil(Date.parse(keepUntil) / 1000),
        },
      }),
    );
  }
}

export function personItem(
  tableName: string,
  pseudonym: string,
  record: PersonRecord,
  exists: boolean,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.person(pseudonym), type: ITEM_TYPES.person, ...record },
      ...(exists ? {} : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
}
