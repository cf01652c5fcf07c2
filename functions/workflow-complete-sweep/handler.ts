import { workflowHandler } from '#lib/http/workflow-handler';
import { completeSweep } from '#lib/services/expiry/complete-sweep';

/** Expiry step CompleteSweep: `{ through }` becomes the last day swept, so a later run catches up from there. */
export const handler = workflowHandler<unknown, { through: string; advanced: boolean }>((deps, input) =>
  completeSweep(deps, input),
);
