import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBRecord } from 'aws-lambda';
import { ChangeEventSchema } from '#lib/contracts/events';
import { logger } from '#lib/runtime/logger';

/**
 * The pipe's enrichment: the table's stream records (filtered to new outbox items) become the change
 * events themselves, each the `detail` of one event on the bus. An item that is not a well-formed event
 * fails the batch: the pipe retries it and then sets it aside in its dead-letter queue, never publishes it.
 */
export const handler = middy<DynamoDBRecord[], unknown[]>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (records) =>
    records.map((record) => {
      const item = unmarshall((record.dynamodb?.NewImage ?? {}) as Record<string, AttributeValue>);
      return ChangeEventSchema.parse(item.event);
    }),
  );
