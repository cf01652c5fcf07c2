/**
 * The change events' outbox (keys.ts 31): one item per event, written by the change's own transaction.
 * The table's stream carries each new item to the event bus (EventBridge Pipes in AWS, the local pipe of
 * `npm start`); the TTL attribute removes it after a month, when the bus's archive keeps it.
 */
import { monotonicFactory } from 'ulid';
import { historyPage, type TableRef, type TransactItem } from '#lib/adapters/dynamodb/items';
import { ITEM_TYPES, keys } from '#lib/adapters/dynamodb/keys';
import { type ChangeEvent, type ChangeEventDraft, toChangeEvent } from '#lib/domain/events';
import type { Page } from '#lib/domain/records';

/** How long the outbox keeps an event (the bus's archive keeps it for a year). */
export const OUTBOX_DAYS = 30;

// Monotonic: the events of one change, made in the same millisecond, keep their order.
const newEventId = monotonicFactory();

/** The outbox items of a change's events, at the change's instant. */
export function changeEventItems(
  tableName: string,
  drafts: ChangeEventDraft[],
  time: string,
): TransactItem[] {
  const expiration = Math.ceil(Date.parse(time) / 1000) + OUTBOX_DAYS * 86_400;
  return drafts.map((draft) => {
    const event = toChangeEvent(draft, newEventId(), time);
    return {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.changeEvent(event.enterpriseNumber, event.id),
          type: ITEM_TYPES.changeEvent,
          event,
          expiration,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  });
}

/** An organisation's events still in the outbox, newest first (operators, tests). */
export async function changeEventsPage(
  table: TableRef,
  enterpriseNumber: string,
  opts: { cursor?: string; limit: number; consistent?: boolean },
): Promise<Page<ChangeEvent>> {
  const page = await historyPage<{ event: ChangeEvent }>(table, keys.changeEventsPk(enterpriseNumber), opts);
  return { items: page.items.map((i) => i.event), cursor: page.cursor };
}
