import '#lib/runtime/jobs-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { completeJob } from '#lib/services/bulk/run';

/** Bulk step CompleteJob: the chunks added up, the phase ended (`previewed` or `done`). */
export const handler = workflowHandler<unknown>((deps, input) => completeJob(deps, input));
