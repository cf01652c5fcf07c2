import { workflowHandler } from '#lib/http/workflow-handler';
import { expireApprovalRequest } from '#lib/services/access-requests/expire';

export const handler = workflowHandler<{ requestId: string }>((deps, input) =>
  expireApprovalRequest(deps, input),
);
