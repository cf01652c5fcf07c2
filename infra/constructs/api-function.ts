import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { BUNDLE_ALIASES, ESM_REQUIRE_BANNER, LAMBDA_ESBUILD } from '#infra/bundling';
import { fromRoot, repoRoot } from '#infra/paths';

/** `request-access` → `RequestAccess`: construct ids from the kebab-case names of the route and workflow tables. */
export const pascalCase = (kebab: string): string =>
  kebab.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, char: string) => char.toUpperCase());

export interface ApiFunctionProps extends Omit<NodejsFunctionProps, 'entry' | 'runtime' | 'architecture'> {
  /** Entry file, relative to the repository root (e.g. `functions/health/handler.ts`). */
  entry: string;
}

/**
 * The one Lambda construct: every function gets the same runtime, architecture, tracing, log group and
 * bundling, so the stacks only decide what differs (entry, environment, grants).
 *
 * Two sibling constructs are created next to the function (`<id>Logs`, `<id>Role`) because a subclass
 * cannot create children before `super()`: an explicit log group with retention (instead of the
 * never-expiring implicit one) and a role that may write to exactly that log group, instead of the
 * `AWSLambdaBasicExecutionRole` managed policy whose log permissions apply to every log group.
 */
export class ApiFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      // Logs are operational data, not the record of changes (that is the history in the table).
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role =
      props.role ?? new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });

    super(scope, id, {
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      memorySize: 512,
      timeout: Duration.seconds(10),
      loggingFormat: LoggingFormat.JSON,
      ...props,
      role,
      logGroup,
      entry: fromRoot(props.entry),
      projectRoot: repoRoot,
      depsLockFilePath: fromRoot('package-lock.json'),
      environment: {
        // Stack traces in logs point at the TypeScript sources (the bundle ships its source map).
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: LAMBDA_ESBUILD.target,
        mainFields: [...LAMBDA_ESBUILD.mainFields],
        banner: ESM_REQUIRE_BANNER,
        minify: LAMBDA_ESBUILD.minify,
        sourceMap: true,
        // Bundle the AWS SDK: a pinned, tree-shaken client instead of whatever version the runtime ships.
        externalModules: [],
        esbuildArgs: Object.fromEntries(
          Object.entries(BUNDLE_ALIASES).map(([from, to]) => [`--alias:${from}`, to]),
        ),
        tsconfig: fromRoot('tsconfig.json'),
        ...props.bundling,
      },
    });
    logGroup.grantWrite(role);

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 on purpose: the project pins Node 22 (engines, node@22) for local runs, tests and Lambda alike.',
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason:
          'Node.js 22 on purpose: the project pins Node 22 (engines, node@22) for local runs, tests and Lambda alike.',
      },
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously only: by API Gateway, by Cognito (token trigger) or by Step Functions Task states (RequestResponse; the ASL retries and catches failures). A dead-letter queue only applies to asynchronous invocations, and no function here is invoked asynchronously.',
      },
    );

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Tracing.ACTIVE adds xray:PutTraceSegments/PutTelemetryRecords, which X-Ray only allows on "*".',
    });
  }
}
