import { workflowHandler } from '#lib/http/workflow-handler';
import { applyApprovalDecision } from '#lib/services/access-requests/apply-decision';
import '#lib/runtime/registries-adapter';

/** Approval step ApplyDecision: ids in, the decision is read from the task. */
export const handler = workflowHandler<{ requestId: string; enterpriseNumber: string }>((deps, input) =>
  applyApprovalDecision(deps, input),
);
