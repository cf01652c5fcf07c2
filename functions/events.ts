/**
 * The change events' way from the table to partners, described once for CDK (infra/stacks/events-stack.ts)
 * and for the local stack (infra/local/change-events.ts), so the two cannot drift:
 *
 *   table stream ─► pipe (filter OUTBOX_FILTER, enrichment `events-enrich`) ─► bus `gebruikersbeheer`
 *   bus ─► rule WEBHOOK_RULE ─► `webhook-fanout` ─► FIFO queue ─► `webhook-deliver` ─► partner URL
 *                                                        └── after the last try: dead-letter queue
 *
 * Other consumers subscribe with a rule of their own on the bus.
 */
import { EVENT_SOURCE } from '#lib/domain/events';
import { WEBHOOK_MAX_ATTEMPTS } from '#lib/domain/webhooks';

export const EVENT_BUS_NAME = 'gebruikersbeheer';
/** The change event's detail-type on the bus; consumers tell the kinds apart by `detail.type`. */
export const CHANGE_EVENT_DETAIL_TYPE = 'ChangeEvent';
export { EVENT_SOURCE };

/** The pipe's filter on the table's stream: new outbox items only (an EventBridge event pattern). */
export const OUTBOX_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { type: { S: ['ChangeEvent'] } } },
} as const;

/** The rule that feeds the webhooks: every change event of ours (an EventBridge event pattern). */
export const WEBHOOK_RULE = { source: [EVENT_SOURCE] } as const;

/** The delivery queue: a try per receive; after the last one, the dead-letter queue. */
export const WEBHOOK_QUEUE = {
  maxReceiveCount: WEBHOOK_MAX_ATTEMPTS,
  /** Before a failed try sets its own wait (retryAfter), and for deliveries held back behind one. */
  visibilityTimeoutSeconds: 60,
  /** One delivery per invocation: a failure never holds back untried deliveries of its batch. */
  batchSize: 1,
} as const;

export interface EventFunction {
  fn: 'events-enrich' | 'webhook-fanout' | 'webhook-deliver';
  /** What it reads of the table, for least-privilege grants. */
  data: 'none' | 'read';
}

export const eventFunctions: readonly EventFunction[] = [
  { fn: 'events-enrich', data: 'none' },
  { fn: 'webhook-fanout', data: 'read' },
  { fn: 'webhook-deliver', data: 'read' },
];

export const eventHandlerPath = (f: Pick<EventFunction, 'fn'>): string => `functions/${f.fn}/handler.ts`;
