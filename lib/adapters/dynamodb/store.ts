/**
 * The DynamoDB store: one method per access pattern of keys.ts, and `commit`, which writes a domain
 * change, its history entry and the access projection in one TransactWriteItems, each edited item
 * guarded by its version.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES, keys, normalizeSearch, searchText } from '#lib/adapters/dynamodb/keys';
import { type AccessProjection, toAccessProjection } from '#lib/domain/access';
import type { RightDefinition } from '#lib/domain/catalogue';
import type {
  Membership,
  PersonAggregate,
  PersonDetails,
  RightGrant,
  WorkRelationship,
} from '#lib/domain/membership';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A condition of the transaction failed: someone else changed the aggregate first. Callers retry. */
export class ConcurrentChangeError extends Error {
  constructor() {
    super('concurrent change');
    this.name = 'ConcurrentChangeError';
  }
}

export interface Actor {
  personId: string;
  name: string;
}

export interface HistoryEntry {
  entryId: string;
  at: string;
  actor: Actor;
  action: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export interface PersonRecord {
  personId: string;
  nationalNumber: string;
  person: PersonDetails;
}

export interface AdminRecord {
  enterpriseNumber: string;
  personId: string;
  /** Kept so the record can be found again from the organisation's list (the key is NRN#{pseudonym}). */
  pseudonym: string;
  name: string;
  appointedAt: string;
  appointedBy: string;
  version: number;
}

export interface Preferences {
  lastOrganisation: string | null;
  version: number;
}

/** A row of the person list: what the list index (gsi3) holds of a membership. */
export type PersonListEntry = Pick<
  Membership,
  'personId' | 'nationalNumber' | 'person' | 'nickname' | 'status'
>;

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'type',
  'searchText',
] as const;

function strip<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const k of KEY_ATTRIBUTES) delete copy[k];
  return copy as T;
}

export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(
  cursor: string | undefined,
  expectedPk: Record<string, string>,
): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    // A cursor is only valid for the list it came from: refuse one crafted for another partition.
    for (const [k, v] of Object.entries(expectedPk)) if (key[k] !== v) return undefined;
    // Exactly the key attributes of the table and of the index, all text: DynamoDB answers any other
    // start key with a ValidationException, which must not become a 500.
    const names = new Set(['pk', 'sk']);
    for (const k of Object.keys(expectedPk)) names.add(k).add(k.replace(/pk$/, 'sk'));
    const entries = Object.entries(key);
    if (entries.length !== names.size) return undefined;
    if (entries.some(([k, v]) => !names.has(k) || typeof v !== 'string' || v === '')) return undefined;
    return key;
  } catch {
    return undefined;
  }
}

