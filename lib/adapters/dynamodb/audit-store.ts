/**
 * An organisation's audit trail (access pattern 27 of keys.ts): every history entry of the organisation
 * (its persons' and its own) carries the index keys `AUDIT#ORG#{en}` / `{ulid}`, so a page is one Query
 * on gsi1, newest first. A period is a range of the sort key: a ULID starts with its time.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { encodeTime } from 'ulid';
import { decodeCursor, encodeCursor, queryAll, strip, type TableRef } from '#lib/adapters/dynamodb/items';
import { keys } from '#lib/adapters/dynamodb/keys';
import type { HoldingRecord } from '#lib/domain/holdings';
import type { AuditPort } from '#lib/domain/ports';
import type { AuditEntry, AuditSubject } from '#lib/domain/records';

/** The lowest and the highest ULID of an instant (ms). */
const lowest = (ms: number) => `${encodeTime(ms, 10)}${'0'.repeat(16)}`;
const highest = (ms: number) => `${encodeTime(ms, 10)}${'Z'.repeat(16)}`;

export class AuditStore implements AuditPort {
  constructor(private readonly table: TableRef) {}

  async page(
    en: string,
    opts: { from?: string; to?: string; action?: string; cursor?: string; limit: number },
  ): Promise<{ items: AuditEntry[]; cursor: string | null }> {
    const gsi1pk = keys.auditPk(en);
    const from = opts.from ? lowest(Date.parse(opts.from)) : lowest(0);
    const to = opts.to ? highest(Date.parse(opts.to)) : highest(2 ** 48 - 1);
    const out = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ...(opts.action
          ? {
              FilterExpression: 'begins_with(#action, :action)',
              ExpressionAttributeNames: { '#action': 'action' },
            }
          : {}),
        ExpressionAttributeValues: {
          ':pk': gsi1pk,
          ':from': from,
          ':to': to,
          ...(opts.action ? { ':action': opts.action } : {}),
        },
        ScanIndexForward: false,
        Limit: opts.limit,
        ExclusiveStartKey: decodeCursor(opts.cursor, { gsi1pk }),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => {
        const e = strip<AuditEntry & { enterpriseNumber?: string; type?: string }>(i);
        return {
          entryId: e.entryId,
          at: e.at,
          actor: e.actor,
          action: e.action,
          reason: e.reason ?? null,
          before: e.before ?? null,
          after: e.after ?? null,
          personId: e.personId ?? null,
          subject: e.subject ?? null,
        };
      }),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  /** The right's holdings in the organisation (keys.ts 28): one Query, more pages only past 1 MB. */
  async holdings(en: string, rightId: string): Promise<(HoldingRecord & { subject: AuditSubject })[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.holdingPk(en, rightId) },
      ProjectionExpression: 'personId, #day, holding, subject',
      ExpressionAttributeNames: { '#day': 'day' },
    });
    return items.map((i) => ({
      personId: String(i.personId),
      day: String(i.day),
      holding: (i.holding ?? null) as HoldingRecord['holding'],
      subject: i.subject as AuditSubject,
    }));
  }
}
