import { workflowHandler } from '#lib/http/workflow-handler';
import { type FindDueOutput, findDueItems } from '#lib/services/expiry';

/**
 * Expiry step FindDue: `{ input: <execution input>, startTime }` → `{ date, from, through, items }`.
 * Reads only the by-date index partitions of the days the run covers; never a Scan.
 */
export const handler = workflowHandler<unknown, FindDueOutput>((deps, input) => findDueItems(deps, input));
