import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Delivery } from '#lib/domain/webhooks';
import { logger } from '#lib/runtime/logger';
import { webhookDeps } from '#lib/runtime/webhooks';
import { deliverBatch } from '#lib/services/webhooks';

/** The delivery queue's consumer: posts each delivery, signed; a failed one comes back later (partial batch). */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const failed = await deliverBatch(
      webhookDeps(),
      event.Records.map((r) => ({
        messageId: r.messageId,
        receipt: r.receiptHandle,
        group: r.attributes.MessageGroupId ?? r.messageId,
        attempt: Number(r.attributes.ApproximateReceiveCount),
        delivery: JSON.parse(r.body) as Delivery,
      })),
    );
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  });
