/**
 * The change events' way locally, as in AWS and from the same description (functions/events.ts):
 *
 * - the pipe reads DynamoDB Local's stream of the table (the real stream API), keeps what OUTBOX_FILTER
 *   lets through and hands it to the same enrichment handler as the pipe in AWS;
 * - the bus wraps each event as EventBridge does and runs the targets of the rules that match it (the
 *   webhook rule's fan-out handler);
 * - the delivery queue keeps the FIFO queue's rules: one message at a time per group, a failed try comes
 *   back after the wait the delivery asked for, and after the last try it goes to the dead-letter list
 *   (kept in a file under the data directory with `npm start`). A second copy of a delivery within the
 *   deduplication window is dropped, as SQS FIFO does.
 *
 * Waits are real seconds with `npm start`; tests shrink them with `delayMs`.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import {
  CHANGE_EVENT_DETAIL_TYPE,
  EVENT_BUS_NAME,
  EVENT_SOURCE,
  type EventFunction,
  eventHandlerPath,
  OUTBOX_FILTER,
  WEBHOOK_QUEUE,
  WEBHOOK_RULE,
} from '#functions/events';
import { localDynamoClientConfig } from '#infra/local/dynamodb-local';
import { type EventPattern, matchesPattern } from '#infra/local/event-pattern';
import { lambdaContext } from '#infra/local/events';
import type { ChangeEvent } from '#lib/domain/events';
import type { Delivery, DeliveryQueue } from '#lib/domain/webhooks';
import { logger } from '#lib/runtime/logger';
import { resetWebhookDeps, setWebhookDeps } from '#lib/runtime/webhooks';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

/** SQS FIFO drops a message with a deduplication id it saw in the last five minutes. */
const SQS_DEDUP_WINDOW_MS = 5 * 60_000;
/** As EventBridge retries an asynchronous target, in short: a few tries, then a dead letter. */
const TARGET_TRIES = 3;

export interface DeadLetter {
  at: string;
  /** `delivery`: the delivery queue's; `fanout`/`enrich`: the rule's target or the pipe failed for good. */
  kind: 'delivery' | 'fanout' | 'enrich';
  delivery?: Delivery;
  event?: ChangeEvent;
  receiveCount?: number;
}

export interface LocalEventPipelineOptions {
  root: string;
  client: DynamoDBClient;
  dynamoEndpoint: string;
  tableName: string;
  /** Milliseconds between reads of the stream when it had nothing new (default 250). */
  pollMs?: number;
  /** A wait of `seconds` in milliseconds (default: real seconds). */
  delayMs?: (seconds: number) => number;
  /** Keeps the stream position and the dead letters here across restarts; memory only when omitted. */
  dataDir?: string;
  /** How long the queue drops a second copy of a delivery (default SQS's five minutes). */
  dedupWindowMs?: number;
}

export interface LocalEventPipeline {
  /** Puts events on the bus again, as a replay from the archive does in AWS. */
  replay(events: ChangeEvent[]): Promise<void>;
  deadLetters(): DeadLetter[];
  /** Resolves once everything read so far has been delivered, retried or set aside. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

async function loadHandler(
  root: string,
  fn: EventFunction['fn'],
): Promise<(event: unknown) => Promise<unknown>> {
  const mod = (await import(pathToFileURL(resolve(root, eventHandlerPath({ fn }))).href)) as {
    handler: Handler;
  };
  return (event) => mod.handler(event, lambdaContext(fn));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

interface QueuedMessage {
  messageId: string;
  receipt: string;
  group: string;
  delivery: Delivery;
  receiveCount: number;
}

/** The delivery queue with the FIFO queue's rules (functions/events.ts WEBHOOK_QUEUE). */
class LocalFifoQueue implements DeliveryQueue {
  private readonly groups = new Map<string, QueuedMessage[]>();
  private readonly busy = new Set<string>();
  private readonly waits = new Map<string, number>();
  private readonly seen = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly deliver: (event: unknown) => Promise<unknown>,
    private readonly delayMs: (seconds: number) => number,
    private readonly onDeadLetter: (letter: DeadLetter) => Promise<void>,
    private readonly dedupWindowMs: number,
  ) {}

  async send(messages: { group: string; dedupId: string; delivery: Delivery }[]): Promise<void> {
    const now = Date.now();
    for (const m of messages) {
      if ((this.seen.get(m.dedupId) ?? 0) > now) continue;
      this.seen.set(m.dedupId, now + this.dedupWindowMs);
      const queue = this.groups.get(m.group) ?? [];
      queue.push({
        messageId: randomUUID(),
        receipt: '',
        group: m.group,
        delivery: m.delivery,
        receiveCount: 0,
      });
      this.groups.set(m.group, queue);
      this.kick(m.group);
    }
  }

