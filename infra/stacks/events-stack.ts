import { readFileSync } from 'node:fs';
import {
  CfnOutput,
  CrossStackReferences,
  Duration,
  ReferenceStrength,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Archive, EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { CfnRegistry, CfnSchema } from 'aws-cdk-lib/aws-eventschemas';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import { DeduplicationScope, FifoThroughputLimit, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  CHANGE_EVENT_DETAIL_TYPE,
  EVENT_BUS_NAME,
  EVENT_SOURCE,
  type EventFunction,
  eventFunctions,
  eventHandlerPath,
  OUTBOX_FILTER,
  WEBHOOK_QUEUE,
  WEBHOOK_RULE,
} from '#functions/events';
import { ApiFunction, pascalCase } from '#infra/constructs/api-function';
import { fromRoot } from '#infra/paths';
import { keys } from '#lib/adapters/dynamodb/keys';
import { ENV } from '#lib/config/env-names';
import { WEBHOOK_TIMEOUT_MS } from '#lib/domain/webhooks';

export interface EventsStackProps extends StackProps {
  /** The table, with its stream (the data stack's). */
  table: ITable;
}

/**
 * The change events' way out (functions/events.ts): the table's stream → an EventBridge pipe (filter: new
 * outbox items; enrichment: `events-enrich`) → the bus `gebruikersbeheer`, with a year's archive and the
 * published schema; the bus's webhook rule → `webhook-fanout` → an SQS FIFO queue → `webhook-deliver` →
 * the partners' URLs, and after the last try a dead-letter queue with an alarm. Stateless but for the
 * archive; the subscriptions live in the table.
 */
export class EventsStack extends Stack {
  readonly bus: EventBus;
  readonly functions: ReadonlyMap<EventFunction['fn'], ApiFunction>;
  readonly pipe: CfnPipe;
  readonly deliveryQueue: Queue;
  readonly deliveryDeadLetters: Queue;

  constructor(scope: Construct, id: string, props: EventsStackProps) {
    super(scope, id, props);
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const { table } = props;
    if (!table.tableStreamArn) throw new Error('The table needs its stream for the change events.');

    this.bus = new EventBus(this, 'Bus', {
      eventBusName: EVENT_BUS_NAME,
      description: 'Gebruikersbeheer: change events (who gained or lost access)',
    });
    new Archive(this, 'Archive', {
      sourceEventBus: this.bus,
      archiveName: `${EVENT_BUS_NAME}-events`,
      description: 'Every change event for a year, to replay to a consumer that lost some',
      eventPattern: { source: [EVENT_SOURCE] },
      retention: Duration.days(365),
    });

    // The published schema, from the same file partners read in the repository.
    const registry = new CfnRegistry(this, 'SchemaRegistry', {
      registryName: EVENT_BUS_NAME,
      description: 'Gebruikersbeheer: the change event',
    });
    const schema = new CfnSchema(this, 'ChangeEventSchema', {
      registryName: EVENT_BUS_NAME,
      schemaName: `${EVENT_SOURCE}@${CHANGE_EVENT_DETAIL_TYPE}`,
      type: 'JSONSchemaDraft4',
      content: readFileSync(fromRoot('events/schema/change-event.schema.json'), 'utf8'),
      description: 'The detail of every change event; see docs/events.md',
    });
    schema.addDependency(registry);

    // The webhook functions read the subscriptions and nothing else of the table.
    const readSubscriptions = new PolicyStatement({
      actions: ['dynamodb:GetItem', 'dynamodb:Query'],
      resources: [table.tableArn],
      conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [keys.webhooksPk()] } },
    });
    const functions = new Map<EventFunction['fn'], ApiFunction>();
    for (const spec of eventFunctions) {
      const fn = new ApiFunction(this, pascalCase(spec.fn), {
        entry: eventHandlerPath(spec),
        description: `Change events: ${spec.fn}`,
        // The delivery waits for a partner's answer; the others are quick.
        timeout:
          spec.fn === 'webhook-deliver' ? Duration.millis(WEBHOOK_TIMEOUT_MS + 5_000) : Duration.seconds(10),
        environment: {
          POWERTOOLS_SERVICE_NAME: 'gebruikersbeheer',
          ...(spec.data === 'read' ? { [ENV.tableName]: table.tableName } : {}),
        },
      });
      if (spec.data === 'read') {
        fn.addToRolePolicy(readSubscriptions);
        table.encryptionKey?.grantDecrypt(fn);
      }
      functions.set(spec.fn, fn);
    }
    this.functions = functions;
    const enrich = functions.get('events-enrich') as ApiFunction;
    const fanout = functions.get('webhook-fanout') as ApiFunction;
    const deliver = functions.get('webhook-deliver') as ApiFunction;

    // The pipe: stream → filter → enrichment → bus. What fails for good goes to its dead-letter queue.
    const pipeDeadLetters = this.deadLetterQueue('PipeDeadLetters', false, 'the pipe from the table stream');
    const pipeRole = new Role(this, 'PipeRole', { assumedBy: new ServicePrincipal('pipes.amazonaws.com') });
    table.grantStreamRead(pipeRole);
    // The function itself, not `:*` (its versions) as grantInvoke would add: the pipe calls it unqualified.
    pipeRole.addToPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [enrich.functionArn] }),
    );
    Validations.of(pipeRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams, added by the table\'s grantStreamRead: DynamoDB only allows it on "*". The stream reads themselves are on this table\'s stream.',
    });
    this.bus.grantPutEventsTo(pipeRole);
    pipeDeadLetters.grantSendMessages(pipeRole);
    this.pipe = new CfnPipe(this, 'OutboxPipe', {
      description: 'Gebruikersbeheer: change events from the table to the bus',
      roleArn: pipeRole.roleArn,
      source: table.tableStreamArn,
      sourceParameters: {
        filterCriteria: { filters: [{ pattern: JSON.stringify(OUTBOX_FILTER) }] },
        dynamoDbStreamParameters: {
          startingPosition: 'TRIM_HORIZON',
          batchSize: 10,
          maximumBatchingWindowInSeconds: 1,
          maximumRetryAttempts: 10,
          onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
          deadLetterConfig: { arn: pipeDeadLetters.queueArn },
        },
      },
      enrichment: enrich.functionArn,
      target: this.bus.eventBusArn,
      targetParameters: {
        eventBridgeEventBusParameters: { source: EVENT_SOURCE, detailType: CHANGE_EVENT_DETAIL_TYPE },
      },
    });
    this.pipe.node.addDependency(pipeRole);

    // Webhooks: the rule → fan-out (retried by EventBridge, then its dead-letter queue) → FIFO queue.
    this.deliveryDeadLetters = this.deadLetterQueue('WebhookDeadLetters', true, 'webhook deliveries');
    this.deliveryQueue = new Queue(this, 'WebhookDeliveries', {
      fifo: true,
      // Per message group: one person's deliveries to one subscription stay in order, others go on.
      deduplicationScope: DeduplicationScope.MESSAGE_GROUP,
      fifoThroughputLimit: FifoThroughputLimit.PER_MESSAGE_GROUP_ID,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(WEBHOOK_QUEUE.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deliveryDeadLetters, maxReceiveCount: WEBHOOK_QUEUE.maxReceiveCount },
    });
    fanout.addEnvironment(ENV.webhookQueueUrl, this.deliveryQueue.queueUrl);
    this.deliveryQueue.grantSendMessages(fanout);
    deliver.addEnvironment(ENV.webhookQueueUrl, this.deliveryQueue.queueUrl);
    // The delivery sets its own wait before the next try (ChangeMessageVisibility).
    deliver.addToRolePolicy(
      new PolicyStatement({
        actions: ['sqs:ChangeMessageVisibility'],
        resources: [this.deliveryQueue.queueArn],
      }),
    );
    deliver.addEventSource(
      new SqsEventSource(this.deliveryQueue, {
        batchSize: WEBHOOK_QUEUE.batchSize,
        reportBatchItemFailures: true,
      }),
    );
    Validations.of(deliver).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        "An SQS source's failures go to the queue's own dead-letter queue (its redrive policy, after the last try); an on-failure destination applies to stream sources only.",
    });
    const fanoutDeadLetters = this.deadLetterQueue('FanoutDeadLetters', false, 'the webhook fan-out');
    new Rule(this, 'WebhookRule', {
      eventBus: this.bus,
      description: 'Every change event to the webhook fan-out',
      eventPattern: WEBHOOK_RULE as unknown as { source: string[] },
      targets: [
        new LambdaFunction(fanout, {
          deadLetterQueue: fanoutDeadLetters,
          retryAttempts: 185,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });
    // Invoked by EventBridge asynchronously: its failures go to the rule target's dead-letter queue.
    Validations.of(fanout).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        "Invoked asynchronously by the bus's webhook rule, whose target has a dead-letter queue (FanoutDeadLetters) and retries; a function-level DLQ would never receive anything.",
    });

    for (const [id, queue, what] of [
      ['Pipe', pipeDeadLetters, 'change events could not be put on the bus'],
      ['Fanout', fanoutDeadLetters, 'change events could not be fanned out to the webhooks'],
      ['Webhook', this.deliveryDeadLetters, 'webhook deliveries failed after the last try'],
    ] as const) {
      new Alarm(this, `${id}DeadLettersAlarm`, {
        alarmDescription: `Gebruikersbeheer: ${what} (messages in the dead-letter queue)`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }

    new CfnOutput(this, 'EventBusArn', { value: this.bus.eventBusArn });
    new CfnOutput(this, 'WebhookDeadLetterQueueUrl', { value: this.deliveryDeadLetters.queueUrl });
    new CfnOutput(this, 'SchemaRegistryName', { value: registry.registryName ?? EVENT_BUS_NAME });
  }

  private deadLetterQueue(id: string, fifo: boolean, of: string): Queue {
    const queue = new Queue(this, id, {
      ...(fifo ? { fifo: true } : {}),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: `This queue is itself the dead-letter queue of ${of}.` },
      {
        id: 'Serverless-SQSRedrivePolicy',
        reason: `This queue is itself the dead-letter queue of ${of}; an operator redrives it by hand once the cause is fixed.`,
      },
    );
    return queue;
  }
}
