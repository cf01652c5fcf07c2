import { readFileSync } from 'node:fs';
import type { CfnResource, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes';
import { stateMachines, workflowFunctions } from '#functions/workflows';
import { addNagChecks, unacknowledgedFindings } from '#infra/nag';
import { fromRoot } from '#infra/paths';
import { placeholdersOf, WORKFLOW_FUNCTION_TIMEOUT } from '#infra/stacks/workflow-stack';
import { buildApp } from './build-app.ts';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}
type Resource = { Type: string; Properties: Record<string, unknown>; [k: string]: unknown };

let built: ReturnType<typeof buildApp>;
let workflows: Template;
let api: Template;

beforeAll(() => {
  built = buildApp();
  workflows = Template.fromStack(built.workflows);
  api = Template.fromStack(built.api);
});

const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }): string =>
  stack.getLogicalId(construct.node.defaultChild as CfnResource);

const actions = (s: Statement): string[] => [s.Action].flat();

/** The statements of every inline policy attached to the role with this logical id. */
function statementsOfRole(template: Template, roleId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
  });
  return Object.values(policies).flatMap(
    (policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument
        .Statement,
  );
}

const workflowStatements = (fn: string): Statement[] => {
  const construct = built.workflows.functions.get(fn);
  if (!construct?.role) throw new Error(`no workflow function ${fn}`);
  return statementsOfRole(
    workflows,
    built.workflows.getLogicalId(construct.role.node.defaultChild as CfnRole),
  );
};

const apiStatements = (fn: string): Statement[] => {
  const construct = built.api.functions.get(fn);
  if (!construct?.role) throw new Error(`no route function ${fn}`);
  return statementsOfRole(api, built.api.getLogicalId(construct.role.node.defaultChild as CfnRole));
};

/** The approval machine's ARN as the API stack sees it: an import of the workflow stack's export. */
const approvalArnImport = () => ({
  'Fn::ImportValue': expect.stringMatching(
    new RegExp(
      `^GebruikersbeheerWorkflows:.*Ref${logicalId(built.workflows, built.workflows.approvalStateMachine)}`,
    ),
  ),
});

/** What CloudFormation makes of DefinitionString + DefinitionSubstitutions. */
function substitutedDefinition(machine: Resource): { text: string; substitutions: Record<string, unknown> } {
  const definition = machine.Properties.DefinitionString as string;
  const substitutions = (machine.Properties.DefinitionSubstitutions ?? {}) as Record<string, unknown>;
  const text = definition.replace(/\$\{(\w+)\}/g, (whole, name: string) =>
    name in substitutions ? `<<${JSON.stringify(substitutions[name])}>>` : whole,
  );
  return { text, substitutions };
}

