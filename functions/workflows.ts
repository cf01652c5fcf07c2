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
  /** Lambda timeout when a step may take longer than the default 25 s (below its Task's TimeoutSeconds). */
  timeoutSeconds?: number;
}

export interface StateMachineSpec {
  name: 'approval' | 'expiry' | 'kbo' | 'review' | 'bulk';
  file: string;
}

export const stateMachines: readonly StateMachineSpec[] = [
  { name: 'approval', file: 'infra/workflows/approval.asl.json' },
  { name: 'expiry', file: 'infra/workflows/expiry.asl.json' },
  { name: 'kbo', file: 'infra/workflows/kbo.asl.json' },
  { name: 'review', file: 'infra/workflows/review.asl.json' },
  { name: 'bulk', file: 'infra/workflows/bulk.asl.json' },
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
  { fn: 'workflow-plan-digests', placeholder: 'PlanDigestsFunctionArn', data: 'read' },
  { fn: 'workflow-send-digest', placeholder: 'SendDigestFunctionArn', data: 'write', mail: true },
  { fn: 'workflow-complete-sweep', placeholder: 'CompleteSweepFunctionArn', data: 'write' },
  { fn: 'workflow-list-organisations', placeholder: 'ListOrganisationsFunctionArn', data: 'write' },
  {
    fn: 'workflow-follow-organisation',
    placeholder: 'FollowOrganisationFunctionArn',
    data: 'write',
    registries: true,
    // A stopped enterprise pauses every relationship in this one step: one transaction per person.
    timeoutSeconds: 100,
  },
  {
    fn: 'workflow-deliver-kbo-notices',
    placeholder: 'DeliverKboNoticesFunctionArn',
    data: 'write',
    mail: true,
  },
  { fn: 'workflow-record-kbo-failure', placeholder: 'RecordKboFailureFunctionArn', data: 'write' },
  { fn: 'workflow-complete-kbo-follow', placeholder: 'CompleteKboFollowFunctionArn', data: 'write' },
  { fn: 'workflow-plan-reviews', placeholder: 'PlanReviewsFunctionArn', data: 'read' },
  {
    fn: 'workflow-advance-review',
    placeholder: 'AdvanceReviewFunctionArn',
    data: 'write',
    mail: true,
    // Opening a campaign reads every person of the organisation and writes a line per right.
    timeoutSeconds: 280,
  },
  {
    fn: 'workflow-run-bulk-chunk',
    placeholder: 'RunBulkChunkFunctionArn',
    data: 'write',
    // An import's new persons are read from the national register (the dry run; the apply reuses it).
    registries: true,
    // A chunk of 50 rows, one transaction each (and a register read each in the dry run).
    timeoutSeconds: 100,
  },
  { fn: 'workflow-complete-bulk-job', placeholder: 'CompleteBulkJobFunctionArn', data: 'write' },
  { fn: 'workflow-fail-bulk-job', placeholder: 'FailBulkJobFunctionArn', data: 'write' },
];

export const workflowHandlerPath = (f: Pick<WorkflowFunction, 'fn'>): string =>
  `functions/${f.fn}/handler.ts`;
