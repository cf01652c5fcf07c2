import { type CaughtError, closeAsFailed, failureMessage } from '#lib/services/access-requests/shared';
import { withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';

/**
 * Workflow step FailRequest, when the workflow cannot carry the request any further (OpenTask or
 * ReopenTask failed for good): the request ends as failed, its task closes, the requester is told
 * and may ask again.
 */
export async function failApprovalRequest(deps: Deps, input: { requestId: string; error?: CaughtError }) {
  return withRetry(async () => {
    const request = await deps.requests.get(input.requestId);
    if (request?.status !== 'pending') return { status: request?.status ?? 'unknown' };
    const task = await deps.tasks.get(request.enterpriseNumber, request.taskId);
    deps.log.error('approval request failed', { code: failureMessage(input.error).code });
    await closeAsFailed(deps, request, task, 'De aanvraag kon niet verwerkt worden.');
    return { status: 'failed' as const };
  });
}
