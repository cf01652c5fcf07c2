/**
 * The expiry sweep's items in the single table: the sparse by-date index (access pattern 11), the
 * notice markers that make each warning, task and expiry happen once (18), and the last day swept (19).
 * The condition that an item still ends on its day is built here for the unit of work.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { TableRef } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { DueEntry, Notice, SweepFailure } from '#lib/domain/expiry';
import type { ExpiryPort } from '#lib/domain/ports';

const DUE_SK = /^(REL|GRANT)#(\d{10})#([^#]+)(?:#([^#]+))?$/;

export function parseDueEntry(gsi2pk: string, gsi2sk: string): DueEntry | null {
  const match = DUE_SK.exec(gsi2sk);
  if (!match || !gsi2pk.startsWith('DUE#')) return null;
  const [, kind, enterpriseNumber, personId, grantId] = match as unknown as [
    string,
    string,
    string,
    string,
    string?,
  ];
  if (kind === 'GRANT' && !grantId) return null;
  return {
    kind: kind === 'REL' ? 'relationship' : 'grant',
    enterpriseNumber,
    personId,
    ...(kind === 'GRANT' ? { grantId } : {}),
    endDate: gsi2pk.slice('DUE#'.length),
  };
}

export class ExpiryStore implements ExpiryPort {
  constructor(private readonly table: TableRef) {}

  private get db() {
    return this.table.db;
  }

  private get tableName() {
    return this.table.tableName;
  }

  /** The last day a sweep completed, or null before the first one. */
  async lastSweep(): Promise<string | null> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.sweep(), ConsistentRead: true }),
    );
    return typeof out.Item?.through === 'string' ? out.Item.through : null;
  }

  /** Records `through` as the last day swept; never moves it back (a run for an earlier day). */
  async completeSweep(through: string, now: string): Promise<{ through: string; advanced: boolean }> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.sweep(),
          UpdateExpression: 'SET #type = :type, through = :through, completedAt = :now',
          ConditionExpression: 'attribute_not_exists(through) OR through < :through',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':type': ITEM_TYPES.sweep, ':through': through, ':now': now },
        }),
      );
      return { through, advanced: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return { through: (await this.lastSweep()) ?? through, advanced: false };
    }
  }

  /**
   * Everything that ends on `endDate`: one Query on the partition `DUE#{endDate}` of the sparse index,
   * page after page, reading only the index keys. `notExpired` leaves out items already marked.
   */
  async due(endDate: string, opts: { notExpired?: boolean } = {}): Promise<DueEntry[]> {
    const entries: DueEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out: QueryCommandOutput = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': `DUE#${endDate}` },
          ProjectionExpression: 'gsi2pk, gsi2sk',
          ...(opts.notExpired ? { FilterExpression: 'attribute_not_exists(expiredOn)' } : {}),
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        const entry = parseDueEntry(String(item.gsi2pk), String(item.gsi2sk));
        if (entry) entries.push(entry);
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return entries;
  }

  /**
   * One page of what ends on `endDate`: at most `limit` index entries read (fewer may come back when
   * `notExpired` filters), from `start` on, and where the next page starts (`null`: the day is done).
   */
  async duePage(
    endDate: string,
    opts: { notExpired?: boolean; limit: number; start?: Record<string, unknown> | undefined },
  ): Promise<{ entries: DueEntry[]; next: Record<string, unknown> | null }> {
    const out: QueryCommandOutput = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': `DUE#${endDate}` },
        ProjectionExpression: 'gsi2pk, gsi2sk',
        ...(opts.notExpired ? { FilterExpression: 'attribute_not_exists(expiredOn)' } : {}),
        Limit: opts.limit,
        ExclusiveStartKey: opts.start,
      }),
    );
    const entries: DueEntry[] = [];
    for (const item of out.Items ?? []) {
      const entry = parseDueEntry(String(item.gsi2pk), String(item.gsi2sk));
      if (entry) entries.push(entry);
    }
    return { entries, next: out.LastEvaluatedKey ?? null };
  }

  /** Records a due item the sweep could not handle (report for operators, access pattern 21). */
  async recordFailure(report: SweepFailure): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.sweepFailure(report.date, report.itemKey), type: ITEM_TYPES.sweepFailure, ...report },
      }),
    );
  }

  /** The failures recorded for the day a run was for. */
  async failures(date: string): Promise<SweepFailure[]> {
    const { pk, skPrefix } = keys.sweepFailures(date);
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => ({
      date: String(i.date),
      itemKey: String(i.itemKey),
      enterpriseNumber: String(i.enterpriseNumber),
      reason: i.reason === 'mail-refused' ? 'mail-refused' : 'failed',
      code: String(i.code),
      detail: String(i.detail),
      at: String(i.at),
    }));
  }

  async getNotice(en: string, personId: string, what: string): Promise<Notice | null> {
    const out = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.notice(en, personId, what),
        ConsistentRead: true,
      }),
    );
    if (!out.Item) return null;
    return {
      status: out.Item.status === 'pending' ? 'pending' : 'sent',
      delivered: out.Item.delivered instanceof Set ? [...out.Item.delivered].map(String) : [],
      at: String(out.Item.at),
      ...(typeof out.Item.taskId === 'string' ? { taskId: out.Item.taskId } : {}),
      ...(Array.isArray(out.Item.individually) ? { individually: out.Item.individually.map(String) } : {}),
    };
  }

  /** Records that one recipient got the e-mail of a pending marker. */
  async delivered(en: string, personId: string, what: string, recipient: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.notice(en, personId, what),
        UpdateExpression: 'ADD delivered :r',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':r': new Set([recipient]) },
      }),
    );
  }

  async sent(en: string, personId: string, what: string, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.notice(en, personId, what),
        UpdateExpression: 'SET #status = :sent, sentAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': at },
      }),
    );
  }
}
