/**
 * Mijn taken: what waits for an organisation's local administrators, and their decisions. An approval
 * decision is recorded on the task (so it survives restarts) and handed to the waiting workflow; an
 * extension decision extends at once with the same use case as the extension route.
 */

import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  fieldError,
  GoneError,
  NotFoundError,
} from '#lib/domain/errors';
import type { FieldMessageKey } from '#lib/domain/i18n/field-messages';
import { DEFAULT_LANGUAGE, type Language } from '#lib/domain/i18n/language';
import {
  isProblemDetailKey,
  PROBLEM_DETAILS,
  type ProblemDetailKey,
  problemDetail,
} from '#lib/domain/i18n/problems';
import { extendRelationship, type RelationshipInput } from '#lib/domain/membership';
import type { Actor } from '#lib/domain/records';
import { type DecisionFailure, TASK_AUDIENCE, type Task, type TaskAudience } from '#lib/domain/tasks';
import { type ApprovalDecision, checkApproval } from '#lib/services/access-requests/shared';
import { changeAggregate, withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { decideConfirmation, decideResume } from '#lib/services/kbo/decide';

const invalidDecision = (detail: ProblemDetailKey, choose: FieldMessageKey) =>
  new BusinessRuleError('decision.invalid', detail, [fieldError('decision', 'decision.invalid', choose)]);

/**
 * A failure as the person reads it: in their language when its text is the catalogue's own (a detail
 * without values), else as recorded (in Dutch, with its values).
 */
function failureIn(failure: DecisionFailure | undefined, language: Language) {
  if (!failure) return null;
  const translatable =
    isProblemDetailKey(failure.code) && PROBLEM_DETAILS[failure.code].nl === failure.message;
  return translatable
    ? { ...failure, message: problemDetail(language, failure.code as ProblemDetailKey) }
    : failure;
}

export function taskView(t: Task, language: Language = DEFAULT_LANGUAGE) {
  return {
    taskId: t.taskId,
    kind: t.kind,
    status: t.status,
    title: t.title,
    subject: t.subject,
    requestId: t.requestId,
    campaignId: t.campaignId ?? null,
    reason: t.reason,
    // The last decision that could not be applied, so whoever decides again knows why.
    lastFailure: failureIn(t.failures?.at(-1), language),
    createdAt: t.createdAt,
    decidedAt: t.decidedAt,
    decidedBy: t.decidedBy,
    version: t.version,
  };
}

/** The open tasks for one audience: the local administrators' (*Mijn taken*) or the legal representatives'. */
export async function listTasks(
  deps: Deps,
  enterpriseNumber: string,
  audience: TaskAudience = 'local-admins',
  language: Language = DEFAULT_LANGUAGE,
) {
  return {
    items: (await deps.tasks.listOpen(enterpriseNumber))
      .filter((t) => TASK_AUDIENCE[t.kind] === audience)
      .map((t) => taskView(t, language)),
  };
}

async function requireOpenTask(deps: Deps, enterpriseNumber: string, taskId: string): Promise<Task> {
  const task = await deps.tasks.get(enterpriseNumber, taskId);
  if (!task) throw new NotFoundError('task.not-found');
  if (task.status === 'expired') {
    throw new GoneError('task.expired');
  }
  if (task.status !== 'open') throw new ConflictError('task.decided');
  return task;
}

export interface DecisionInput {
  enterpriseNumber: string;
  taskId: string;
  decision: 'approve' | 'reject' | 'extend' | 'resume' | 'keep' | 'remove';
  reason: string;
  relationship?: RelationshipInput | undefined;
  endDate?: string | undefined;
}

/**
 * Who decides: the local administrators decide their tasks (`actor` is the administrator, null for
 * someone who is only a legal representative), the legal representatives theirs (checked in the KBO).
 */
export interface Decider {
  actor: Actor | null;
  caller: { pseudonym: string; nationalNumber: string };
}

export async function decide(deps: Deps, who: Decider, input: DecisionInput) {
  const task = await requireOpenTask(deps, input.enterpriseNumber, input.taskId);
  if (task.kind === 'confirm-admin')
    return taskView(await decideConfirmation(deps, who.caller, task, input, requireOpenTask));
  if (task.kind === 'appoint-admin') {
    throw invalidDecision('decision.invalid/appoint', 'decision.appoint-local-admin');
  }
  if (task.kind === 'access-review') {
    throw invalidDecision('decision.invalid/review', 'decision.answer-review');
  }
  const actor = who.actor;
  // The local administrators' tasks: someone who is only a legal representative has no say here.
  if (!actor) throw new ForbiddenError();
  if (task.kind === 'resume') return taskView(await decideResume(deps, actor, task, input, requireOpenTask));
  if (input.decision !== 'approve' && input.decision !== 'reject' && input.decision !== 'extend')
    throw invalidDecision('decision.invalid', 'decision.choose-approve-reject-extend');
  if (task.kind === 'extension') return decideExtension(deps, actor, task, input);
  if (input.decision === 'extend') {
    throw invalidDecision('decision.invalid/request', 'decision.choose-approve-reject');
  }
  const request = await deps.requests.get(task.requestId ?? '');
  if (!request) throw new NotFoundError('task.not-found');
  // Separation of duties: someone else decides, whatever the UI shows.
  if (request.pseudonym === who.caller.pseudonym) {
    throw new ForbiddenError('decision.own-request');
  }
  const decision: ApprovalDecision = {
    decision: input.decision,
    reason: input.reason,
    relationship: input.relationship ?? null,
    actor,
  };
  // Refuse now what the workflow could not apply, so the administrator sees the problem at once.
  if (input.decision === 'approve') await checkApproval(deps, request, decision, actor);
  // The workflow may refresh the task's token meanwhile (a re-drive): read again and decide on that.
  const decided = await withRetry(async () => {
    const current = await requireOpenTask(deps, input.enterpriseNumber, input.taskId);
    const next: Task = {
      ...current,
      status: 'decided',
      decision,
      decidedAt: deps.clock().now,
      decidedBy: actor.name,
    };
    await deps.unitOfWork().updateTask(current, next).commit();
    return next;
  });
  try {
    if (!decided.taskToken) throw new Error('no token');
    // The callback carries nothing: ApplyDecision reads the decision from the task, so no phone, e-mail
    // or name enters the execution history.
    await deps.workflows.sendTaskSuccess(decided.taskToken, {});
  } catch {
    // The waiting execution is gone (a restart) or its token is stale: start it again; its first step
    // finds the recorded decision and carries on with it.
    deps.log.warn('re-driving approval workflow', { taskId: task.taskId });
    await deps.workflows.startApproval(
      { requestId: request.requestId, enterpriseNumber: request.enterpriseNumber },
      { redriveId: deps.newId() },
    );
  }
  return taskView(decided);
}

async function decideExtension(deps: Deps, actor: Actor, task: Task, input: DecisionInput) {
  if (input.decision !== 'extend' && input.decision !== 'reject') {
    throw invalidDecision('decision.invalid/extension', 'decision.choose-extend-reject');
  }
  const personId = task.subject.personId;
  if (!personId) throw new NotFoundError('task.not-found');
  // Separation of duties: one's own right or relationship is extended by another local administrator.
  if (
    input.decision === 'extend' &&
    personId === actor.personId &&
    (await deps.admins.list(input.enterpriseNumber)).some((a) => a.personId !== actor.personId)
  ) {
    throw new ForbiddenError('decision.own-extension');
  }
  return withRetry(async () => {
    const current = await requireOpenTask(deps, input.enterpriseNumber, input.taskId);
    const clock = deps.clock();
    const closed: Task = {
      ...current,
      status: input.decision === 'extend' ? 'extended' : 'closed',
      taskToken: null,
      decidedAt: clock.now,
      decidedBy: actor.name,
    };
    if (input.decision === 'reject') {
      await deps.unitOfWork().closeTask(current, closed).commit();
      return taskView(closed);
    }
    const rights = new Map((await deps.catalogue.list()).map((r) => [r.rightId, r]));
    await changeAggregate(
      deps,
      { enterpriseNumber: input.enterpriseNumber, personId, actor, reason: input.reason },
      (agg, c) =>
        extendRelationship(
          agg,
          { includeRights: true, ...(input.endDate ? { endDate: input.endDate } : {}) },
          rights,
          c,
        ),
      (work) => work.closeTask(current, closed),
    );
    return taskView(closed);
  });
}
