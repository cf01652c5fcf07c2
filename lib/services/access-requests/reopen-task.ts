import {
  type CaughtError,
  closeAsFailed,
  failureMessage,
  MAX_DECISION_FAILURES,
} from '#lib/services/access-requests/shared';
import { withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';

/**
 * Workflow step ReopenTask, after ApplyDecision failed for good (the relationship was deleted meanwhile,
 * a timeout, a conflict after the retries): the task is open again for a new decision, with the reason,
 * and the workflow waits again. After MAX_DECISION_FAILURES the request ends as failed instead. When the
 * decision was applied after all (a timeout after the commit), there is nothing to re-open.
 */
export async function reopenApprovalTask(
  deps: Deps,
  input: { requestId: string; error?: CaughtError },
): Promise<{ reopened: boolean }> {
  return withRetry(async () => {
    const request = await deps.requests.get(input.requestId);
    if (request?.status !== 'pending') return { reopened: false };
    const task = await deps.tasks.get(request.enterpriseNumber, request.taskId);
    if (!task) return { reopened: false };
    if (task.status === 'open') return { reopened: true };
    if (task.status !== 'decided') return { reopened: false };
    const clock = deps.clock();
    const failure = { ...failureMessage(input.error), at: clock.now, decidedBy: task.decidedBy };
    const failures = [...(task.failures ?? []), failure];
    if (failures.length >= MAX_DECISION_FAILURES) {
      await closeAsFailed(deps, request, { ...task, failures }, failure.message);
      return { reopened: false };
    }
    deps.log.warn('approval decision not applied; task re-opened', { code: failure.code });
    await deps
      .unitOfWork()
      .updateTask(task, {
        ...task,
        status: 'open',
        decision: null,
        decidedAt: null,
        decidedBy: null,
        taskToken: null,
        failures,
      })
      .commit();
    return { reopened: true };
  });
}
