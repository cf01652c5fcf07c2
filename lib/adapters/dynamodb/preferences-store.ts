/**
 * A person's preferences (access pattern 12 of keys.ts): the last organisation chosen and how they hear
 * about what ends soon. One item, each field set on its own, so a change of one never overwrites
 * another written meanwhile; the version counts the writes.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import { ConcurrentChangeError } from '#lib/domain/errors';
import { DEFAULT_LANGUAGE, isLanguage } from '#lib/domain/i18n/language';
import { DEFAULT_NOTIFICATIONS, NOTIFICATION_FREQUENCIES } from '#lib/domain/notifications';
import type { PreferencesPort } from '#lib/domain/ports';
import type { Preferences, PreferencesChange } from '#lib/domain/records';

/** The item as the domain knows it; a field never saved has its default (older items lack the later ones). */
function toPreferences(item: Record<string, unknown>): Preferences {
  const notifications = item.notifications as { frequency?: unknown } | undefined;
  const frequency = NOTIFICATION_FREQUENCIES.find((f) => f === notifications?.frequency);
  return {
    lastOrganisation: typeof item.lastOrganisation === 'string' ? item.lastOrganisation : null,
    notifications: frequency ? { frequency } : { ...DEFAULT_NOTIFICATIONS },
    language: isLanguage(item.language) ? item.language : DEFAULT_LANGUAGE,
    version: typeof item.version === 'number' ? item.version : 0,
  };
}

export class PreferencesStore implements PreferencesPort {
  constructor(private readonly table: TableRef) {}

  async get(pseudonym: string): Promise<Preferences | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.preferences(pseudonym) }),
    );
    return out.Item ? toPreferences(out.Item) : null;
  }

  /** One UpdateItem, no history: SET for each field given, ADD for the version. */
  async update(
    pseudonym: string,
    change: PreferencesChange,
    opts: { ifVersion?: number } = {},
  ): Promise<Preferences> {
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = { ':type': ITEM_TYPES.preferences, ':one': 1 };
    const sets = ['#type = :type'];
    // Each field by name, so a new preference is one more entry in PreferencesChange and nothing here.
    for (const [field, value] of Object.entries(change)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    let condition: string | undefined;
    if (opts.ifVersion !== undefined) {
      condition = opts.ifVersion === 0 ? 'attribute_not_exists(version)' : 'version = :expected';
      if (opts.ifVersion !== 0) values[':expected'] = opts.ifVersion;
    }
    try {
      const out = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.preferences(pseudonym),
          UpdateExpression: `SET ${sets.join(', ')} ADD version :one`,
          ...(condition ? { ConditionExpression: condition } : {}),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toPreferences(out.Attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConcurrentChangeError();
      throw error;
    }
  }
}
