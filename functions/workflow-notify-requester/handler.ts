// Sends e-mail (`mail: true` in functions/workflows.ts): plugs in the mail adapter, which only these bundles carry.
import '#lib/runtime/mail-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { notifyRequester } from '#lib/services/access-requests/notify';

export const handler = workflowHandler<{ requestId: string }>((deps, input) => notifyRequester(deps, input));
