import { workflowHandler } from '#lib/http/workflow-handler';
import { reopenApprovalTask } from '#lib/services/access-requests/reopen-task';
import type { CaughtError } from '#lib/services/access-requests/shared';

/** Approval step ReopenTask: a decision that could not be applied opens the task again. */
export const handler = workflowHandler<{ requestId: string; error?: CaughtError }>((deps, input) =>
  reopenApprovalTask(deps, input),
);
