/**
 * A person within an organisation (access patterns 4–7 of keys.ts): the aggregate's items (membership,
 * relationship, grants) in one partition, its history in another, the person list on the sparse index
 * gsi3, and the access projection the portal's check reads. `membershipItems` turns a change of the
 * aggregate into the transaction items the unit of work writes, each edited item guarded by its version.
 */

import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  decodeCursor,
  encodeCursor,
  historyPage,
  strip,
  type TableRef,
  type TransactItem,
} from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys, normalizeSearch, searchText } from '#lib/adapters/dynamodb/keys';
import { type AccessProjection, toAccessProjection } from '#lib/domain/access';
import type { DueEntry } from '#lib/domain/expiry';
import { holdingChanges } from '#lib/domain/holdings';
import type { Membership, PersonAggregate, RightGrant, WorkRelationship } from '#lib/domain/membership';
import { maskNationalNumber } from '#lib/domain/national-number';
import type { MembershipsPort } from '#lib/domain/ports';
import type { AuditSubject, HistoryEntry, Page, PersonListEntry } from '#lib/domain/records';

export class MembershipsStore implements MembershipsPort {
  constructor(private readonly table: TableRef) {}

  private get db() {
    return this.table.db;
  }

  private get tableName() {
    return this.table.tableName;
  }

  /** The person page: membership, relationship and grants in one Query. */
  async load(
    en: string,
    personId: string,
    opts: { consistent?: boolean } = {},
  ): Promise<PersonAggregate | null> {
    const consistent = opts.consistent ?? true;
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.aggregatePk(en, personId) },
        ConsistentRead: consistent,
      }),
    );
    let membership: Membership | null = null;
    let relationship: WorkRelationship | null = null;
    const grants: RightGrant[] = [];
    for (const item of out.Items ?? []) {
      if (item.type === ITEM_TYPES.membership) membership = strip<Membership>(item);
      else if (item.type === ITEM_TYPES.relationship) relationship = strip<WorkRelationship>(item);
      else if (item.type === ITEM_TYPES.grant) grants.push(strip<RightGrant>(item));
    }
    if (!membership) return null;
    grants.sort((a, b) => a.grantId.localeCompare(b.grantId));
    return { membership, relationship, grants };
  }

  /**
   * The pseudonym of a person's membership of an organisation, `null` when the person is not a member:
   * one eventually consistent GetItem that returns only that attribute (for reads keyed per person,
   * such as the logins of the Accounts tab).
   */
  async pseudonymOf(en: string, personId: string): Promise<string | null> {
    const out = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.membership(en, personId),
        ProjectionExpression: 'pseudonym',
      }),
    );
    const pseudonym = out.Item?.pseudonym;
    return typeof pseudonym === 'string' ? pseudonym : null;
  }

  /**
   * A page of an organisation's persons: one eventually consistent Query on the sparse list index
   * (gsi3), newest first; filters apply within the page. The index holds only the list's attributes.
   */
  async list(
    en: string,
    opts: { search?: string; status?: 'pending' | 'active'; cursor?: string; limit: number },
  ): Promise<Page<PersonListEntry>> {
    const pk = keys.personListPk(en);
    const filters: string[] = [];
    const values: Record<string, unknown> = { ':pk': pk };
    const search = opts.search ? normalizeSearch(opts.search) : '';
    if (search) {
      filters.push('contains(searchText, :q)');
      values[':q'] = search;
    }
    if (opts.status) {
      filters.push('#status = :status');
      values[':status'] = opts.status;
    }
    const input: QueryCommandInput = {
      TableName: this.tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: opts.limit,
      ExclusiveStartKey: decodeCursor(opts.cursor, { gsi3pk: pk }),
    };
    if (filters.length > 0) input.FilterExpression = filters.join(' AND ');
    if (opts.status) input.ExpressionAttributeNames = { '#status': 'status' };
    const out = await this.db.send(new QueryCommand(input));
    return {
      items: (out.Items ?? []).map((i) => ({
        personId: String(i.gsi3sk),
        nationalNumber: i.nationalNumber,
        person: i.person,
        nickname: i.nickname ?? null,
        status: i.status,
      })),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  async history(
    en: string,
    personId: string,
    opts: { cursor?: string; limit: number },
  ): Promise<Page<HistoryEntry>> {
    return historyPage<HistoryEntry & { enterpriseNumber: string; personId: string }>(
      this.table,
      keys.historyPk(en, personId),
      opts,
    );
  }

  async accessProjection(pseudonym: string, en: string): Promise<AccessProjection | null> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.access(pseudonym, en) }),
    );
    return out.Item ? strip<AccessProjection>(out.Item) : null;
  }
}

