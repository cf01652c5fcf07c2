import { workflowHandler } from '#lib/http/workflow-handler';
import { recordSweepFailure } from '#lib/services/expiry/record-failure';

/** Expiry step RecordFailure: the Map's catch for an item that failed for good. */
export const handler = workflowHandler<unknown>((deps, input) => recordSweepFailure(deps, input));
