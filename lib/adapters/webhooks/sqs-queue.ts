/**
 * The delivery queue in AWS: an SQS FIFO queue. The message group keeps one person's deliveries to one
 * subscription in order; the deduplication id drops a second fan-out of the same event within SQS's
 * five minutes. After the last try SQS moves the message to the dead-letter queue (its redrive policy).
 */
import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryQueue } from '#lib/domain/webhooks';

/** SQS takes at most 10 messages a batch. */
const BATCH = 10;

export function createSqsDeliveryQueue(queueUrl: string, client = new SQSClient({})): DeliveryQueue {
  return {
    async send(messages) {
      for (let i = 0; i < messages.length; i += BATCH) {
        const batch = messages.slice(i, i + BATCH);
        const out = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: batch.map((m, n) => ({
              Id: String(n),
              MessageBody: JSON.stringify(m.delivery),
              MessageGroupId: m.group,
              MessageDeduplicationId: m.dedupId,
            })),
          }),
        );
        // A partial failure must fail the fan-out, so the bus tries the event again.
        if ((out.Failed ?? []).length > 0)
          throw new Error(`SQS refused ${out.Failed?.length} of ${batch.length} deliveries.`);
      }
    },
    async retryAfter(receipt, seconds) {
      await client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: receipt,
          VisibilityTimeout: Math.min(seconds, 43_200),
        }),
      );
    },
  };
}
