/**
 * The local administrators' digests in the single table (access patterns 37-39 of keys.ts): the lines
 * the expiry sweep records per day (`DIGEST#{day}`, written with their notice marker by the unit of
 * work: digest-items.ts), the organisations that have lines on a day, and per organisation and
 * administrator what their digests covered (`DIGEST#ORG#{en}`). Everything is read by partition and
 * day: nothing here grows with the rest of the table. Plugged in with the sweep's store.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type QueryCommandOutput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { DigestLine, DigestState } from '#lib/domain/notifications';
import type { DigestsPort } from '#lib/domain/ports';

function toLine(item: Record<string, unknown>): DigestLine {
  return {
    day: String(item.day),
    enterpriseNumber: String(item.enterpriseNumber),
    organisationName: String(item.organisationName),
    personId: String(item.personId),
    personName: String(item.personName),
    kind: item.kind === 'grant' ? 'grant' : 'relationship',
    ...(typeof item.grantId === 'string' ? { grantId: item.grantId } : {}),
    ...(typeof item.right === 'string' ? { right: item.right } : {}),
    endDate: String(item.endDate),
    notice: item.notice === 'expired' ? 'expired' : 'warning',
    marker: String(item.marker),
    ...(typeof item.warning === 'number' ? { warning: item.warning as DigestLine['warning'] } : {}),
    individually: Array.isArray(item.individually) ? item.individually.map(String) : [],
  };
}

export class DigestsStore implements DigestsPort {
  constructor(private readonly table: TableRef) {}

  private get db() {
    return this.table.db;
  }

  private get tableName() {
    return this.table.tableName;
  }

  /**
   * The organisations with lines on `day`, in enterprise-number order after `after`: each found with
   * one Query of Limit 1 for the first key past the previous organisation's lines, so an organisation
   * with a thousand lines costs what one with a single line does.
   */
  async organisations(day: string, opts: { after?: string | undefined; limit: number }): Promise<string[]> {
    const found: string[] = [];
    let past = opts.after ? keys.digestOrganisation(opts.after).past : 'LINE#';
    while (found.length < opts.limit) {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk > :past',
          ExpressionAttributeValues: { ':pk': keys.digestLinesPk(day), ':past': past },
          ProjectionExpression: 'enterpriseNumber',
          Limit: 1,
          // The lines were written moments ago, by the steps of this very run.
          ConsistentRead: true,
        }),
      );
      const en = out.Items?.[0]?.enterpriseNumber;
      if (typeof en !== 'string') break;
      found.push(en);
      past = keys.digestOrganisation(en).past;
    }
    return found;
  }

  async lines(day: string, en: string): Promise<DigestLine[]> {
    const lines: DigestLine[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out: QueryCommandOutput = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': keys.digestLinesPk(day),
            ':prefix': keys.digestOrganisation(en).skPrefix,
          },
          // Written by a transaction that has finished before the digest runs; consistent all the same.
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) lines.push(toLine(item));
      start = out.LastEvaluatedKey;
    } while (start);
    return lines;
  }

  async states(en: string): Promise<DigestState[]> {
    const states: DigestState[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out: QueryCommandOutput = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.digestStatesPk(en) },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        states.push({
          personId: String(item.personId),
          through: typeof item.through === 'string' ? item.through : null,
          owedSince: typeof item.owedSince === 'string' ? item.owedSince : null,
        });
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return states;
  }

  /** Only forward: a retried or concurrent step that finds the day covered already sends nothing. */
  async covered(en: string, personId: string, through: string, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.digestState(en, personId),
          UpdateExpression:
            'SET #type = :type, enterpriseNumber = :en, personId = :pid, through = :through, coveredAt = :at REMOVE owedSince',
          ConditionExpression: 'attribute_not_exists(through) OR through < :through',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':type': ITEM_TYPES.digestState,
            ':en': en,
            ':pid': personId,
            ':through': through,
            ':at': at,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async owe(en: string, personId: string, day: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.digestState(en, personId),
          UpdateExpression: 'SET #type = :type, enterpriseNumber = :en, personId = :pid, owedSince = :day',
          ConditionExpression: 'attribute_not_exists(owedSince) OR owedSince > :day',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':type': ITEM_TYPES.digestState,
            ':en': en,
            ':pid': personId,
            ':day': day,
          },
        }),
      );
    } catch (error) {
      // An earlier day is owed already: it stays the first.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
