import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { ChangeEventSchema } from '#lib/contracts/events';
import type { ChangeEvent } from '#lib/domain/events';
import { logger } from '#lib/runtime/logger';
import { webhookDeps } from '#lib/runtime/webhooks';
import { fanOut } from '#lib/services/webhooks';

/** The bus's webhook rule: one change event → one delivery per subscription that wants it. */
export const handler = middy<EventBridgeEvent<string, unknown>, { deliveries: number }>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (busEvent) => {
    // Only our own, well-formed events go out to partners.
    const event = ChangeEventSchema.parse(busEvent.detail) as ChangeEvent;
    return { deliveries: await fanOut(webhookDeps(), event) };
  });
