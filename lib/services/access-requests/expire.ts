import type { AccessRequest } from '#lib/domain/tasks';
import { withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';

/** Workflow step ExpireRequest: no decision in time. */
export async function expireApprovalRequest(deps: Deps, input: { requestId: string }) {
  return withRetry(async () => {
    const request = await deps.requests.get(input.requestId);
    if (request?.status !== 'pending') return { status: request?.status ?? 'unknown' };
    const clock = deps.clock();
    const task = await deps.tasks.get(request.enterpriseNumber, request.taskId);
    const next: AccessRequest = {
      ...request,
      status: 'expired',
      decidedAt: clock.now,
      decisionReason: 'Geen beslissing binnen 30 dagen.',
    };
    const work = deps.unitOfWork().finishRequest(request, next);
    if (task && task.status === 'open') work.closeTask(task, { ...task, status: 'expired', taskToken: null });
    await work.commit();
    return { status: 'expired' as const };
  });
}
