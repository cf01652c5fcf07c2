/** People (access pattern 1 of keys.ts): one record per person under the national number's pseudonym. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { strip, type TableRef, type TransactItem } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { PersonsPort } from '#lib/domain/ports';
import type { PersonRecord } from '#lib/domain/records';

export class PersonsStore implements PersonsPort {
  constructor(private readonly table: TableRef) {}

  async get(pseudonym: string): Promise<PersonRecord | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.person(pseudonym), ConsistentRead: true }),
    );
    return out.Item ? strip<PersonRecord>(out.Item) : null;
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
