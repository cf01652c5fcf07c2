// The jobs' store; an import's new persons are read from the national register.
import '#lib/runtime/jobs-adapter';
import '#lib/runtime/registries-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { runChunk } from '#lib/services/bulk/run';

/** Bulk step RunChunk: `{ enterpriseNumber, jobId, phase, chunk }` → `{ chunk, done }`. */
export const handler = workflowHandler<unknown>((deps, input) => runChunk(deps, input));
