import { readFileSync } from 'node:fs';
import {
  ArnFormat,
  Aws,
  CfnCondition,
  CfnOutput,
  CfnParameter,
  CrossStackReferences,
  Duration,
  Fn,
  ReferenceStrength,
  RemovalPolicy,
  Stack,
  type StackProps,
  TimeZone,
  Validations,
} from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import {
  type StateMachineSpec,
  stateMachines,
  type WorkflowFunction,
  workflowFunctions,
  workflowHandlerPath,
} from '#functions/workflows';
import { ApiFunction, pascalCase } from '#infra/constructs/api-function';
import { grantRegistries, type RegistriesConfig } from '#infra/constructs/registry-access';
import { pseudonymKeyExtension, pseudonymKeyParameter, TableAccess } from '#infra/constructs/table-access';
import { fromRoot } from '#infra/paths';
import { ENV } from '#lib/config/env-names';

/** The daily expiry sweep: 06:00 in Brussels, summer and winter time alike. */
export const EXPIRY_SCHEDULE = {
  expression: 'cron(0 6 * * ? *)',
  timeZone: TimeZone.EUROPE_BRUSSELS,
} as const;

/** The daily KBO follow: 05:30 in Brussels, so a stopped enterprise is paused before the sweep warns. */
export const KBO_SCHEDULE = {
  expression: 'cron(30 5 * * ? *)',
  timeZone: TimeZone.EUROPE_BRUSSELS,
} as const;

/** The daily access-review step: 06:30 in Brussels, after the KBO follow and the sweep. */
export const REVIEW_SCHEDULE = {
  expression: 'cron(30 6 * * ? *)',
  timeZone: TimeZone.EUROPE_BRUSSELS,
} as const;

/**
 * Lambda timeout of the workflow functions: below the `TimeoutSeconds` of every Task state that calls one
 * directly (30 s and more in the ASL), so a slow function fails as a Lambda error the ASL's Retry sees,
 * not as a state timeout while it still runs.
 */
export const WORKFLOW_FUNCTION_TIMEOUT = Duration.seconds(25);

const PLACEHOLDER = /\$\{(\w+)\}/g;

/** The `${Placeholder}`s an ASL text uses, in order of first use. */
export const placeholdersOf = (asl: string): string[] => [
  ...new Set([...asl.matchAll(PLACEHOLDER)].map((m) => m[1]!)),
];

export interface WorkflowStackProps extends StackProps {
  table: ITable;
  /** Base URL of the UI (hosting stack, no trailing slash), for the links in the e-mail. */
  appUrl: string;
  /** Which registries the steps that ask one read (infra/constructs/registry-access.ts). */
  registries: RegistriesConfig;
}

/**
 * The workflows: one function per entry of the workflow table, the state machines from the shared ASL
 * files with each `${Placeholder}` substituted by its function's ARN, and the daily schedule that starts
 * the expiry sweep.
 *
 * A stack of its own between data and API: it needs the table (data stack) and the API needs the
 * approval state machine's ARN (request-access, decide-task), so references only ever point
 * data ← workflows ← API and nothing is circular. Stateless like the API stack.
 */
export class WorkflowStack extends Stack {
  /** By `fn` of the workflow table. */
  readonly functions: ReadonlyMap<string, ApiFunction>;
  readonly stateMachines: Readonly<Record<StateMachineSpec['name'], StateMachine>>;
  readonly approvalStateMachine: StateMachine;
  readonly expiryStateMachine: StateMachine;
  readonly expirySchedule: Schedule;
  readonly kboStateMachine: StateMachine;
  readonly kboSchedule: Schedule;
  readonly reviewStateMachine: StateMachine;
  readonly reviewSchedule: Schedule;
  readonly scheduleDeadLetterQueue: Queue;

  private readonly registries: RegistriesConfig;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    this.registries = props.registries;
    // Strong (CloudFormation exports), as in the API stack: the data stack cannot drop the table while
    // the workflow functions use it.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);

    const secretParameterName = pseudonymKeyParameter(this);
    const sesIdentity = new CfnParameter(this, 'SesIdentity', {
      type: 'String',
      // A verified domain (example.be) or e-mail address (no-reply@example.be).
      allowedPattern: '^([^@\\s]+@)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$',
      description:
        'SES identity the workflow e-mail is sent from: a verified domain or e-mail address (it must cover MailFrom)',
    });
    const sesConfigurationSet = new CfnParameter(this, 'SesConfigurationSet', {
      type: 'String',
      default: '',
      allowedPattern: '^[A-Za-z0-9_-]*$',
      description:
        "SES configuration set used when sending (e.g. the identity's default configuration set); empty: none",
    });
    const mailFrom = new CfnParameter(this, 'MailFrom', {
      type: 'String',
      minLength: 3,
      description: 'Sender of the e-mail, e.g. "Gebruikersbeheer <no-reply@example.be>" (within SesIdentity)',
    });
    const hasConfigurationSet = new CfnCondition(this, 'HasSesConfigurationSet', {
      expression: Fn.conditionNot(Fn.conditionEquals(sesConfigurationSet.valueAsString, '')),
    });

