/**
 * Decisions on the tasks the KBO follow opens (lib/domain/kbo.ts):
 *
 * - *Werkrelaties hervatten?* (`resume`, for the local administrators): `resume` resumes every work
 *   relationship the KBO paused (one transaction per person with its history entry), then closes the
 *   task; `reject` closes it and leaves them paused. Only while the KBO has the enterprise as active.
 * - *Bevestig lokale beheerder* (`confirm-admin`, for the legal representatives): `keep` records the
 *   deciding representative as the one who (re)confirmed the administrator, with a history entry, in
 *   the task's transaction; `remove` removes the administrator and closes the task in one transaction.
 * - *Duid een lokale beheerder aan* (`appoint-admin`) is done by appointing one; it has no decision here.
 */

import { BusinessRuleError, ForbiddenError, fieldError, NotFoundError } from '#lib/domain/errors';
import type { FieldMessageKey } from '#lib/domain/i18n/field-messages';
import type { ProblemDetailKey } from '#lib/domain/i18n/problems';
import { KBO_ACTOR } from '#lib/domain/kbo';
import { resumeAfterKbo } from '#lib/domain/membership';
import type { Actor, AdminRecord } from '#lib/domain/records';
import type { Task } from '#lib/domain/tasks';
import { withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { isLegalRepresentative } from '#lib/services/kbo/read';
import { changeIfNeeded, membersOf } from '#lib/services/kbo/shared';
import { auditSubject, personFor, removeLocalAdmin } from '#lib/services/local-admins';

export interface KboDecision {
  enterpriseNumber: string;
  taskId: string;
  decision: string;
  reason: string;
}

const invalidDecision = (detail: ProblemDetailKey, choose: FieldMessageKey) =>
  new BusinessRuleError('decision.invalid', detail, [fieldError('decision', 'decision.invalid', choose)]);

const notRepresentative = () =>
  new ForbiddenError('not-legal-representative', 'not-legal-representative/task');

/** Closes a task in its own transaction, unless someone else did first. */
async function close(
  deps: Deps,
  task: Task,
  status: Task['status'],
  decidedBy: string,
  reopen: (deps: Deps, en: string, taskId: string) => Promise<Task>,
) {
  return withRetry(async () => {
    const current = await reopen(deps, task.enterpriseNumber, task.taskId);
    const closed: Task = { ...current, status, decidedAt: deps.clock().now, decidedBy };
    await deps.unitOfWork().closeTask(current, closed).commit();
    return closed;
  });
}

export async function decideResume(
  deps: Deps,
  actor: Actor | null,
  task: Task,
  input: KboDecision,
  requireOpen: (deps: Deps, en: string, taskId: string) => Promise<Task>,
): Promise<Task> {
  if (!actor) throw new ForbiddenError();
  if (input.decision !== 'resume' && input.decision !== 'reject')
    throw invalidDecision('decision.invalid/resume', 'decision.choose-resume-reject');
  if (input.decision === 'reject') return close(deps, task, 'closed', actor.name, requireOpen);
  const org = await deps.organisations.get(input.enterpriseNumber);
  if (org?.kbo?.status === 'stopped') {
    throw new BusinessRuleError('organisation.stopped', 'organisation.stopped/again');
  }
  let resumed = 0;
  for await (const personId of membersOf(deps, input.enterpriseNumber)) {
    const next = await changeIfNeeded(
      deps,
      { enterpriseNumber: input.enterpriseNumber, personId, actor, reason: input.reason },
      (agg, clock) => resumeAfterKbo(agg, clock),
      (work) => work.requireActiveOrganisation(input.enterpriseNumber),
    );
    if (next) resumed += 1;
  }
  const closed = await close(deps, task, 'resumed', actor.name, requireOpen);
  return { ...closed, subject: { ...closed.subject, count: resumed } };
}

export async function decideConfirmation(
  deps: Deps,
  caller: { nationalNumber: string; pseudonym: string },
  task: Task,
  input: KboDecision,
  requireOpen: (deps: Deps, en: string, taskId: string) => Promise<Task>,
): Promise<Task> {
  if (input.decision !== 'keep' && input.decision !== 'remove')
    throw invalidDecision('decision.invalid/confirm', 'decision.choose-keep-remove');
  if (!(await isLegalRepresentative(deps, input.enterpriseNumber, caller.nationalNumber)))
    throw notRepresentative();
  const en = input.enterpriseNumber;
  const findAdmin = async (): Promise<AdminRecord | null> => {
    const listed = (await deps.admins.list(en)).find((a) => a.personId === task.subject.personId);
    return listed ? deps.admins.get(listed.pseudonym, en) : null;
  };
  const admin = await findAdmin();
  const decider = await personFor(deps, caller.nationalNumber);
  const actor: Actor = {
    personId: decider.record.personId,
    name: `${decider.record.person.firstName} ${decider.record.person.lastName}`,
  };
  // Removed meanwhile: nothing left to decide.
  if (!admin) return close(deps, task, 'closed', actor.name, requireOpen);
  if (input.decision === 'remove') {
    let closed: Task | null = null;
    await removeLocalAdmin(
      deps,
      caller,
      { enterpriseNumber: en, personId: admin.personId, version: admin.version, reason: input.reason },
      (work, by) => {
        closed = { ...task, status: 'removed', decidedAt: deps.clock().now, decidedBy: by.name };
        work.closeTask(task, closed);
      },
    );
    return closed ?? task;
  }
  return withRetry(async () => {
    const current = await requireOpen(deps, en, task.taskId);
    const record = await findAdmin();
    if (!record) throw new NotFoundError('local-admin.not-found');
    const clock = deps.clock();
    const closed: Task = { ...current, status: 'confirmed', decidedAt: clock.now, decidedBy: actor.name };
    const work = deps.unitOfWork();
    if (decider.isNew) work.putPerson(decider.pseudonym, decider.record, { exists: false });
    await work
      .updateAdmin(record, {
        ...record,
        appointedBy: actor.name,
        appointedByPseudonym: decider.pseudonym,
        confirmationTaskId: null,
      })
      .closeTask(current, closed)
      .addHistory(
        en,
        record.personId,
        {
          entryId: deps.newId(),
          at: clock.now,
          actor,
          action: 'local-admin.confirmed',
          reason: input.reason,
          before: { appointedBy: record.appointedBy },
          after: { appointedBy: actor.name, askedBy: KBO_ACTOR.name },
        },
        auditSubject(await deps.persons.get(record.pseudonym), record.name),
      )
      .commit();
    return closed;
  });
}
