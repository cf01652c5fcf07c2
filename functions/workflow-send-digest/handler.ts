// The sweep's own stores (its records, the digests), plugged in only where a sweep step runs.
import '#lib/runtime/expiry-adapter';
// Sends e-mail (`mail: true` in functions/workflows.ts): plugs in the mail adapter, which only these bundles carry.
import '#lib/runtime/mail-adapter';
import { workflowHandler } from '#lib/http/workflow-handler';
import { sendDigest } from '#lib/services/expiry/digests';
import type { DigestResult } from '#lib/services/expiry/shared';

/**
 * Expiry step SendDigest (one per organisation, in the Map): each local administrator's digest that is
 * due, once. Idempotent: a retry or a second run on the day sends nothing twice.
 */
export const handler = workflowHandler<unknown, DigestResult>((deps, input) => sendDigest(deps, input));
