/** The change events' stack: the table's stream, the pipe, the bus with its archive and schema, the webhooks. */
import { readFileSync } from 'node:fs';
import type { CfnResource } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHANGE_EVENT_DETAIL_TYPE,
  EVENT_SOURCE,
  OUTBOX_FILTER,
  WEBHOOK_QUEUE,
  WEBHOOK_RULE,
} from '#functions/events';
import { fromRoot } from '#infra/paths';
import { WEBHOOK_MAX_ATTEMPTS } from '#lib/domain/webhooks';
import { buildApp } from './build-app.ts';

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

let built: ReturnType<typeof buildApp>;
let events: Template;
let data: Template;

beforeAll(() => {
  built = buildApp();
  events = Template.fromStack(built.events);
  data = Template.fromStack(built.data);
});

const id = (construct: { node: { defaultChild?: unknown } }) =>
  built.events.getLogicalId(construct.node.defaultChild as CfnResource);

function statementsOf(fn: 'events-enrich' | 'webhook-fanout' | 'webhook-deliver'): Statement[] {
  const role = built.events.functions.get(fn)?.role;
  const roleId = built.events.getLogicalId(role?.node.defaultChild as CfnRole);
  return Object.values(
    events.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) } }),
  ).flatMap(
    (p) =>
      (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument
        .Statement,
  );
}
const actions = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat()).sort();

describe('change events in AWS', () => {
  it('streams the table’s new images', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('pipes new outbox items through the enrichment to the bus, with a dead-letter queue', () => {
    const [pipe] = Object.values(events.findResources('AWS::Pipes::Pipe')) as {
      // biome-ignore lint/suspicious/noExplicitAny: the template's properties are read field by field.
      Properties: Record<string, any>;
    }[];
    const p = pipe!.Properties;
    expect(JSON.stringify(p.Source)).toContain('StreamArn');
    expect(JSON.parse(p.SourceParameters.FilterCriteria.Filters[0].Pattern)).toEqual(OUTBOX_FILTER);
    expect(p.SourceParameters.DynamoDBStreamParameters).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      DeadLetterConfig: { Arn: expect.anything() },
    });
    expect(p.Enrichment).toEqual({ 'Fn::GetAtt': [id(built.events.functions.get('events-enrich')!), 'Arn'] });
    expect(p.Target).toEqual({ 'Fn::GetAtt': [id(built.events.bus), 'Arn'] });
    expect(p.TargetParameters.EventBridgeEventBusParameters).toEqual({
      Source: EVENT_SOURCE,
      DetailType: CHANGE_EVENT_DETAIL_TYPE,
    });
  });

  it('keeps every event a year in an archive and publishes the schema from the repository’s file', () => {
    events.hasResourceProperties('AWS::Events::EventBus', { Name: 'gebruikersbeheer' });
    events.hasResourceProperties('AWS::Events::Archive', {
      RetentionDays: 365,
      EventPattern: { source: [EVENT_SOURCE] },
    });
    events.hasResourceProperties('AWS::EventSchemas::Schema', {
      RegistryName: 'gebruikersbeheer',
      Type: 'JSONSchemaDraft4',
      Content: readFileSync(fromRoot('events/schema/change-event.schema.json'), 'utf8'),
    });
  });

  it('feeds the webhooks: rule → fan-out → FIFO queue (dead letters after the last try) → delivery, one at a time', () => {
    events.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: WEBHOOK_RULE,
      Targets: [Match.objectLike({ DeadLetterConfig: Match.anyValue(), RetryPolicy: Match.anyValue() })],
    });
    events.hasResourceProperties('AWS::SQS::Queue', {
      FifoQueue: true,
      DeduplicationScope: 'messageGroup',
      RedrivePolicy: { maxReceiveCount: WEBHOOK_MAX_ATTEMPTS, deadLetterTargetArn: Match.anyValue() },
      VisibilityTimeout: WEBHOOK_QUEUE.visibilityTimeoutSeconds,
    });
    events.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(Object.keys(events.findResources('AWS::CloudWatch::Alarm'))).toHaveLength(3);
  });

  it('lets the webhook functions read the subscriptions only, and the enrichment nothing of the table', () => {
    for (const fn of ['webhook-fanout', 'webhook-deliver'] as const) {
      const table = statementsOf(fn).filter((s) => actions([s]).some((a) => a.startsWith('dynamodb:')));
      expect(actions(table)).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
      expect(table[0]?.Condition).toEqual({
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['WEBHOOKS'] },
      });
    }
    expect(actions(statementsOf('webhook-fanout'))).toEqual(expect.arrayContaining(['sqs:SendMessage']));
    expect(actions(statementsOf('webhook-deliver'))).toEqual(
      expect.arrayContaining(['sqs:ChangeMessageVisibility', 'sqs:ReceiveMessage', 'sqs:DeleteMessage']),
    );
    expect(actions(statementsOf('events-enrich')).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
  });
});
