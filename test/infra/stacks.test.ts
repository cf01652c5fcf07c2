import type { CfnResource } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes';
import { addNagChecks, unacknowledgedFindings } from '#infra/nag';
import { createTableInput, tableDefinition } from '#lib/adapters/dynamodb/table-definition';
import { buildApp } from './build-app.ts';

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

let stacks: ReturnType<typeof buildApp>;
let api: Template;
let data: Template;

beforeAll(() => {
  stacks = buildApp();
  api = Template.fromStack(stacks.api);
  data = Template.fromStack(stacks.data);
});

/** All statements of the inline policies attached to the role of the function for `fn`. */
function statementsOf(fn: string): Statement[] {
  const fnConstruct = stacks.api.functions.get(fn);
  if (!fnConstruct?.role) throw new Error(`no function for ${fn}`);
  const roleId = stacks.api.getLogicalId(fnConstruct.role.node.defaultChild as CfnRole);
  const policies = api.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
  });
  return Object.values(policies).flatMap(
    (policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument
        .Statement,
  );
}

const actionsOf = (fn: string): string[] => statementsOf(fn).flatMap((s) => [s.Action].flat());

describe('functions', () => {
  it('creates exactly one function per route', () => {
    api.resourceCountIs('AWS::Lambda::Function', routes.length);
    expect(stacks.api.functions.size).toBe(routes.length);
  });

  it('runs every function on Node.js 22, arm64, with tracing, fixed memory and timeout', () => {
    const functions = Object.values(api.findResources('AWS::Lambda::Function'));
    for (const fn of functions) {
      expect(fn).toMatchObject({
        Properties: {
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          MemorySize: 512,
          Timeout: 10,
          Handler: 'index.handler',
          LoggingConfig: { LogGroup: expect.anything() },
        },
      });
    }
  });

  it('keeps function logs for a month', () => {
    api.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('passes the table name and secret parameter name to the functions', () => {
    api.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.anyValue(),
          PSEUDONYM_SECRET_PARAMETER: { Ref: 'PseudonymKeyParameterName' },
          POWERTOOLS_SERVICE_NAME: 'gebruikersbeheer',
        }),
      },
    });
    api.hasParameter('PseudonymKeyParameterName', { Default: '/gebruikersbeheer/pseudonym-secret' });
  });
});

describe('HTTP API', () => {
  it('creates one route per entry of the route table', () => {
    api.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
  });

  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    'routes %s with the right authorization',
    (routeKey, route) => {
      api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        AuthorizationType: route.auth === 'none' ? 'NONE' : 'JWT',
        AuthorizationScopes: route.auth === 'service' ? [route.scope] : Match.absent(),
      });
    },
  );

  it('leaves public only what the route table marks public: health, the API description, public lookups', () => {
    const publicKeys = Object.values(
      api.findResources('AWS::ApiGatewayV2::Route', { Properties: { AuthorizationType: 'NONE' } }),
    ).map((r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey);
    const expected = routes.filter((r) => r.auth === 'none').map((r) => `${r.method} ${r.path}`);
    expect(publicKeys.sort()).toEqual(expected.sort());
    expect(publicKeys).toEqual(expect.arrayContaining(['GET /api/health', 'GET /api/openapi.json']));
    for (const key of publicKeys) {
      expect(key).toMatch(/^GET \/api\/(health|openapi\.json|public\/.+)$/);
    }
  });

  it('throttles the default stage and writes JSON access logs', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('^\\{.*\\}$') },
    });
  });
});

describe('table', () => {
  it('is built from the shared table definition', () => {
    const local = createTableInput('ignored');
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayEquals(local.AttributeDefinitions ?? []),
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) =>
        Match.objectLike({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: index.include
            ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.include] }
            : { ProjectionType: 'ALL' },
        }),
      ),
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
    expect(tableDefinition.globalSecondaryIndexes.map((i) => i.indexName)).toEqual(['gsi1', 'gsi2', 'gsi3']);
  });

  it('is protected: PITR, customer-managed KMS key with rotation, deletion protection, retained', () => {
    const keyId = stacks.data.getLogicalId(stacks.data.key.node.defaultChild as never);
    data.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: {
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
        },
        DeletionProtectionEnabled: true,
      }),
    });
    data.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });
});

describe('least privilege', () => {
  const writes = [
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ];

  it.each(routes.filter((r) => r.data === 'read').map((r) => r.fn))('%s reads but cannot write', (fn) => {
    const actions = actionsOf(fn);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'kms:Decrypt']));
    for (const action of writes) expect(actions).not.toContain(action);
    expect(actions).not.toContain('kms:GenerateDataKey*');
  });

  it.each(routes.filter((r) => r.data === 'write').map((r) => r.fn))('%s may write', (fn) => {
    expect(actionsOf(fn)).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query']));
  });

  it.each(routes.filter((r) => r.data === 'none').map((r) => r.fn))('%s has no data access at all', (fn) => {
    const actions = actionsOf(fn);
    expect(actions.filter((a) => /^(dynamodb|kms|ssm):/.test(a))).toEqual([]);
  });

  it('lets table functions read exactly the pseudonym secret parameter, nothing else in SSM', () => {
    for (const route of routes.filter((r) => r.data !== 'none')) {
      const ssm = statementsOf(route.fn).filter((s) => [s.Action].flat().some((a) => a.startsWith('ssm:')));
      expect(ssm).toHaveLength(1);
      expect(ssm[0]?.Action).toBe('ssm:GetParameter');
      expect(JSON.stringify(ssm[0]?.Resource)).toContain('{"Ref":"PseudonymKeyParameterName"}');
    }
  });

  it('reads that parameter (and the MAGDA certificate) through the Parameters and Secrets extension layer, only where it is needed', () => {
    for (const route of routes) {
      const fn = stacks.api.functions.get(route.fn)?.node.defaultChild as CfnResource;
      const props = api.toJSON().Resources[stacks.api.getLogicalId(fn)].Properties;
      const layers = JSON.stringify(props.Layers ?? []);
      if (route.data === 'none' && !route.registries) {
        expect(layers, route.fn).not.toContain('Paramsandsecretslayer');
      } else {
        expect(layers, route.fn).toContain('Paramsandsecretslayer');
        expect(props.Environment.Variables.PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED, route.fn).toBe('true');
      }
    }
  });

  it('gives functions no managed policies (log rights only on their own log group)', () => {
    api.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });
});

describe('checks', () => {
  it('has no unacknowledged cdk-nag findings (AwsSolutions, Serverless)', () => {
    expect(unacknowledgedFindings(stacks.app)).toEqual([]);
  });

  it('has no CDK warnings or errors', () => {
    for (const stack of [stacks.data, stacks.identity, stacks.api]) {
      const annotations = Annotations.fromStack(stack);
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
      expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    }
  });

  it('synthesizes with the checks registered as validation plugins, as `cdk synth` does', () => {
    // In a test run, CDK throws from synth() with the full report when a plugin reports an error.
    const { app } = buildApp();
    addNagChecks(app);
    expect(() => app.synth()).not.toThrow();
  });
});