  async retryAfter(receipt: string, seconds: number): Promise<void> {
    this.waits.set(receipt, seconds);
  }

  pending(): boolean {
    return this.busy.size > 0 || [...this.groups.values()].some((q) => q.length > 0);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
  }

  private kick(group: string): void {
    if (this.stopped || this.busy.has(group)) return;
    this.busy.add(group);
    void this.run(group);
  }

  /**
   * One message of the group at a time, as SQS FIFO hands out a group's messages; the group stays busy
   * while its first message waits to be tried again.
   */
  private async run(group: string): Promise<void> {
    const queue = this.groups.get(group) ?? [];
    while (!this.stopped) {
      const message = queue[0];
      if (!message) break;
      message.receiveCount += 1;
      if (message.receiveCount > WEBHOOK_QUEUE.maxReceiveCount) {
        queue.shift();
        await this.onDeadLetter({
          at: new Date().toISOString(),
          kind: 'delivery',
          delivery: message.delivery,
          receiveCount: message.receiveCount - 1,
        });
        continue;
      }
      message.receipt = randomUUID();
      let failed = true;
      try {
        const out = (await this.deliver({ Records: [sqsRecord(message)] })) as {
          batchItemFailures?: { itemIdentifier: string }[];
        };
        failed = (out.batchItemFailures ?? []).some((f) => f.itemIdentifier === message.messageId);
      } catch (error) {
        logger.error('webhook delivery function failed', { error: error as Error });
      }
      if (!failed) {
        queue.shift();
        continue;
      }
      const wait = this.waits.get(message.receipt) ?? WEBHOOK_QUEUE.visibilityTimeoutSeconds;
      this.waits.delete(message.receipt);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.run(group);
      }, this.delayMs(wait));
      timer.unref();
      this.timers.add(timer);
      return;
    }
    this.busy.delete(group);
  }
}

