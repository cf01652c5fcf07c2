/**
 * The composition root of the webhook functions (fan-out, delivery) and of `npm run webhooks`: the
 * subscriptions' store on the table, the delivery queue (SQS FIFO in AWS; the local stack plugs in its
 * own with `setWebhookDeps`), fetch to post, the logger. Kept apart from the use cases' `Deps`: these
 * functions need no pseudonym key, registries or mailer.
 */

import { monotonicFactory } from 'ulid';
import * as z from 'zod/mini';
import { createDynamoClients } from '#lib/adapters/dynamodb/client';
import { WebhooksStore } from '#lib/adapters/dynamodb/webhooks-store';
import { postWebhook } from '#lib/adapters/webhooks/http-poster';
import { createSqsDeliveryQueue } from '#lib/adapters/webhooks/sqs-queue';
import { fail } from '#lib/config/env';
import { ENV } from '#lib/config/env-names';
import type { DeliveryQueue } from '#lib/domain/webhooks';
import { log } from '#lib/runtime/logger';
import type { WebhookDeps } from '#lib/services/webhooks';

const WebhookEnv = z.object({
  [ENV.tableName]: z.string().check(z.minLength(3)),
  [ENV.dynamoEndpoint]: z.optional(z.url()),
  [ENV.webhookQueueUrl]: z.optional(z.url()),
  [ENV.webhookAllowLocalHttp]: z.optional(z.enum(['true', 'false'])),
});

/** Where no queue is configured (a tool that only manages subscriptions), sending is a wiring bug. */
function unconfiguredQueue(): DeliveryQueue {
  const missing = async () => {
    throw new Error(`No delivery queue configured (${ENV.webhookQueueUrl}).`);
  };
  return { send: missing, retryAfter: missing };
}

function build(): WebhookDeps {
  const parsed = WebhookEnv.safeParse(process.env);
  if (!parsed.success) fail(parsed.error.issues);
  const env = parsed.data;
  const { doc } = createDynamoClients(env[ENV.dynamoEndpoint]);
  const queueUrl = env[ENV.webhookQueueUrl];
  return {
    subscriptions: new WebhooksStore({ db: doc, tableName: env[ENV.tableName] }),
    queue: queueUrl ? createSqsDeliveryQueue(queueUrl) : unconfiguredQueue(),
    post: postWebhook,
    now: () => new Date(),
    newId: monotonicFactory(),
    log,
    allowLocalHttp: env[ENV.webhookAllowLocalHttp] === 'true',
  };
}

let current: WebhookDeps | undefined;

export function webhookDeps(): WebhookDeps {
  current ??= build();
  return current;
}

/** Replaces some dependencies (the local stack's queue, tests). */
export function setWebhookDeps(overrides: Partial<WebhookDeps>): WebhookDeps {
  current = { ...webhookDeps(), ...overrides };
  return current;
}

/** Forget them (the environment changed: another table, another stack). */
export function resetWebhookDeps(): void {
  current = undefined;
}
