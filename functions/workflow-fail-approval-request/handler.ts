import { workflowHandler } from '#lib/http/workflow-handler';
import { failApprovalRequest } from '#lib/services/access-requests/fail-request';
import type { CaughtError } from '#lib/services/access-requests/shared';

/** Approval step FailRequest: the workflow cannot carry the request; it ends as failed. */
export const handler = workflowHandler<{ requestId: string; error?: CaughtError }>((deps, input) =>
  failApprovalRequest(deps, input),
);
