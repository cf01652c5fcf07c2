// The sweep's own store, plugged in only where a sweep step runs.
import '#lib/runtime/expiry-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { type FindDueOutput, findDueItems } from '#lib/services/expiry/find-due';

/**
 * Expiry steps FindDue and FindMore: `{ input: <execution input>, startTime }` (the first page) or
 * `{ page: { date, from, through, cursor } }` (the next) → `{ date, from, through, items, cursor }`.
 * Reads only the by-date index partitions of the days the run covers; never a Scan.
 */
export const handler = workflowHandler<unknown, FindDueOutput>((deps, input) => findDueItems(deps, input));
