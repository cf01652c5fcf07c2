import { workflowHandler } from '#lib/http/workflow-handler';
import { type CaughtError, failApprovalRequest } from '#lib/services/access-requests';

/** Approval step FailRequest: the workflow cannot carry the request; it ends as failed. */
export const handler = workflowHandler<{ requestId: string; error?: CaughtError }>((deps, input) =>
  failApprovalRequest(deps, input),
);
