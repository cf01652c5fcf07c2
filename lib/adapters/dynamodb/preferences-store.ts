/** A person's preferences (access pattern 12 of keys.ts): the last organisation chosen. */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { strip, type TableRef } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { PreferencesPort } from '#lib/domain/ports';
import type { Preferences } from '#lib/domain/records';

export class PreferencesStore implements PreferencesPort {
  constructor(private readonly table: TableRef) {}

  async get(pseudonym: string): Promise<Preferences | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.preferences(pseudonym) }),
    );
    return out.Item ? strip<Preferences>(out.Item) : null;
  }

  /** One UpdateItem, no history: the version only counts the writes. */
  async put(pseudonym: string, preferences: Omit<Preferences, 'version'>): Promise<Preferences> {
    const out = await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: keys.preferences(pseudonym),
        UpdateExpression: 'SET #type = :type, lastOrganisation = :org ADD version :one',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':type': ITEM_TYPES.preferences,
          ':org': preferences.lastOrganisation,
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<Preferences>(out.Attributes ?? {});
  }
}
