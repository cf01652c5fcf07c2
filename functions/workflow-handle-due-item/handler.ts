// The sweep's own store, plugged in only where a sweep step runs.
import '#lib/runtime/expiry-adapter';
// Sends e-mail (`mail: true` in functions/workflows.ts): plugs in the mail adapter, which only these bundles carry.
import '#lib/runtime/mail-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { handleDueItem } from '#lib/services/expiry/handle-due-item';
import type { DueItemResult } from '#lib/services/expiry/shared';

/**
 * Expiry step HandleItem (one per due item, in the Map): warns and opens the task Verlengen?, or marks
 * the item expired with its history entry; then e-mails. Idempotent: a retry or a second run does nothing twice.
 */
export const handler = workflowHandler<unknown, DueItemResult>((deps, input) => handleDueItem(deps, input));
