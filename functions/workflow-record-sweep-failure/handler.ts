// The sweep's own store, plugged in only where a sweep step runs.
import '#lib/runtime/expiry-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { recordSweepFailure } from '#lib/services/expiry/record-failure';

/** Expiry step RecordFailure: the Map's catch for an item that failed for good. */
export const handler = workflowHandler<unknown>((deps, input) => recordSweepFailure(deps, input));
