/** Organisations (access pattern 9 of keys.ts): the name the KBO gave, kept for the lists. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { strip, type TableRef } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { OrganisationsPort } from '#lib/domain/ports';

export class OrganisationsStore implements OrganisationsPort {
  constructor(private readonly table: TableRef) {}

  async get(en: string): Promise<{ enterpriseNumber: string; name: string } | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.organisation(en) }),
    );
    return out.Item ? strip(out.Item) : null;
  }

  async put(en: string, name: string): Promise<void> {
    await this.table.db.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...keys.organisation(en), type: ITEM_TYPES.organisation, enterpriseNumber: en, name },
      }),
    );
  }
}
