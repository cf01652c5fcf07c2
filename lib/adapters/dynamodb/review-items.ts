/**
 * The access reviews' items of a unit of work (keys.ts 29 and 30): a campaign, a line's answer, the
 * condition that a campaign is still open. Apart from the store, so every function's unit of work has
 * them without bundling the reviews' reads.
 */
import type { TransactItem } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import type { StoredLine } from '#lib/domain/ports';
import type { Campaign, ReviewLine } from '#lib/domain/reviews';

/** The campaign as `next`, guarded by the version it was read with. */
export function campaignItem(tableName: string, previous: Campaign | null, next: Campaign): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.campaign(next.enterpriseNumber, next.campaignId),
        type: ITEM_TYPES.campaign,
        ...next,
        version: (previous?.version ?? 0) + 1,
      },
      ...(previous
        ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
}

/** A line's answer, guarded by the version it was read with (two answers to one line: one wins). */
export function reviewLineItem(
  tableName: string,
  en: string,
  campaignId: string,
  previous: StoredLine,
  next: ReviewLine,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.reviewLine(en, campaignId, next.personId, next.grantId),
        type: ITEM_TYPES.reviewLine,
        enterpriseNumber: en,
        campaignId,
        ...next,
        version: previous.version + 1,
      },
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': previous.version },
    },
  };
}

/** A condition of the transaction: the campaign is still open (not closed meanwhile). */
export function openCampaignItem(tableName: string, en: string, campaignId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: keys.campaign(en, campaignId),
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open' },
    },
  };
}
