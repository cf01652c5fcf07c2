import {
  CfnOutput,
  CrossStackReferences,
  Duration,
  ReferenceStrength,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { handlerPath, type Route, routes } from '#functions/routes';
import { ApiFunction, pascalCase } from '#infra/constructs/api-function';
import { grantRegistries, type RegistriesConfig } from '#infra/constructs/registry-access';
import { pseudonymKeyExtension, pseudonymKeyParameter, TableAccess } from '#infra/constructs/table-access';
import { ENV } from '#lib/config/env-names';

export { DEFAULT_PSEUDONYM_SECRET_PARAMETER } from '#infra/constructs/table-access';

/**
 * What route functions may do with the approval state machine, by `route.fn`: start an execution
 * (a request, or re-driving one after a failed decision) and answer the waiting task with its token.
 */
const approvalAccess: Readonly<Record<string, readonly ('start' | 'respond')[]>> = {
  'request-access': ['start'],
  // A local administrator's grant for themselves becomes a request while others can decide it.
  'grant-right': ['start'],
  'quick-grant': ['start'],
  // Widening one's own grant becomes a request too.
  'update-grant': ['start'],
  'decide-task': ['start', 'respond'],
};

/** The routes that start the bulk workflow: the import's dry run and apply, the bulk extension. */
const BULK_STARTERS: ReadonlySet<string> = new Set(['create-import', 'confirm-import', 'create-extension']);

/** Who may call the API: the Cognito user pool's issuer and the app clients per kind of route. */
export interface ApiAuth {
  /** `iss` of the user pool's tokens (`https://cognito-idp.<region>.amazonaws.com/<pool id>`). */
  issuer: string;
  /** App client ids whose person tokens the `user` routes accept (the admin UI). */
  userClientIds: string[];
  /** App client ids whose client-credentials tokens the `service` routes accept (the portal). */
  serviceClientIds: string[];
}

export interface ApiStackProps extends StackProps {
  table: ITable;
  auth: ApiAuth;
  /** The route table; the shared one unless a test passes its own. */
  routes?: readonly Route[];
  /**
   * Browser origins allowed to call the API cross-origin: the UI's CloudFront origin (hosting stack).
   * Unset: no CORS configuration, which is right only when the UI is served from the same origin.
   */
  corsOrigins?: string[];
  /**
   * The approval workflow (workflow stack): its ARN and permissions go to the route functions that
   * start executions or answer its task (`request-access`, `decide-task`). Required when those routes exist.
   */
  approvalStateMachine?: IStateMachine;
  /** The access-review workflow: `start-review` starts an execution for a campaign started on demand. */
  reviewStateMachine?: IStateMachine;
  /** The bulk workflow: the import's and the bulk extension's routes start its executions. */
  bulkStateMachine?: IStateMachine;
  /** Which registries the functions that ask one read (infra/constructs/registry-access.ts). */
  registries: RegistriesConfig;
}

const requireScope = (route: Route): string => {
  if (!route.scope) throw new Error(`${route.method} ${route.path}: a service route needs a scope`);
  return route.scope;
};

/**
 * The stateless stack: one function and one route per entry of the route table, behind JWT authorizers
 * on the identity stack's user pool.
 * Everything here can be destroyed and recreated; the data lives in the data stack.
 */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** By `route.fn`, so tests and later stacks can find a route's function. */
  readonly functions: ReadonlyMap<string, ApiFunction>;

  private readonly registries: RegistriesConfig;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    this.registries = props.registries;
    const tableRoutes = props.routes ?? routes;
    // Strong (CloudFormation exports): the data stack cannot drop or replace the table while this stack
    // still uses it.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);

    const secretParameterName = pseudonymKeyParameter(this);

    // Two JWT authorizers on the same issuer, told apart by audience. Cognito access tokens have no `aud`;
    // API Gateway then checks `client_id` against the audience list. So a person's token (web client) is
    // refused on service routes, and the portal's client-credentials token on user routes, at the gateway.
    // Cognito ID tokens do carry `aud` = the web client id and would pass the user authorizer: API Gateway
    // cannot check `token_use`, so the handlers refuse anything but `token_use: access`.
    const authorizers = {
      none: new HttpNoneAuthorizer(),
      user: new HttpJwtAuthorizer('UserAuthorizer', props.auth.issuer, {
        authorizerName: 'user',
        jwtAudience: props.auth.userClientIds,
      }),
      service: new HttpJwtAuthorizer('ServiceAuthorizer', props.auth.issuer, {
        authorizerName: 'service',
        jwtAudience: props.auth.serviceClientIds,
      }),
    } as const;

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Gebruikersbeheer API',
      // The stage is created below with throttling and access logs, which the default stage cannot have.
      createDefaultStage: false,
      corsPreflight: props.corsOrigins && {
        allowOrigins: props.corsOrigins,
        allowMethods: [...new Set(tableRoutes.map((route) => CorsHttpMethod[route.method]))],
        // What the UI sends (web/src/app/api.ts): the bearer token, JSON bodies, If-Match, Idempotency-Key.
        allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
        // Bearer tokens, no cookies: credentialed requests stay refused.
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: { burstLimit: 100, rateLimit: 50 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // JSON, so the lines can be queried with Logs Insights. No user identity: ids stay in app logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    const tableAccess = new TableAccess(this, 'TableAccess', {
      table: props.table,
      secretParameterName: secretParameterName.valueAsString,
    });

    const functions = new Map<string, ApiFunction>();
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of tableRoutes) {
      const fn = this.routeFunction(route, tableAccess.environment);
      functions.set(route.fn, fn);
      tableAccess.grant(fn, route.data);
      if (route.registries) grantRegistries(this, fn, props.registries);
      this.grantApprovalAccess(route, fn, props.approvalStateMachine);
      if (route.fn === 'start-review') {
        if (!props.reviewStateMachine)
          throw new Error('start-review needs the review state machine (props.reviewStateMachine)');
        fn.addEnvironment(ENV.reviewStateMachineArn, props.reviewStateMachine.stateMachineArn);
        props.reviewStateMachine.grantStartExecution(fn);
      }
      if (BULK_STARTERS.has(route.fn)) {
        if (!props.bulkStateMachine)
          throw new Error(`${route.fn} needs the bulk state machine (props.bulkStateMachine)`);
        fn.addEnvironment(ENV.bulkStateMachineArn, props.bulkStateMachine.stateMachineArn);
        props.bulkStateMachine.grantStartExecution(fn);
      }

      const routeConstructs = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${pascalCase(route.fn)}Integration`, fn),
        authorizer: authorizers[route.auth],
        authorizationScopes: route.auth === 'service' ? [requireScope(route)] : undefined,
      });
      if (route.auth === 'none') {
        for (const httpRoute of routeConstructs) {
          Validations.of(httpRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${route.method} ${route.path} is public by design (route table: auth 'none'): it serves public information only, nothing about an organisation's people.`,
          });
        }
      }
      const throttle = route.throttle;
      if (throttle) {
        routeSettings[`${route.method} ${route.path}`] = {
          ThrottlingRateLimit: throttle.rateLimit,
          ThrottlingBurstLimit: throttle.burstLimit,
        };
        // Route settings name routes by key: the stage may only be created or updated once they exist.
        for (const httpRoute of routeConstructs) this.stage.node.addDependency(httpRoute);
      }
    }
    if (Object.keys(routeSettings).length > 0) {
      (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
    }
    this.functions = functions;

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url });
  }

  private routeFunction(route: Route, environment: Readonly<Record<string, string>>): ApiFunction {
    return new ApiFunction(this, pascalCase(route.fn), {
      entry: handlerPath(route),
      description: `${route.method} ${route.path}`,
      environment: { ...environment },
      paramsAndSecrets: pseudonymKeyExtension(
        route.data,
        route.registries && this.registries.mode === 'magda',
      ),
    });
  }

  /** The approval state machine's ARN and the least actions on it, for the functions that need them. */
  private grantApprovalAccess(route: Route, fn: ApiFunction, stateMachine: IStateMachine | undefined): void {
    const access = approvalAccess[route.fn];
    if (!access) return;
    if (!stateMachine)
      throw new Error(`${route.fn} needs the approval state machine (props.approvalStateMachine)`);
    fn.addEnvironment(ENV.approvalStateMachineArn, stateMachine.stateMachineArn);
    if (access.includes('start')) stateMachine.grantStartExecution(fn);
    if (access.includes('respond')) {
      // The callback answers only; no SendTaskHeartbeat (the waiting state has no heartbeat).
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
          resources: [stateMachine.stateMachineArn],
        }),
      );
    }
  }
}
