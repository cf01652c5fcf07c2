/**
 * The workflow table: the state machines (their ASL files are the single source for CDK and the local
 * runner) and the Lambda functions their Task states call, each by the `${Placeholder}` the ASL uses.
 * CDK creates one function per entry and substitutes its ARN; the local runner calls the same handler
 * file for the Task state whose Resource (or FunctionName) names that placeholder.
 */
export interface WorkflowFunction {
  fn: string;
  placeholder: string;
  data: 'read' | 'write';
  /** Sends e-mail (SES permission in AWS). */
  mail?: boolean;
  /** Asks the national register or the KBO (see functions/routes.ts). */
  registries?: boolean;
}

export interface StateMachineSpec {
  name: 'approval' | 'expiry';
  file: string;
}

export const stateMachines: readonly StateMachineSpec[] = [
  { name: 'approval', file: 'infra/workflows/approval.asl.json' },
  { name: 'expiry', file: 'infra/workflows/expiry.asl.json' },
];

export const workflowFunctions: readonly WorkflowFunction[] = [
  {
    fn: 'workflow-open-approval-task',
    placeholder: 'OpenApprovalTaskFunctionArn',
    data: 'write',
    mail: true,
  },
  {
    fn: 'workflow-apply-approval-decision',
    placeholder: 'ApplyApprovalDecisionFunctionArn',
    data: 'write',
    registries: true,
  },
  { fn: 'workflow-reopen-approval-task', placeholder: 'ReopenApprovalTaskFunctionArn', data: 'write' },
  { fn: 'workflow-fail-approval-request', placeholder: 'FailApprovalRequestFunctionArn', data: 'write' },
  { fn: 'workflow-expire-approval-request', placeholder: 'ExpireApprovalRequestFunctionArn', data: 'write' },
  { fn: 'workflow-notify-requester', placeholder: 'NotifyRequesterFunctionArn', data: 'write', mail: true },
  { fn: 'workflow-find-due-items', placeholder: 'FindDueItemsFunctionArn', data: 'read' },
  { fn: 'workflow-handle-due-item', placeholder: 'HandleDueItemFunctionArn', data: 'write', mail: true },
  { fn: 'workflow-record-sweep-failure', placeholder: 'RecordSweepFailureFunctionArn', data: 'write' },
  { fn: 'workflow-complete-sweep', placeholder: 'CompleteSweepFunctionArn', data: 'write' },
];

export const workflowHandlerPath = (f: Pick<WorkflowFunction, 'fn'>): string =>
  `functions/${f.fn}/handler.ts`;
