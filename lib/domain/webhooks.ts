/**
 * Webhook subscriptions: a partner (the kmo-portefeuille portal, say) receives the change events it
 * subscribed to at its own URL, signed as the Standard Webhooks specification describes. The rules here
 * are pure: what a subscription may be, which events it gets, and when a failed delivery is tried again.
 */

import { ValidationError } from '#lib/domain/errors';
import { CHANGE_EVENT_TYPE_NAMES, type ChangeEvent, type ChangeEventType } from '#lib/domain/events';

export interface WebhookSubscription {
  subscriptionId: string;
  url: string;
  /** The event types it receives; empty: every type. */
  types: ChangeEventType[];
  /** Only events of these organisations; empty: every organisation. */
  enterpriseNumbers: string[];
  /** Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes. */
  secret: string;
  description: string;
  createdAt: string;
  version: number;
}

/** A subscription as shown to operators: never its secret. */
export type WebhookSubscriptionView = Omit<WebhookSubscription, 'secret'>;

export const viewSubscription = ({
  secret: _secret,
  ...view
}: WebhookSubscription): WebhookSubscriptionView => view;

/**
 * How often a delivery is tried, and the wait before each next try (seconds): quick at first, then
 * spaced out over a day, so a receiver that is down for maintenance still gets everything. After the
 * last try the delivery goes to the dead-letter queue.
 */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [10, 60, 300, 1_800, 7_200, 21_600, 43_200] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_SECONDS.length + 1;
/** A receiver answers within this, or the try counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** The wait before try `attempt + 1`, after try `attempt` (1-based) failed. */
export function retryDelaySeconds(attempt: number): number {
  const index = Math.min(Math.max(attempt, 1), WEBHOOK_RETRY_DELAYS_SECONDS.length) - 1;
  return WEBHOOK_RETRY_DELAYS_SECONDS[index] ?? WEBHOOK_RETRY_DELAYS_SECONDS[0];
}

export function subscribes(subscription: WebhookSubscription, event: ChangeEvent): boolean {
  const typeOk = subscription.types.length === 0 || subscription.types.includes(event.type);
  const orgOk =
    subscription.enterpriseNumbers.length === 0 ||
    subscription.enterpriseNumbers.includes(event.enterpriseNumber);
  return typeOk && orgOk;
}

/**
 * Deliveries of one person's events (or one enterprise's own) keep their order per subscription: the
 * FIFO queue's message group. Pseudonyms and ids only.
 */
export const deliveryGroup = (subscriptionId: string, event: ChangeEvent): string =>
  `${subscriptionId}:${event.person ?? event.enterpriseNumber}`;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a subscription's URL and types. HTTPS only; plain HTTP to this machine only where the
 * environment allows it (the local stack). No credentials in the URL: the signature authenticates us.
 */
export function checkSubscription(
  input: { url: string; types: string[]; enterpriseNumbers: string[] },
  opts: { allowLocalHttp: boolean },
): { url: string; types: ChangeEventType[]; enterpriseNumbers: string[] } {
  const errors: { path: string; code: string; message: string }[] = [];
  let url: URL | null = null;
  try {
    url = new URL(input.url);
  } catch {
    errors.push({ path: 'url', code: 'webhook.url', message: 'Geef een geldige URL op.' });
  }
  if (url) {
    const localHttp = url.protocol === 'http:' && opts.allowLocalHttp && LOCAL_HOSTS.has(url.hostname);
    if (url.protocol !== 'https:' && !localHttp)
      errors.push({ path: 'url', code: 'webhook.url-https', message: 'De URL moet met https:// beginnen.' });
    if (url.username || url.password)
      errors.push({
        path: 'url',
        code: 'webhook.url-credentials',
        message: 'Zet geen gebruikersnaam of wachtwoord in de URL; de handtekening bewijst de afzender.',
      });
  }
  const unknown = input.types.filter((t) => !(CHANGE_EVENT_TYPE_NAMES as string[]).includes(t));
  if (unknown.length > 0)
    errors.push({
      path: 'types',
      code: 'webhook.type-unknown',
      message: `Onbekend soort gebeurtenis: ${unknown.join(', ')}.`,
    });
  const badEn = input.enterpriseNumbers.filter((en) => !/^[01]\d{9}$/.test(en));
  if (badEn.length > 0)
    errors.push({
      path: 'enterpriseNumbers',
      code: 'webhook.enterprise-number',
      message: 'Geef ondernemingsnummers op als 10 cijfers.',
    });
  if (errors.length > 0) throw new ValidationError(errors);
  return {
    url: (url as URL).toString(),
    types: [...new Set(input.types)] as ChangeEventType[],
    enterpriseNumbers: [...new Set(input.enterpriseNumbers)],
  };
}

// Ports: the webhook use cases (lib/services/webhooks.ts) see only these.

/** The subscriptions, as stored (with their secrets). */
export interface WebhookSubscriptionsPort {
  list(): Promise<WebhookSubscription[]>;
  get(subscriptionId: string): Promise<WebhookSubscription | null>;
  /** `previous` null: new (fails when the id exists); otherwise guarded by its version. */
  save(previous: WebhookSubscription | null, next: WebhookSubscription): Promise<void>;
  remove(subscriptionId: string): Promise<boolean>;
}

/** What the delivery queue carries: the subscription and the event, never a secret or a national number. */
export interface Delivery {
  subscriptionId: string;
  event: ChangeEvent;
}

/** The delivery queue: SQS FIFO in AWS, an in-process queue with the same rules locally. */
export interface DeliveryQueue {
  /** `group` keeps order (per subscription and person), `dedupId` drops a second copy of the same delivery. */
  send(messages: { group: string; dedupId: string; delivery: Delivery }[]): Promise<void>;
  /** The message comes back after `seconds` instead of the queue's default. */
  retryAfter(receipt: string, seconds: number): Promise<void>;
}

/** Posts a body to a URL with headers; the HTTP status, or throws on a network failure or timeout. */
export type PostWebhook = (url: string, headers: Record<string, string>, body: string) => Promise<number>;
