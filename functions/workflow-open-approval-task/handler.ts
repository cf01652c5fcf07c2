import { workflowHandler } from '#lib/http/workflow-handler';
import { openApprovalTask } from '#lib/services/access-requests';

/** Approval step OpenTask (callback): opens the task with the token and tells the local administrators. */
export const handler = workflowHandler<{ requestId: string; enterpriseNumber: string; taskToken: string }>(
  (deps, input) => openApprovalTask(deps, input),
);
