// The sweep's own stores (its records, the digests), plugged in only where a sweep step runs.
import '#lib/runtime/expiry-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { type PlanDigestsOutput, planDigests } from '#lib/services/expiry/digests';

/**
 * Expiry steps PlanDigests and PlanMoreDigests: one page of the organisations with digest lines on the
 * run's days, `{ date, from, through, organisations, cursor }`.
 */
export const handler = workflowHandler<unknown, PlanDigestsOutput>((deps, input) => planDigests(deps, input));
