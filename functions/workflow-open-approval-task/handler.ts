// Sends e-mail (`mail: true` in functions/workflows.ts): plugs in the mail adapter, which only these bundles carry.
import '#lib/runtime/mail-adapter';
// A decision recorded while no execution waited is handed on with SendTaskSuccess.
import '#lib/runtime/workflows-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { openApprovalTask } from '#lib/services/access-requests/open-task';

/** Approval step OpenTask (callback): opens the task with the token and tells the local administrators. */
export const handler = workflowHandler<{ requestId: string; enterpriseNumber: string; taskToken: string }>(
  (deps, input) => openApprovalTask(deps, input),
);