export class Store {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  private async get(key: { pk: string; sk: string }, consistent = false) {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: consistent }),
    );
    return out.Item;
  }

  async getPerson(pseudo: string): Promise<PersonRecord | null> {
    const item = await this.get(keys.person(pseudo), true);
    return item ? strip<PersonRecord>(item) : null;
  }

  /**
   * Strongly consistent (1 RCU instead of 0.5): this read authorises every organisation route, so an
   * administrator removed a moment ago must be refused at once, not after the replicas catch up.
   */
  async getAdmin(pseudo: string, en: string): Promise<AdminRecord | null> {
    const item = await this.get(keys.admin(pseudo, en), true);
    return item ? strip<AdminRecord>(item) : null;
  }

  async getAccessProjection(pseudo: string, en: string): Promise<AccessProjection | null> {
    const item = await this.get(keys.access(pseudo, en));
    return item ? strip<AccessProjection>(item) : null;
  }

  async getOrganisation(en: string): Promise<{ enterpriseNumber: string; name: string } | null> {
    const item = await this.get(keys.organisation(en));
    return item ? strip(item) : null;
  }

  async getRight(rightId: string): Promise<RightDefinition | null> {
    const item = await this.get(keys.right(rightId));
    return item ? strip<RightDefinition>(item) : null;
  }

  async listRights(): Promise<RightDefinition[]> {
    const { pk, skPrefix } = keys.catalogue();
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
      }),
    );
    return (out.Items ?? []).map((i) => strip<RightDefinition>(i));
  }

  /** The person page: membership, relationship and grants in one Query. */
  async loadAggregate(en: string, personId: string, consistent = true): Promise<PersonAggregate | null> {
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
  async getMemberPseudonym(en: string, personId: string): Promise<string | null> {
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
  async listPersons(
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

  async getHistory(
    en: string,
    personId: string,
    opts: { cursor?: string; limit: number },
  ): Promise<Page<HistoryEntry>> {
    const pk = keys.historyPk(en, personId);
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: opts.limit,
        ExclusiveStartKey: decodeCursor(opts.cursor, { pk }),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) =>
        strip<HistoryEntry & { enterpriseNumber: string; personId: string }>(i),
      ),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  async listAdmins(en: string): Promise<AdminRecord[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.adminListPk(en) },
      }),
    );
    return (out.Items ?? []).map((i) => strip<AdminRecord>(i));
  }

  /** Items that make up a change of a person aggregate, its history entry and the access projection. */
  changeItems(
    loaded: PersonAggregate | null,
    next: PersonAggregate,
    history: HistoryEntry[],
  ): TransactItem[] {
    const m = next.membership;
    const en = m.enterpriseNumber;
    const personId = m.personId;
    const items: TransactItem[] = [];
    const TableName = this.tableName;

    const membershipItem = {
      ...keys.membership(en, personId),
      ...keys.personListEntry(en, personId),
      type: ITEM_TYPES.membership,
      searchText: searchText(m.person.firstName, m.person.lastName, m.nickname),
      ...m,
      version: loaded ? loaded.membership.version + 1 : 1,
    };
    items.push({
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
    });

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

    for (const entry of history) items.push(this.historyItem(en, personId, entry));

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

  /** Runs one transaction; a failed condition or a conflicting transaction becomes ConcurrentChangeError. */
  async transact(items: TransactItem[], clientRequestToken?: string): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: items,
          ...(clientRequestToken ? { ClientRequestToken: clientRequestToken } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
        if (codes.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict')) {
          throw new ConcurrentChangeError();
        }
      }
      throw error;
    }
  }

  personItem(pseudo: string, record: PersonRecord, exists: boolean): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.person(pseudo), type: ITEM_TYPES.person, ...record },
        ...(exists ? {} : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    };
  }

  /** A new local administrator; fails (ConcurrentChangeError) when already appointed. */
  adminItem(admin: AdminRecord): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
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

  removeAdminItem(admin: AdminRecord): TransactItem {
    return {
      Delete: {
        TableName: this.tableName,
        Key: keys.admin(admin.pseudonym, admin.enterpriseNumber),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': admin.version },
      },
    };
  }

  /** A history entry about a person in an organisation that is not a change of the aggregate. */
  historyItem(en: string, personId: string, entry: HistoryEntry): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.history(en, personId, entry.entryId),
          type: ITEM_TYPES.history,
          enterpriseNumber: en,
          personId,
          ...entry,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** The organisations where this person is local administrator: one Query on their partition. */
  async listAdminOrganisations(pseudo: string): Promise<AdminRecord[]> {
    const { pk, skPrefix } = keys.adminPrefix(pseudo);
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
      }),
    );
    return (out.Items ?? []).map((i) => strip<AdminRecord>(i));
  }

  async getPreferences(pseudo: string): Promise<Preferences | null> {
    const item = await this.get(keys.preferences(pseudo));
    return item ? strip<Preferences>(item) : null;
  }

  async putPreferences(pseudo: string, preferences: Omit<Preferences, 'version'>): Promise<Preferences> {
    const out = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.preferences(pseudo),
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

  /** Open tasks of an organisation, counted in one Query (Select COUNT reads no attributes back). */
  async countOpenTasks(en: string): Promise<number> {
    const { pk, skPrefix } = keys.openTasks(en);
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
        Select: 'COUNT',
      }),
    );
    return out.Count ?? 0;
  }

  async putOrganisation(en: string, name: string): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.organisation(en), type: ITEM_TYPES.organisation, enterpriseNumber: en, name },
      }),
    );
  }

  async putRight(right: RightDefinition): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.right(right.rightId), type: ITEM_TYPES.right, ...right },
      }),
    );
  }
}
