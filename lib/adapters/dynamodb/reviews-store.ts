/**
 * Access reviews (keys.ts 29 and 30): a campaign item per campaign under the organisation, newest
 * first, and its lines in a partition of their own, so a campaign's lines are one Query (a page per
 * MB) and deciding a line touches that line only, guarded by its version.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putAll, queryAll, strip, type TableRef } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { ReviewsPort, StoredLine } from '#lib/domain/ports';
import type { Campaign, ReviewLine } from '#lib/domain/reviews';

export class ReviewsStore implements ReviewsPort {
  constructor(private readonly table: TableRef) {}

  async campaign(en: string, campaignId: string): Promise<Campaign | null> {
    const out = await this.table.db.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: keys.campaign(en, campaignId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? strip<Campaign>(out.Item) : null;
  }

  async campaigns(en: string, limit: number): Promise<Campaign[]> {
    const out = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
        ExpressionAttributeValues: { ':pk': keys.campaignsPk(en), ':c': 'CAMPAIGN#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => strip<Campaign>(i));
  }

  async lines(en: string, campaignId: string, opts: { consistent?: boolean } = {}): Promise<StoredLine[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.reviewLinesPk(en, campaignId) },
      ConsistentRead: opts.consistent ?? false,
    });
    return items.map((i) => strip<StoredLine>(i));
  }

  async line(en: string, campaignId: string, personId: string, grantId: string): Promise<StoredLine | null> {
    const out = await this.table.db.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: keys.reviewLine(en, campaignId, personId, grantId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? strip<StoredLine>(out.Item) : null;
  }

  /**
   * The lines of a campaign being opened, 25 a BatchWriteItem (what was not processed is sent again).
   * Plain puts: the campaign is still `opening`, nobody can answer a line yet, so a retried opening
   * writes the same lines again.
   */
  async putLines(en: string, campaignId: string, lines: ReviewLine[]): Promise<void> {
    await putAll(
      this.table,
      lines.map((l) => ({
        ...keys.reviewLine(en, campaignId, l.personId, l.grantId),
        type: ITEM_TYPES.reviewLine,
        enterpriseNumber: en,
        campaignId,
        ...l,
        version: 1,
      })),
    );
  }
}