    const tableAccess = new TableAccess(this, 'TableAccess', {
      table: props.table,
      secretParameterName: secretParameterName.valueAsString,
    });
    // SES v2 SendEmail is authorised against the sending identity and, when one applies (named or the
    // identity's default), the configuration set. Nothing else: no SendRawEmail, no other identities.
    const sendEmail = new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [
        this.formatArn({ service: 'ses', resource: 'identity', resourceName: sesIdentity.valueAsString }),
        Fn.conditionIf(
          hasConfigurationSet.logicalId,
          this.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: sesConfigurationSet.valueAsString,
          }),
          Aws.NO_VALUE,
        ).toString(),
      ],
    });

    const functions = new Map<string, ApiFunction>();
    for (const spec of workflowFunctions) {
      const fn = this.workflowFunction(spec, {
        ...tableAccess.environment,
        [ENV.mailTransport]: 'ses',
        [ENV.mailFrom]: mailFrom.valueAsString,
        [ENV.appUrl]: props.appUrl,
      });
      tableAccess.grant(fn, spec.data);
      if (spec.mail) fn.addToRolePolicy(sendEmail);
      if (spec.registries) grantRegistries(this, fn, props.registries);
      functions.set(spec.fn, fn);
    }
    this.functions = functions;

    const machines = Object.fromEntries(
      stateMachines.map((spec) => [spec.name, this.stateMachine(spec, functions)]),
    ) as Record<StateMachineSpec['name'], StateMachine>;
    this.stateMachines = machines;
    this.approvalStateMachine = machines.approval;
    this.expiryStateMachine = machines.expiry;
    this.kboStateMachine = machines.kbo;
    this.reviewStateMachine = machines.review;

    // OpenTask answers its own callback when it finds a decision recorded while no execution waited
    // (a re-drive). A separate policy, not the role's default one: the function depends on its default
    // policy and the state machine on the function, so a grant there would close a cycle.
    const openTask = functions.get('workflow-open-approval-task');
    if (openTask?.role) {
      new Policy(this, 'OpenApprovalTaskAnswersCallback', {
        roles: [openTask.role],
        statements: [
          new PolicyStatement({
            actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
            resources: [machines.approval.stateMachineArn],
          }),
        ],
      });
    }

    // Scheduler → expiry sweep. Missed runs are harmless (the sweep catches up), so the retries give up
    // after a few hours; what still fails lands in the dead-letter queue, with an alarm on it.
    this.scheduleDeadLetterQueue = new Queue(this, 'ExpiryScheduleDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.scheduleDeadLetterQueue).acknowledge(
      {
        id: 'AwsSolutions-SQS3',
        reason:
          "This queue is itself a dead-letter queue: EventBridge Scheduler's for the daily expiry schedule (cdk-nag only recognises DLQs of queues and functions).",
      },
      {
        id: 'Serverless-SQSRedrivePolicy',
        reason:
          'This queue is itself the dead-letter queue of the expiry schedule; nothing consumes it automatically, so there is nothing to redrive to.',
      },
    );
    this.expirySchedule = new Schedule(this, 'DailyExpirySweep', {
      description: 'Gebruikersbeheer: daily expiry sweep (warnings, expiry, tasks)',
      schedule: ScheduleExpression.expression(EXPIRY_SCHEDULE.expression, EXPIRY_SCHEDULE.timeZone),
      timeWindow: TimeWindow.off(),
      // The target creates the schedule's role: it trusts scheduler.amazonaws.com for this account's
      // default schedule group only, and may only StartExecution on the expiry machine (and send to the DLQ).
      target: new StepFunctionsStartExecution(this.expiryStateMachine, {
        input: ScheduleTargetInput.fromObject({}),
        deadLetterQueue: this.scheduleDeadLetterQueue,
        retryAttempts: 10,
        maxEventAge: Duration.hours(6),
      }),
    });

    // Scheduler → KBO follow, with the same retries and dead-letter queue. A missed day is followed by
    // the next run (it reads the KBO as it is then), so nothing is lost but a day's delay.
    this.kboSchedule = new Schedule(this, 'DailyKboFollow', {
      description: 'Gebruikersbeheer: daily KBO follow (stopped enterprises, legal representatives)',
      schedule: ScheduleExpression.expression(KBO_SCHEDULE.expression, KBO_SCHEDULE.timeZone),
      timeWindow: TimeWindow.off(),
      target: new StepFunctionsStartExecution(this.kboStateMachine, {
        input: ScheduleTargetInput.fromObject({}),
        deadLetterQueue: this.scheduleDeadLetterQueue,
        retryAttempts: 10,
        maxEventAge: Duration.hours(6),
      }),
    });

    // Scheduler → access reviews: what is due on the day (open, remind, close); a missed day is done by
    // the next run, decided by the day as it is.
    this.reviewSchedule = new Schedule(this, 'DailyAccessReview', {
      description: 'Gebruikersbeheer: daily access reviews (open, remind, close)',
      schedule: ScheduleExpression.expression(REVIEW_SCHEDULE.expression, REVIEW_SCHEDULE.timeZone),
      timeWindow: TimeWindow.off(),
      target: new StepFunctionsStartExecution(this.reviewStateMachine, {
        input: ScheduleTargetInput.fromObject({}),
        deadLetterQueue: this.scheduleDeadLetterQueue,
        retryAttempts: 10,
        maxEventAge: Duration.hours(6),
      }),
    });

    new Alarm(this, 'ExpiryScheduleDeadLettersAlarm', {
      alarmDescription:
        'The daily expiry sweep, KBO follow or access review could not be started (message in the dead-letter queue)',
      metric: this.scheduleDeadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    for (const [name, machine] of Object.entries(machines)) {
      new Alarm(this, `${pascalCase(name)}ExecutionsFailedAlarm`, {
        alarmDescription: `Executions of the ${name} workflow failed`,
        metric: machine.metricFailed({ period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }

    new CfnOutput(this, 'ApprovalStateMachineArn', { value: this.approvalStateMachine.stateMachineArn });
    new CfnOutput(this, 'ExpiryStateMachineArn', { value: this.expiryStateMachine.stateMachineArn });
    new CfnOutput(this, 'KboStateMachineArn', { value: this.kboStateMachine.stateMachineArn });
    new CfnOutput(this, 'ReviewStateMachineArn', { value: this.reviewStateMachine.stateMachineArn });
  }

  private workflowFunction(spec: WorkflowFunction, environment: Record<string, string>): ApiFunction {
    return new ApiFunction(this, pascalCase(spec.fn), {
      entry: workflowHandlerPath(spec),
      description: `Workflow task ${spec.fn}${spec.mail ? ' (sends e-mail)' : ''}`,
      timeout: spec.timeoutSeconds ? Duration.seconds(spec.timeoutSeconds) : WORKFLOW_FUNCTION_TIMEOUT,
      environment,
      paramsAndSecrets: pseudonymKeyExtension(spec.data, spec.registries && this.registries.mode === 'magda'),
    });
  }

  /**
   * A standard state machine from its ASL file, each `${Placeholder}` substituted by CloudFormation
   * with the ARN of the workflow function that declares it. Its role may invoke exactly those functions.
   */
  private stateMachine(spec: StateMachineSpec, functions: ReadonlyMap<string, ApiFunction>): StateMachine {
    const asl = readFileSync(fromRoot(spec.file), 'utf8');
    const used = placeholdersOf(asl).map((placeholder) => {
      const entry = workflowFunctions.find((f) => f.placeholder === placeholder);
      const fn = entry && functions.get(entry.fn);
      if (!fn)
        throw new Error(`${spec.file}: no workflow function declares the placeholder \${${placeholder}}`);
      return { placeholder, fn };
    });

    const id = `${pascalCase(spec.name)}StateMachine`;
    const logGroup = new LogGroup(this, `${id}Logs`, {
      // The /aws/vendedlogs/ prefix keeps CloudWatch Logs' resource policy from growing per log group.
      logGroupName: `/aws/vendedlogs/states/${this.stackName}-${spec.name}`,
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // A distributed Map starts child executions of its own machine; the role needs that by ARN, which is
    // only known without a dependency cycle when the name is fixed.
    const distributed = asl.includes('"DISTRIBUTED"');
    const stateMachineName = distributed ? `${this.stackName}-${spec.name}` : undefined;
    const machine = new StateMachine(this, id, {
      ...(stateMachineName ? { stateMachineName } : {}),
      stateMachineType: StateMachineType.STANDARD,
      comment: `Gebruikersbeheer: ${spec.name} workflow (${spec.file})`,
      definitionBody: DefinitionBody.fromString(asl),
      definitionSubstitutions: Object.fromEntries(
        used.map(({ placeholder, fn }) => [placeholder, fn.functionArn]),
      ),
      // Every event, without execution data on purpose: the inputs and outputs of the workflow functions
      // could carry personal data (names, e-mail addresses), which must not reach the logs.
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    // Exactly the functions this definition calls, by unqualified ARN (the ASL names no versions or aliases).
    machine.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: used.map(({ fn }) => fn.functionArn),
      }),
    );
    Validations.of(machine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Added by CDK for logging and tracing: the CloudWatch Logs delivery actions (logs:CreateLogDelivery and related) and xray:PutTraceSegments/PutTelemetryRecords/GetSampling* only allow "*" as resource.',
    });
    if (stateMachineName) {
      const own = (resource: string, resourceName: string) =>
        this.formatArn({
          service: 'states',
          resource,
          resourceName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        });
      machine.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:StartExecution'],
          resources: [own('stateMachine', stateMachineName)],
        }),
      );
      const executions = own('execution', `${stateMachineName}:*`);
      machine.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:DescribeExecution', 'states:StopExecution'],
          resources: [executions],
        }),
      );
      Validations.of(machine.role).acknowledge({
        // cdk-nag names the resource as CloudFormation would resolve it, pseudo parameters in <>.
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${stateMachineName}:*]`,
        reason:
          "The distributed Map's child executions of this machine only: their names are made by Step Functions, so the ARN ends in a wildcard.",
      });
    }
    return machine;
  }
}
