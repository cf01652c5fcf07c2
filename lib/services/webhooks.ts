/**
 * Webhooks: operators manage subscriptions (`npm run webhooks`), the fan-out turns each change event
 * from the bus into one delivery per subscription that wants it, and the delivery posts it, signed as
 * the Standard Webhooks specification describes (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`; the `standardwebhooks` library signs). At least once: a retry, a replay from the
 * bus's archive or a second fan-out carries the same `webhook-id` (the event's id), so the receiver
 * recognises it.
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { NotFoundError } from '#lib/domain/errors';
import type { ChangeEvent } from '#lib/domain/events';
import type { Log } from '#lib/domain/ports';
import {
  checkSubscription,
  type Delivery,
  type DeliveryQueue,
  deliveryGroup,
  type PostWebhook,
  retryDelaySeconds,
  subscribes,
  viewSubscription,
  WEBHOOK_MAX_ATTEMPTS,
  type WebhookSubscription,
  type WebhookSubscriptionsPort,
  type WebhookSubscriptionView,
} from '#lib/domain/webhooks';

export interface WebhookDeps {
  subscriptions: WebhookSubscriptionsPort;
  queue: DeliveryQueue;
  post: PostWebhook;
  now: () => Date;
  newId: () => string;
  log: Log;
  /** Plain HTTP to this machine (the local stack only). */
  allowLocalHttp: boolean;
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export async function createSubscription(
  deps: WebhookDeps,
  input: { url: string; types: string[]; enterpriseNumbers?: string[]; description?: string },
): Promise<WebhookSubscription> {
  const checked = checkSubscription(
    { url: input.url, types: input.types, enterpriseNumbers: input.enterpriseNumbers ?? [] },
    { allowLocalHttp: deps.allowLocalHttp },
  );
  const subscription: WebhookSubscription = {
    subscriptionId: deps.newId(),
    ...checked,
    secret: newSecret(),
    description: (input.description ?? '').slice(0, 200),
    createdAt: deps.now().toISOString(),
    version: 1,
  };
  await deps.subscriptions.save(null, subscription);
  return subscription;
}

export async function listSubscriptions(deps: WebhookDeps): Promise<WebhookSubscriptionView[]> {
  return (await deps.subscriptions.list()).map(viewSubscription);
}

/** A new secret; the old one stops signing at once (the receiver takes the new one first). */
export async function rotateSecret(deps: WebhookDeps, subscriptionId: string): Promise<WebhookSubscription> {
  const current = await deps.subscriptions.get(subscriptionId);
  if (!current) throw new NotFoundError('webhook.not-found');
  const next = { ...current, secret: newSecret(), version: current.version + 1 };
  await deps.subscriptions.save(current, next);
  return next;
}

export async function removeSubscription(deps: WebhookDeps, subscriptionId: string): Promise<void> {
  if (!(await deps.subscriptions.remove(subscriptionId))) throw new NotFoundError('webhook.not-found');
}

/** One event from the bus → one delivery per subscription that wants it (one Query of the subscriptions). */
export async function fanOut(deps: WebhookDeps, event: ChangeEvent): Promise<number> {
  const wanted = (await deps.subscriptions.list()).filter((s) => subscribes(s, event));
  if (wanted.length === 0) return 0;
  await deps.queue.send(
    wanted.map((s) => ({
      group: deliveryGroup(s.subscriptionId, event),
      // A second fan-out of the same event (the bus delivers at least once) is dropped by the queue.
      dedupId: `${s.subscriptionId}:${event.id}`,
      delivery: { subscriptionId: s.subscriptionId, event },
    })),
  );
  return wanted.length;
}

/** The Standard Webhooks headers for a body: the event's id, the time of this try, the signature. */
export function signedHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

export type DeliveryOutcome =
  | { outcome: 'delivered'; status: number }
  /** The subscription is gone: nothing to deliver to. */
  | { outcome: 'dropped' }
  | { outcome: 'retry'; status: number | null; afterSeconds: number; last: boolean };

/** One try of one delivery; `attempt` counts from 1 (the queue's receive count). */
export async function deliver(
  deps: WebhookDeps,
  delivery: Delivery,
  attempt: number,
): Promise<DeliveryOutcome> {
  const subscription = await deps.subscriptions.get(delivery.subscriptionId);
  const base = {
    subscriptionId: delivery.subscriptionId,
    eventId: delivery.event.id,
    type: delivery.event.type,
    attempt,
  };
  if (!subscription) {
    deps.log.info('webhook dropped: subscription gone', base);
    return { outcome: 'dropped' };
  }
  const body = JSON.stringify(delivery.event);
  let status: number | null = null;
  try {
    status = await deps.post(
      subscription.url,
      signedHeaders(subscription.secret, delivery.event.id, deps.now(), body),
      body,
    );
  } catch (error) {
    deps.log.warn('webhook not delivered', {
      ...base,
      reason: error instanceof Error ? error.name : 'unknown',
    });
  }
  if (status !== null && status >= 200 && status < 300) {
    deps.log.info('webhook delivered', { ...base, status });
    return { outcome: 'delivered', status };
  }
  const last = attempt >= WEBHOOK_MAX_ATTEMPTS;
  // Only the last try is an operator's concern; the queue tries the others again.
  if (status !== null)
    (last ? deps.log.warn : deps.log.info)('webhook refused by the receiver', { ...base, status, last });
  return { outcome: 'retry', status, afterSeconds: retryDelaySeconds(attempt), last };
}

/** A queue message as the delivery function receives it (an SQS record, or the local queue's). */
export interface DeliveryRecord {
  messageId: string;
  receipt: string;
  group: string;
  attempt: number;
  delivery: Delivery;
}

/**
 * A batch from the FIFO queue, in order. A failed delivery holds back the rest of its group in the batch
 * (reported failed untried), so one person's events never overtake each other; other groups go on.
 * Returns the ids of the messages to be received again.
 */
export async function deliverBatch(deps: WebhookDeps, records: DeliveryRecord[]): Promise<string[]> {
  const failed: string[] = [];
  const blocked = new Set<string>();
  for (const record of records) {
    if (blocked.has(record.group)) {
      failed.push(record.messageId);
      continue;
    }
    const result = await deliver(deps, record.delivery, record.attempt);
    if (result.outcome !== 'retry') continue;
    blocked.add(record.group);
    failed.push(record.messageId);
    // The last try goes to the dead-letter queue as soon as it is received again; no wait is owed.
    if (!result.last) await deps.queue.retryAfter(record.receipt, result.afterSeconds);
  }
  return failed;
}
