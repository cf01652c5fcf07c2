import { workflowHandler } from '#lib/http/workflow-handler';
import { type ApprovalDecision, applyApprovalDecision } from '#lib/services/access-requests';

export const handler = workflowHandler<{
  requestId: string;
  enterpriseNumber: string;
  decision: ApprovalDecision;
}>((deps, input) => applyApprovalDecision(deps, input));
