/**
 * Organisations (access patterns 9, 24 and 25 of keys.ts): the name the KBO gave and what the KBO said
 * at its last reading, listed on gsi1 (`ORGS`) for the daily KBO follow, with a history of their own for
 * what the KBO changed (a stop, the legal representatives).
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  decodeCursor,
  encodeCursor,
  historyPage,
  strip,
  type TableRef,
  type TransactItem,
} from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { OrganisationsPort } from '#lib/domain/ports';
import type { HistoryEntry, OrganisationRecord, Page } from '#lib/domain/records';

export class OrganisationsStore implements OrganisationsPort {
  constructor(private readonly table: TableRef) {}

  async get(en: string): Promise<OrganisationRecord | null> {
    const out = await this.table.db.send(
      new GetCommand({ TableName: this.table.tableName, Key: keys.organisation(en), ConsistentRead: true }),
    );
    return out.Item ? strip<OrganisationRecord>(out.Item) : null;
  }

  /** Creates the organisation or renames it; what the KBO said and its version stay. */
  async put(en: string, name: string): Promise<void> {
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: keys.organisation(en),
        UpdateExpression:
          'SET #type = :type, enterpriseNumber = :en, #name = :name, gsi1pk = :lpk, gsi1sk = :lsk',
        ExpressionAttributeNames: { '#type': 'type', '#name': 'name' },
        ExpressionAttributeValues: {
          ':type': ITEM_TYPES.organisation,
          ':en': en,
          ':name': name,
          ':lpk': keys.organisationListEntry(en).gsi1pk,
          ':lsk': keys.organisationListEntry(en).gsi1sk,
        },
      }),
    );
  }

  async list(opts: { cursor?: string | null; limit: number }): Promise<Page<string>> {
    const pk = { gsi1pk: keys.organisationListPk() };
    const out = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': pk.gsi1pk },
        ProjectionExpression: 'enterpriseNumber',
        Limit: opts.limit,
        ExclusiveStartKey: decodeCursor(opts.cursor ?? undefined, pk),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => String(i.enterpriseNumber)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  async history(
    en: string,
    opts: { cursor?: string | undefined; limit: number },
  ): Promise<Page<HistoryEntry>> {
    return historyPage<HistoryEntry & { enterpriseNumber: string }>(
      this.table,
      keys.organisationHistoryPk(en),
      opts,
    );
  }
}

/**
 * The organisation as `next`, guarded by the version it was read with (an item written by `put` alone
 * has none yet), so two readers of the KBO never both act on one change.
 */
export function organisationItem(
  tableName: string,
  previous: OrganisationRecord | null,
  next: OrganisationRecord,
): TransactItem {
  const version = previous?.version;
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.organisation(next.enterpriseNumber),
        ...keys.organisationListEntry(next.enterpriseNumber),
        type: ITEM_TYPES.organisation,
        ...next,
        version: (version ?? 0) + 1,
      },
      ...(previous === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : version === undefined
          ? { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(version)' }
          : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': version } }),
    },
  };
}

export function organisationHistoryItem(tableName: string, en: string, entry: HistoryEntry): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.organisationHistory(en, entry.entryId),
        ...keys.auditEntry(en, entry.entryId),
        type: ITEM_TYPES.organisationHistory,
        enterpriseNumber: en,
        ...entry,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** A condition of the transaction: the organisation is not stopped in the KBO (or not read yet). */
export function activeOrganisationItem(tableName: string, en: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: keys.organisation(en),
      ConditionExpression: 'attribute_not_exists(kbo.#status) OR kbo.#status <> :stopped',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':stopped': 'stopped' },
    },
  };
}