describe('state machines', () => {
  const machineOf = (name: (typeof stateMachines)[number]['name']): Resource => {
    const id = logicalId(built.workflows, built.workflows.stateMachines[name]);
    return workflows.toJSON().Resources[id] as Resource;
  };

  it('creates one standard state machine per ASL file', () => {
    workflows.resourceCountIs('AWS::StepFunctions::StateMachine', stateMachines.length);
    for (const spec of stateMachines) {
      expect(machineOf(spec.name).Properties.StateMachineType).toBe('STANDARD');
    }
  });

  it.each(stateMachines.map((s) => [s.name, s] as const))(
    '%s: the definition is the ASL file, every placeholder substituted by its function ARN',
    (name, spec) => {
      const machine = machineOf(name);
      const asl = readFileSync(fromRoot(spec.file), 'utf8');
      expect(JSON.parse(machine.Properties.DefinitionString as string)).toEqual(JSON.parse(asl));

      const { text, substitutions } = substitutedDefinition(machine);
      expect(text).not.toContain('${');
      const placeholders = placeholdersOf(asl);
      expect(placeholders.length).toBeGreaterThan(0);
      expect(Object.keys(substitutions).sort()).toEqual([...placeholders].sort());
      for (const placeholder of placeholders) {
        const entry = workflowFunctions.find((f) => f.placeholder === placeholder)!;
        const fnId = logicalId(built.workflows, built.workflows.functions.get(entry.fn)!);
        expect(substitutions[placeholder], placeholder).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
      }
    },
  );

  it("the expiry sweep's distributed Map may start and watch child executions of its own machine, and no other", () => {
    const machine = machineOf('expiry');
    expect(machine.Properties.StateMachineName).toBe('GebruikersbeheerWorkflows-expiry');
    const roleId = (machine.Properties.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const statements = statementsOfRole(workflows, roleId);
    const start = statements.find((st) => actions(st).includes('states:StartExecution'));
    expect(JSON.stringify(start?.Resource)).toContain(':stateMachine:GebruikersbeheerWorkflows-expiry"');
    const watch = statements.find((st) => actions(st).includes('states:DescribeExecution'));
    expect(actions(watch!).sort()).toEqual(['states:DescribeExecution', 'states:StopExecution']);
    expect(JSON.stringify(watch?.Resource)).toContain(':execution:GebruikersbeheerWorkflows-expiry:*"');
    // The approval machine has no distributed Map, and no such grant.
    const approvalRole = (machineOf('approval').Properties.RoleArn as { 'Fn::GetAtt': [string, string] })[
      'Fn::GetAtt'
    ][0];
    expect(statementsOfRole(workflows, approvalRole).flatMap(actions)).not.toContain('states:StartExecution');
  });

  it('together the state machines call every workflow function', () => {
    const used = stateMachines.flatMap((spec) => placeholdersOf(readFileSync(fromRoot(spec.file), 'utf8')));
    expect(workflowFunctions.map((f) => f.placeholder).sort()).toEqual([...new Set(used)].sort());
  });

  it.each(stateMachines.map((s) => [s.name] as const))(
    '%s: logs every event to its own log group, without execution data; X-Ray tracing on',
    (name) => {
      const machine = machineOf(name);
      expect(machine.Properties).toMatchObject({
        LoggingConfiguration: {
          Level: 'ALL',
          IncludeExecutionData: false,
          Destinations: [
            { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } } },
          ],
        },
        TracingConfiguration: { Enabled: true },
      });
      workflows.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/aws/vendedlogs/states/GebruikersbeheerWorkflows-${name}`,
        RetentionInDays: 30,
      });
    },
  );

  it.each(stateMachines.map((s) => [s.name, s] as const))(
    '%s: the role may invoke exactly the functions of its definition, nothing else in Lambda',
    (name, spec) => {
      const roleId = logicalId(built.workflows, built.workflows.stateMachines[name].role);
      const statements = statementsOfRole(workflows, roleId);
      const lambda = statements.filter((s) => actions(s).some((a) => a.startsWith('lambda:')));
      expect(lambda).toHaveLength(1);
      expect(actions(lambda[0]!)).toEqual(['lambda:InvokeFunction']);
      const expected = placeholdersOf(readFileSync(fromRoot(spec.file), 'utf8')).map((placeholder) => {
        const entry = workflowFunctions.find((f) => f.placeholder === placeholder)!;
        return {
          'Fn::GetAtt': [logicalId(built.workflows, built.workflows.functions.get(entry.fn)!), 'Arn'],
        };
      });
      expect([lambda[0]!.Resource].flat()).toEqual(expected);
      // Anything on "*" is only CDK's logging and tracing plumbing.
      for (const s of statements.filter((s) => s.Resource === '*')) {
        for (const action of actions(s)) expect(action).toMatch(/^(logs|xray):/);
      }
    },
  );
});

describe('workflow functions', () => {
  it('creates one function per entry of the workflow table, Node.js 22 on arm64 with tracing', () => {
    workflows.resourceCountIs('AWS::Lambda::Function', workflowFunctions.length);
    expect([...built.workflows.functions.keys()].sort()).toEqual(workflowFunctions.map((f) => f.fn).sort());
    const timeouts = new Set([
      WORKFLOW_FUNCTION_TIMEOUT.toSeconds(),
      ...workflowFunctions.flatMap((f) => (f.timeoutSeconds ? [f.timeoutSeconds] : [])),
    ]);
    for (const fn of Object.values(workflows.findResources('AWS::Lambda::Function'))) {
      expect(fn).toMatchObject({
        Properties: {
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          MemorySize: 512,
          LoggingConfig: { LogGroup: expect.anything() },
        },
      });
      expect(timeouts).toContain((fn as { Properties: { Timeout: number } }).Properties.Timeout);
    }
    const resources = workflows.toJSON().Resources as Record<string, { Properties: { Timeout: number } }>;
    for (const f of workflowFunctions) {
      const fn = built.workflows.functions.get(f.fn)!;
      const timeout = resources[logicalId(built.workflows, fn)]?.Properties.Timeout;
      expect(timeout).toBe(f.timeoutSeconds ?? WORKFLOW_FUNCTION_TIMEOUT.toSeconds());
    }
  });

  it('gives every function a timeout below the TimeoutSeconds of the Task states that call it directly', () => {
    for (const spec of stateMachines) {
      const asl = readFileSync(fromRoot(spec.file), 'utf8');
      const timeouts = [...asl.matchAll(/"Resource": "\$\{\w+\}",[\s\S]*?"TimeoutSeconds": (\d+)/g)].map(
        (m) => Number(m[1]),
      );
      expect(timeouts.length).toBeGreaterThan(0);
      for (const t of timeouts) expect(WORKFLOW_FUNCTION_TIMEOUT.toSeconds()).toBeLessThan(t);
      // A function with its own timeout stays below the state that calls it.
      for (const f of workflowFunctions.filter((w) => w.timeoutSeconds)) {
        const state = asl.match(
          new RegExp(`"Resource": "\\$\\{${f.placeholder}\\}",[\\s\\S]*?"TimeoutSeconds": (\\d+)`),
        );
        if (!asl.includes(`\${${f.placeholder}}`)) continue;
        expect(state).not.toBeNull();
        expect(f.timeoutSeconds).toBeLessThan(Number(state?.[1]));
      }
    }
  });

  it('passes table, pseudonym key, SES transport and sender from parameters, the UI URL from the hosting stack', () => {
    for (const fn of Object.values(workflows.findResources('AWS::Lambda::Function'))) {
      expect((fn as Resource).Properties.Environment).toEqual({
        Variables: expect.objectContaining({
          TABLE_NAME: { 'Fn::ImportValue': expect.stringMatching(/^GebruikersbeheerData:/) },
          PSEUDONYM_SECRET_PARAMETER: { Ref: 'PseudonymKeyParameterName' },
          MAIL_TRANSPORT: 'ses',
          MAIL_FROM: { Ref: 'MailFrom' },
          APP_URL: {
            'Fn::Join': [
              '',
              ['https://', { 'Fn::ImportValue': expect.stringMatching(/^GebruikersbeheerHosting:/) }],
            ],
          },
        }),
      });
    }
    workflows.hasParameter('PseudonymKeyParameterName', { Default: '/gebruikersbeheer/pseudonym-secret' });
    workflows.hasParameter('MailFrom', { Type: 'String' });
    expect(workflows.findParameters('AppUrl')).toEqual({});
    workflows.hasParameter('SesIdentity', { Type: 'String' });
    workflows.hasParameter('SesConfigurationSet', { Type: 'String', Default: '' });
  });

  it.each(workflowFunctions.map((f) => [f.fn, f] as const))(
    '%s: table access by its data flag',
    (fn, spec) => {
      const all = workflowStatements(fn).flatMap(actions);
      expect(all).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'ssm:GetParameter']));
      if (spec.data === 'read') {
        for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']) {
          expect(all).not.toContain(write);
        }
        expect(all).not.toContain('kms:GenerateDataKey*');
      } else {
        expect(all).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
      }
    },
  );

  it.each(workflowFunctions.map((f) => [f.fn, f] as const))(
    '%s: ses:SendEmail only if it sends mail, on the SES identity (and configuration set) only',
    (fn, spec) => {
      const ses = workflowStatements(fn).filter((s) => actions(s).some((a) => a.startsWith('ses:')));
      if (!spec.mail) {
        expect(ses).toEqual([]);
        return;
      }
      expect(ses).toHaveLength(1);
      expect(actions(ses[0]!)).toEqual(['ses:SendEmail']);
      const resources = JSON.stringify(ses[0]!.Resource);
      expect(resources).toContain(':identity/"');
      expect(resources).toContain('{"Ref":"SesIdentity"}');
      expect(resources).toContain('"Fn::If":["HasSesConfigurationSet"');
      expect(resources).not.toContain('"*"');
    },
  );

  it('no API function may send e-mail or invoke the workflow functions', () => {
    for (const route of routes) {
      const all = apiStatements(route.fn).flatMap(actions);
      expect(
        all.filter((a) => a.startsWith('ses:') || a.startsWith('lambda:')),
        route.fn,
      ).toEqual([]);
    }
  });
});

describe('callback permissions', () => {
  it('only OpenTask may answer the approval callback (a re-drive that finds a recorded decision)', () => {
    for (const f of workflowFunctions) {
      const states = workflowStatements(f.fn)
        .flatMap(actions)
        .filter((a) => a.startsWith('states:'))
        .sort();
      const expected =
        f.fn === 'workflow-open-approval-task' ? ['states:SendTaskFailure', 'states:SendTaskSuccess'] : [];
      expect(states, f.fn).toEqual(expected);
    }
    const statement = workflowStatements('workflow-open-approval-task').find((s) =>
      actions(s).includes('states:SendTaskSuccess'),
    );
    expect(statement?.Resource).toEqual({
      Ref: logicalId(built.workflows, built.workflows.approvalStateMachine),
    });
  });
});

const BULK_STARTERS = ['create-import', 'confirm-import', 'create-extension'];

describe('API wiring', () => {
  const hasRoute = (fn: string) => routes.some((r) => r.fn === fn);

  it('the route table has the routes that start and answer approvals', () => {
    expect(hasRoute('request-access')).toBe(true);
    expect(hasRoute('decide-task')).toBe(true);
  });

  it.each(['request-access', 'grant-right', 'quick-grant', 'update-grant'])(
    '%s may start approval executions and knows the state machine ARN',
    (fn) => {
      const statements = apiStatements(fn);
      const states = statements.filter((s) => actions(s).some((a) => a.startsWith('states:')));
      expect(states).toEqual([
        expect.objectContaining({ Action: 'states:StartExecution', Resource: approvalArnImport() }),
      ]);
      const id = logicalId(built.api, built.api.functions.get(fn)!);
      expect((api.toJSON().Resources[id] as Resource).Properties.Environment).toEqual({
        Variables: expect.objectContaining({ APPROVAL_STATE_MACHINE_ARN: approvalArnImport() }),
      });
    },
  );

  it('decide-task may answer the waiting task (task token) and re-drive by starting an execution', () => {
    const states = apiStatements('decide-task').filter((s) =>
      actions(s).some((a) => a.startsWith('states:')),
    );
    const granted = states.flatMap(actions).sort();
    expect(granted).toEqual(['states:SendTaskFailure', 'states:SendTaskSuccess', 'states:StartExecution']);
    for (const s of states) expect(s.Resource).toEqual(approvalArnImport());
    const id = logicalId(built.api, built.api.functions.get('decide-task')!);
    expect((api.toJSON().Resources[id] as Resource).Properties.Environment).toEqual({
      Variables: expect.objectContaining({ APPROVAL_STATE_MACHINE_ARN: approvalArnImport() }),
    });
  });

  it('start-review may only start executions of the review workflow, and gets its ARN only', () => {
    const statements = apiStatements('start-review').filter((s) =>
      actions(s).some((a) => a.startsWith('states:')),
    );
    expect(statements.flatMap(actions)).toEqual(['states:StartExecution']);
    const id = logicalId(built.api, built.api.functions.get('start-review')!);
    const env = JSON.stringify((api.toJSON().Resources[id] as Resource).Properties.Environment);
    expect(env).toContain('REVIEW_STATE_MACHINE_ARN');
    expect(env).not.toContain('APPROVAL_STATE_MACHINE_ARN');
  });

  it.each(BULK_STARTERS)('%s may start the bulk workflow only, and knows its ARN', (fn) => {
    const bulk = logicalId(built.workflows, built.workflows.stateMachines.bulk);
    const arn = {
      'Fn::ImportValue': expect.stringMatching(new RegExp(`^GebruikersbeheerWorkflows:.*Ref${bulk}`)),
    };
    const states = apiStatements(fn).filter((s) => actions(s).some((a) => a.startsWith('states:')));
    expect(states).toEqual([expect.objectContaining({ Action: 'states:StartExecution', Resource: arn })]);
    const id = logicalId(built.api, built.api.functions.get(fn)!);
    const env = (api.toJSON().Resources[id] as Resource).Properties.Environment as {
      Variables: Record<string, unknown>;
    };
    expect(env.Variables.BULK_STATE_MACHINE_ARN).toEqual(arn);
    expect(JSON.stringify(env)).not.toContain('APPROVAL_STATE_MACHINE_ARN');
  });

  it('no other route function touches Step Functions or gets the ARN', () => {
    const starters = [
      'request-access',
      'decide-task',
      'grant-right',
      'quick-grant',
      'update-grant',
      'start-review',
      ...BULK_STARTERS,
    ];
    for (const route of routes.filter((r) => !starters.includes(r.fn))) {
      expect(
        apiStatements(route.fn)
          .flatMap(actions)
          .filter((a) => a.startsWith('states:')),
        route.fn,
      ).toEqual([]);
      const id = logicalId(built.api, built.api.functions.get(route.fn)!);
      expect(
        JSON.stringify((api.toJSON().Resources[id] as Resource).Properties.Environment),
        route.fn,
      ).not.toContain('APPROVAL_STATE_MACHINE_ARN');
    }
  });
});

describe('daily schedule', () => {
  it('starts the KBO follow at 05:30 Brussels time every day, before the sweep, with the same retries', () => {
    workflows.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 5 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Brussels',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { Ref: logicalId(built.workflows, built.workflows.kboStateMachine) },
        Input: '{}',
        RetryPolicy: { MaximumRetryAttempts: Match.anyValue(), MaximumEventAgeInSeconds: Match.anyValue() },
        DeadLetterConfig: {
          Arn: { 'Fn::GetAtt': [logicalId(built.workflows, built.workflows.scheduleDeadLetterQueue), 'Arn'] },
        },
        RoleArn: Match.anyValue(),
      },
    });
  });

  it('starts the expiry sweep at 06:00 Brussels time, every day, without a flexible window', () => {
    workflows.resourceCountIs('AWS::Scheduler::Schedule', 3);
    workflows.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 6 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Brussels',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { Ref: logicalId(built.workflows, built.workflows.expiryStateMachine) },
        Input: '{}',
        RetryPolicy: { MaximumRetryAttempts: Match.anyValue(), MaximumEventAgeInSeconds: Match.anyValue() },
        DeadLetterConfig: {
          Arn: { 'Fn::GetAtt': [logicalId(built.workflows, built.workflows.scheduleDeadLetterQueue), 'Arn'] },
        },
        RoleArn: Match.anyValue(),
      },
    });
  });

  it('starts the access reviews’ day at 06:30 Brussels time, after the sweep, with the same retries', () => {
    workflows.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 6 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Brussels',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        Arn: { Ref: logicalId(built.workflows, built.workflows.reviewStateMachine) },
        Input: '{}',
      }),
    });
  });

  it('has a dead-letter queue that is encrypted and refuses requests without TLS', () => {
    const queueId = logicalId(built.workflows, built.workflows.scheduleDeadLetterQueue);
    workflows.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    workflows.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sqs:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
    workflows.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
    });
  });

  it("runs with a role that may only start the expiry machine (and write to its DLQ), for this account's schedules", () => {
    const schedule = Object.values(workflows.findResources('AWS::Scheduler::Schedule'))[0] as Resource;
    const roleId = (schedule.Properties.Target as { RoleArn: { 'Fn::GetAtt': [string, string] } }).RoleArn[
      'Fn::GetAtt'
    ][0];
    const role = workflows.toJSON().Resources[roleId] as Resource;
    expect(role.Properties.AssumeRolePolicyDocument).toMatchObject({
      Statement: [
        {
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        },
      ],
    });
    const statements = statementsOfRole(workflows, roleId);
    expect(statements).toEqual([
      expect.objectContaining({
        Action: 'states:StartExecution',
        Resource: { Ref: logicalId(built.workflows, built.workflows.expiryStateMachine) },
      }),
      expect.objectContaining({
        Action: 'sqs:SendMessage',
        Resource: {
          'Fn::GetAtt': [logicalId(built.workflows, built.workflows.scheduleDeadLetterQueue), 'Arn'],
        },
      }),
    ]);
  });
});

describe('checks', () => {
  it('has no unacknowledged cdk-nag findings (AwsSolutions, Serverless)', () => {
    expect(unacknowledgedFindings(built.app)).toEqual([]);
  });

  it('workflow stack: no CDK warnings or errors', () => {
    const annotations = Annotations.fromStack(built.workflows);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
  });

  it('deploys after the data stack and before the API stack', () => {
    expect(built.workflows.dependencies).toContain(built.data);
    expect(built.api.dependencies).toContain(built.workflows);
    expect(built.workflows.dependencies).not.toContain(built.api);
  });

  it('synthesizes with the checks registered as validation plugins', () => {
    const { app } = buildApp();
    addNagChecks(app);
    expect(() => app.synth()).not.toThrow();
  });
});
