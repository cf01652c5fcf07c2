import { NotFoundError } from '#lib/domain/errors';
import type { AccessRequest, Task } from '#lib/domain/tasks';
import { type ApprovalDecision, approvedChanges } from '#lib/services/access-requests/shared';
import { committed, withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';

/** ApplyDecision was called while the task holds no decision (a stray callback): the task waits again. */
export class NoDecisionError extends Error {
  override name = 'NoDecision';
}

/** Workflow step ApplyDecision: applies the decision recorded on the task. */
export async function applyApprovalDecision(
  deps: Deps,
  input: { requestId: string; enterpriseNumber: string },
) {
  return withRetry(async () => {
    const request = await deps.requests.get(input.requestId);
    if (!request) throw new NotFoundError('access-request.not-found');
    if (request.status !== 'pending') return { status: request.status };
    const task = await deps.tasks.get(request.enterpriseNumber, request.taskId);
    if (task?.status !== 'decided' || !task.decision) throw new NoDecisionError('No decision recorded.');
    const decision = task.decision as ApprovalDecision;
    const clock = deps.clock();
    const actor = decision.actor ?? { personId: 'SYSTEM', name: 'Gebruikersbeheer' };
    const decidedReason = decision.reason ?? null;
    const closed = (status: 'approved' | 'rejected'): Task => ({
      ...task,
      status,
      taskToken: null,
      decidedAt: clock.now,
      decidedBy: actor.name,
    });
    if (decision.decision === 'reject') {
      const next: AccessRequest = {
        ...request,
        status: 'rejected',
        decidedAt: clock.now,
        decidedBy: actor.name,
        decisionReason: decidedReason,
      };
      // The refusal in the organisation's audit trail, with the decision (the request's history is its own).
      const entry = {
        entryId: deps.newId(),
        at: clock.now,
        on: clock.today,
        actor,
        action: 'task.rejected',
        reason: decidedReason,
        before: null,
        after: {
          requestId: request.requestId,
          requester: request.requesterName,
          right: request.right,
          profiles: request.profiles,
        },
      };
      await deps
        .unitOfWork()
        .finishRequest(request, next)
        .closeTask(task, closed('rejected'))
        .addOrganisationHistory(request.enterpriseNumber, entry)
        .commit();
      return { status: 'rejected' as const };
    }
    const { loaded, next, history, newPerson } = await approvedChanges(deps, request, decision, clock, actor);
    const finished: AccessRequest = {
      ...request,
      status: 'approved',
      decidedAt: clock.now,
      decidedBy: actor.name,
      decisionReason: decidedReason,
    };
    const work = deps.unitOfWork();
    if (newPerson) work.putPerson(request.pseudonym, newPerson, { exists: false });
    // A relationship made with the approval: not past a KBO stop recorded meanwhile.
    if (!loaded?.relationship) work.requireActiveOrganisation(request.enterpriseNumber);
    await work
      .saveMembership(loaded, next, history, clock.today)
      .finishRequest(request, finished)
      .closeTask(task, closed('approved'))
      .commit();
    const committedAgg = committed(loaded, next);
    return { status: 'approved' as const, personId: committedAgg.membership.personId };
  });
}