/** The record the SQS event source hands the delivery function. */
function sqsRecord(m: QueuedMessage) {
  return {
    messageId: m.messageId,
    receiptHandle: m.receipt,
    body: JSON.stringify(m.delivery),
    attributes: {
      ApproximateReceiveCount: String(m.receiveCount),
      SentTimestamp: String(Date.now()),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
      MessageGroupId: m.group,
      MessageDeduplicationId: '',
      SequenceNumber: '0',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:000000000000:gebruikersbeheer-webhooks.fifo',
    awsRegion: 'eu-west-1',
  };
}

/** Tries `fn` a few times, as EventBridge and Pipes retry; false when every try failed. */
async function tries(fn: () => Promise<void>, what: string): Promise<boolean> {
  for (let attempt = 1; attempt <= TARGET_TRIES; attempt += 1) {
    try {
      await fn();
      return true;
    } catch (error) {
      logger.warn(`${what} failed`, { attempt, reason: error instanceof Error ? error.name : 'unknown' });
      await sleep(50 * attempt);
    }
  }
  return false;
}

export async function startLocalEventPipeline(
  options: LocalEventPipelineOptions,
): Promise<LocalEventPipeline> {
  const delayMs = options.delayMs ?? ((s: number) => s * 1000);
  const pollMs = options.pollMs ?? 250;
  const positionFile = options.dataDir ? resolve(options.dataDir, 'events/stream-position.json') : null;
  const deadLetterFile = options.dataDir ? resolve(options.dataDir, 'events/dead-letters.jsonl') : null;
  if (positionFile) await mkdir(dirname(positionFile), { recursive: true });

  const [enrich, fanout, deliver] = await Promise.all([
    loadHandler(options.root, 'events-enrich'),
    loadHandler(options.root, 'webhook-fanout'),
    loadHandler(options.root, 'webhook-deliver'),
  ]);
  const letters: DeadLetter[] = [];
  const deadLetter = async (letter: DeadLetter) => {
    letters.push(letter);
    logger.warn('set aside in the dead-letter queue', {
      kind: letter.kind,
      eventId: letter.delivery?.event.id ?? letter.event?.id,
    });
    if (deadLetterFile) await appendFile(deadLetterFile, `${JSON.stringify(letter)}\n`);
  };
  const queue = new LocalFifoQueue(
    deliver,
    delayMs,
    deadLetter,
    options.dedupWindowMs ?? SQS_DEDUP_WINDOW_MS,
  );
  // The fan-out and the delivery in this process send to, and answer, this queue instead of SQS.
  resetWebhookDeps();
  setWebhookDeps({ queue });

  // The rules of the bus: the webhook rule and its target; other consumers would add theirs here.
  const rules: { pattern: EventPattern; target: (event: unknown) => Promise<unknown> }[] = [
    { pattern: WEBHOOK_RULE as unknown as EventPattern, target: fanout },
  ];
  let busWork = 0;
  async function putOnBus(events: ChangeEvent[]): Promise<void> {
    busWork += 1;
    try {
      for (const detail of events) {
        const envelope = {
          version: '0',
          id: randomUUID(),
          'detail-type': CHANGE_EVENT_DETAIL_TYPE,
          source: EVENT_SOURCE,
          account: '000000000000',
          time: detail.time,
          region: 'eu-west-1',
          resources: [],
          detail,
          'event-bus-name': EVENT_BUS_NAME,
        };
        for (const rule of rules) {
          if (!matchesPattern(rule.pattern, envelope)) continue;
          if (!(await tries(async () => void (await rule.target(envelope)), 'bus target')))
            await deadLetter({ at: new Date().toISOString(), kind: 'fanout', event: detail });
        }
      }
    } finally {
      busWork -= 1;
    }
  }

  // The pipe: the table's stream, shard by shard, from where it stopped last.
  const streams = new DynamoDBStreamsClient(localDynamoClientConfig(options.dynamoEndpoint));
  const table = await options.client.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`De tabel ${options.tableName} heeft geen stream.`);
  let positions: Record<string, string> = {};
  if (positionFile) {
    try {
      const saved = JSON.parse(await readFile(positionFile, 'utf8')) as {
        streamArn: string;
        shards: Record<string, string>;
      };
      if (saved.streamArn === streamArn) positions = saved.shards;
    } catch {
      // No position yet: from the start of what the stream keeps (24 hours).
    }
  }
  const iterators = new Map<string, string | null>();
  let stopped = false;
  let reading = false;
  let caughtUp = false;

  async function iteratorFor(shardId: string): Promise<string | null> {
    const after = positions[shardId];
    const out = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return out.ShardIterator ?? null;
  }

  async function discoverShards(): Promise<void> {
    const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of out.StreamDescription?.Shards ?? []) {
      if (shard.ShardId && !iterators.has(shard.ShardId))
        iterators.set(shard.ShardId, await iteratorFor(shard.ShardId));
    }
  }

  async function handle(records: StreamRecord[]): Promise<void> {
    const outbox = records.filter((r) => matchesPattern(OUTBOX_FILTER as unknown as EventPattern, r));
    if (outbox.length === 0) return;
    let events: ChangeEvent[] = [];
    const ok = await tries(async () => {
      events = (await enrich(outbox)) as ChangeEvent[];
    }, 'pipe enrichment');
    if (!ok) {
      await deadLetter({ at: new Date().toISOString(), kind: 'enrich' });
      return;
    }
    await putOnBus(events);
  }

  /** One round over every shard; true when some shard had records. */
  async function readOnce(): Promise<boolean> {
    let any = false;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      let out: GetRecordsCommandOutput;
      try {
        out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      } catch (error) {
        if (error instanceof ExpiredIteratorException) {
          iterators.set(shardId, await iteratorFor(shardId));
          continue;
        }
        throw error;
      }
      const records = out.Records ?? [];
      iterators.set(shardId, out.NextShardIterator ?? null);
      if (records.length === 0) continue;
      any = true;
      await handle(records);
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) {
        positions[shardId] = last;
        if (positionFile) await writeFile(positionFile, JSON.stringify({ streamArn, shards: positions }));
      }
    }
    return any;
  }

  await discoverShards();
  const loop = (async () => {
    let rounds = 0;
    while (!stopped) {
      reading = true;
      let any = false;
      try {
        if (rounds++ % 40 === 0) await discoverShards();
        any = await readOnce();
      } catch (error) {
        logger.error('reading the table stream failed', { error: error as Error });
      } finally {
        reading = false;
      }
      caughtUp = !any;
      if (!any) await sleep(pollMs);
    }
  })();

  return {
    replay: putOnBus,
    deadLetters: () => [...letters],
    async idle() {
      caughtUp = false;
      while (!stopped && (reading || !caughtUp || busWork > 0 || queue.pending())) await sleep(20);
    },
    async stop() {
      stopped = true;
      queue.stop();
      await loop;
      streams.destroy();
    },
  };
}