/** Items that make up a change of a person aggregate, its history entry and the access projection. */
export function membershipItems(
  TableName: string,
  loaded: PersonAggregate | null,
  next: PersonAggregate,
  history: HistoryEntry[],
  today: string,
  /** The person leaves the organisation: the membership item goes too (`next` is `emptied(loaded)`). */
  opts: { removed?: boolean } = {},
): TransactItem[] {
  const m = next.membership;
  const en = m.enterpriseNumber;
  const personId = m.personId;
  const items: TransactItem[] = [];

  const membershipItem = {
    ...keys.membership(en, personId),
    ...keys.personListEntry(en, personId),
    type: ITEM_TYPES.membership,
    searchText: searchText(m.person.firstName, m.person.lastName, m.nickname),
    ...m,
    version: loaded ? loaded.membership.version + 1 : 1,
  };
  items.push(
    opts.removed && loaded
      ? {
          Delete: {
            TableName,
            Key: keys.membership(en, personId),
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': loaded.membership.version },
          },
        }
      : {
          Put: {
            TableName,
            Item: membershipItem,
            ...(loaded
              ? {
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: { ':v': loaded.membership.version },
                }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          },
        },
  );

  const prevRel = loaded?.relationship ?? null;
  if (prevRel && !next.relationship) {
    items.push({
      Delete: {
        TableName,
        Key: keys.relationship(en, personId),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': prevRel.version },
      },
    });
  } else if (next.relationship && next.relationship !== prevRel) {
    items.push({
      Put: {
        TableName,
        Item: {
          ...keys.relationship(en, personId),
          ...keys.dueEntry(next.relationship.endDate, 'REL', en, personId),
          type: ITEM_TYPES.relationship,
          enterpriseNumber: en,
          personId,
          ...next.relationship,
        },
        ...(prevRel
          ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': prevRel.version } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    });
  }

  const prevGrants = new Map((loaded?.grants ?? []).map((g) => [g.grantId, g]));
  const nextIds = new Set(next.grants.map((g) => g.grantId));
  for (const g of next.grants) {
    const prev = prevGrants.get(g.grantId);
    if (prev === g) continue;
    items.push({
      Put: {
        TableName,
        Item: {
          ...keys.grant(en, personId, g.grantId),
          ...keys.dueEntry(g.endDate, 'GRANT', en, personId, g.grantId),
          type: ITEM_TYPES.grant,
          enterpriseNumber: en,
          personId,
          ...g,
        },
        ...(prev
          ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': prev.version } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    });
  }
  for (const prev of prevGrants.values()) {
    if (nextIds.has(prev.grantId)) continue;
    items.push({
      Delete: {
        TableName,
        Key: keys.grant(en, personId, prev.grantId),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': prev.version },
      },
    });
  }

  const subject = {
    name: `${m.person.firstName} ${m.person.lastName}`,
    nationalNumber: maskNationalNumber(m.nationalNumber),
  };
  for (const entry of history) items.push(historyItem(TableName, en, personId, entry, subject));
  // What the person holds of each right from today on, when the change alters it (holdings.ts): a later
  // change the same day replaces the day's item, the version condition above keeps writers in order.
  for (const { rightId, holding } of holdingChanges(loaded, next)) {
    items.push({
      Put: {
        TableName,
        Item: {
          ...keys.holding(en, rightId, personId, today),
          type: ITEM_TYPES.holding,
          personId,
          day: today,
          holding,
          subject,
        },
      },
    });
  }

  const accessKey = keys.access(m.pseudonym, en);
  if (next.relationship || next.grants.length > 0) {
    items.push({
      Put: { TableName, Item: { ...accessKey, type: ITEM_TYPES.access, ...toAccessProjection(next) } },
    });
  } else if (prevRel || (loaded?.grants.length ?? 0) > 0) {
    items.push({ Delete: { TableName, Key: accessKey } });
  }
  return items;
}

/** A history entry about a person in an organisation that is not a change of the aggregate. */
export function historyItem(
  tableName: string,
  en: string,
  personId: string,
  entry: HistoryEntry,
  /** Whom it is about, for the organisation's audit trail (its national number masked). */
  subject?: AuditSubject,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.history(en, personId, entry.entryId),
        ...keys.auditEntry(en, entry.entryId),
        type: ITEM_TYPES.history,
        enterpriseNumber: en,
        personId,
        ...(subject ? { subject } : {}),
        ...entry,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Guards a transaction: the item still ends on `endDate` (not extended or edited meanwhile). */
export function stillEndingItem(tableName: string, item: DueEntry): TransactItem {
  const key =
    item.kind === 'relationship'
      ? keys.relationship(item.enterpriseNumber, item.personId)
      : keys.grant(item.enterpriseNumber, item.personId, item.grantId ?? '');
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: key,
      ConditionExpression: 'endDate = :end',
      ExpressionAttributeValues: { ':end': item.endDate },
    },
  };
}
