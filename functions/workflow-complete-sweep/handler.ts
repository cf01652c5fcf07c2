// The sweep's own store, plugged in only where a sweep step runs.
import '#lib/runtime/expiry-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { completeSweep } from '#lib/services/expiry/complete-sweep';

/** Expiry step CompleteSweep: `{ through }` becomes the last day swept, so a later run catches up from there. */
export const handler = workflowHandler<unknown, { through: string; advanced: boolean }>((deps, input) =>
  completeSweep(deps, input),
);
