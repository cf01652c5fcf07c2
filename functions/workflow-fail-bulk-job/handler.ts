import '#lib/runtime/jobs-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { failJob } from '#lib/services/bulk/run';

/** Bulk step FailJob: the Catch of a phase that could not finish; the job ends `failed`. */
export const handler = workflowHandler<unknown>((deps, input) => failJob(deps, input));
