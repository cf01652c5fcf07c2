import { workflowHandler } from '#lib/http/workflow-handler';
import { type CaughtError, reopenApprovalTask } from '#lib/services/access-requests';

/** Approval step ReopenTask: a decision that could not be applied opens the task again. */
export const handler = workflowHandler<{ requestId: string; error?: CaughtError }>((deps, input) =>
  reopenApprovalTask(deps, input),
);
