/**
 * The digest line of a unit of work (keys.ts 37): written in the transaction of the notice marker it goes
 * with. Apart from the store, so every function's unit of work has it without bundling the digests' reads.
 */
import type { TransactItem } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import { DIGEST_LINE_KEEP_DAYS, type DigestLine } from '#lib/domain/notifications';

/** A new line, in the transaction of its notice marker; fails (with it) when it is already there. */
export function digestLineItem(tableName: string, line: DigestLine): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.digestLine(line.day, line.enterpriseNumber, line.personId, line.marker),
        type: ITEM_TYPES.digestLine,
        ...line,
        // TTL: a day more or less does not matter here, so plain UTC arithmetic (no calendar code in every bundle).
        expiration: Date.parse(line.day) / 1000 + DIGEST_LINE_KEEP_DAYS * 86_400,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
