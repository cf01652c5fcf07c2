import { workflowHandler } from '#lib/http/workflow-handler';
import { notifyRequester } from '#lib/services/access-requests';

export const handler = workflowHandler<{ requestId: string }>((deps, input) => notifyRequester(deps, input));
