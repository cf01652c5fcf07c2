/**
 * Legal representatives (per the KBO at the time of the call) appoint and remove local
 * administrators. Each change and its history entry are one transaction.
 */

import { ConflictError, ForbiddenError, NotFoundError } from '#lib/domain/errors';
import { DEFAULT_LANGUAGE, type Language } from '#lib/domain/i18n/language';
import { problemDetail } from '#lib/domain/i18n/problems';
import { checkVersion } from '#lib/domain/membership';
import { maskNationalNumber } from '#lib/domain/national-number';
import type { Enterprise, UnitOfWork } from '#lib/domain/ports';
import type { Actor, AdminRecord } from '#lib/domain/records';
import { withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { appointTaskFor } from '#lib/services/kbo/apply';
import { readEnterprise } from '#lib/services/kbo/read';
import { ORGANISATION } from '#lib/services/kbo/shared';
import { registerLookup } from '#lib/services/persons';
import { listTasks } from '#lib/services/tasks';

const enterpriseNotFound = () => new NotFoundError('enterprise.not-found');

export async function requireEnterprise(deps: Deps, enterpriseNumber: string): Promise<Enterprise> {
  const enterprise = await readEnterprise(deps, enterpriseNumber);
  if (!enterprise) throw enterpriseNotFound();
  return enterprise;
}

/** The public route's reading: the KBO only (that function has no table, so it applies nothing). */
export async function requirePublicEnterprise(
  deps: Pick<Deps, 'enterpriseRegistry'>,
  enterpriseNumber: string,
): Promise<Enterprise> {
  const enterprise = await deps.enterpriseRegistry.getEnterprise(enterpriseNumber);
  if (!enterprise) throw enterpriseNotFound();
  return enterprise;
}

export function isRepresentative(enterprise: Enterprise, nationalNumber: string): boolean {
  return enterprise.legalRepresentatives.some((r) => r.nationalNumber === nationalNumber);
}

/** The person record, read or looked up in the register; `isNew`: the caller's unit of work creates it. */
export async function personFor(deps: Deps, nationalNumber: string) {
  const pseudonym = deps.pseudonymize(nationalNumber);
  const existing = await deps.persons.get(pseudonym);
  if (existing) return { pseudonym, record: existing, isNew: false };
  const person = await registerLookup(deps, nationalNumber);
  const record = { personId: deps.newId(), nationalNumber, person };
  return { pseudonym, record, isNew: true };
}

/** The organisation's history shown with its administrators: what the KBO changed, the latest first. */
const KBO_HISTORY_SHOWN = 20;

export async function listLocalAdmins(
  deps: Deps,
  enterpriseNumber: string,
  language: Language = DEFAULT_LANGUAGE,
) {
  const [enterprise, admins, tasks, history] = await Promise.all([
    requireEnterprise(deps, enterpriseNumber),
    deps.admins.list(enterpriseNumber),
    listTasks(deps, enterpriseNumber, 'legal-representatives', language),
    deps.organisations.history(enterpriseNumber, { limit: KBO_HISTORY_SHOWN }),
  ]);
  return {
    enterpriseNumber,
    name: enterprise.name,
    status: enterprise.status,
    stoppedOn: enterprise.stoppedOn,
    localAdmins: admins.map(adminView),
    legalRepresentatives: enterprise.legalRepresentatives.map((r) => ({
      name: `${r.firstName} ${r.lastName}`,
      function: r.function,
    })),
    representativeTasks: tasks.items,
    kboHistory: history.items,
  };
}

export function adminView(a: AdminRecord) {
  return {
    personId: a.personId,
    name: a.name,
    appointedAt: a.appointedAt,
    appointedBy: a.appointedBy,
    version: a.version,
  };
}

export async function appointLocalAdmin(
  deps: Deps,
  caller: { nationalNumber: string },
  input: { enterpriseNumber: string; nationalNumber: string; reason?: string | undefined },
) {
  const enterprise = await requireEnterprise(deps, input.enterpriseNumber);
  if (!isRepresentative(enterprise, caller.nationalNumber)) throw notRepresentative();
  return withRetry(async () => {
    const actorPerson = await personFor(deps, caller.nationalNumber);
    const appointee =
      input.nationalNumber === caller.nationalNumber
        ? actorPerson
        : await personFor(deps, input.nationalNumber);
    if (await deps.admins.get(appointee.pseudonym, input.enterpriseNumber)) {
      throw new ConflictError('local-admin.exists');
    }
    const clock = deps.clock();
    const actor: Actor = { personId: actorPerson.record.personId, name: fullName(actorPerson.record.person) };
    const admin: AdminRecord = {
      enterpriseNumber: input.enterpriseNumber,
      personId: appointee.record.personId,
      pseudonym: appointee.pseudonym,
      name: fullName(appointee.record.person),
      appointedAt: clock.now,
      appointedBy: actor.name,
      appointedByPseudonym: actorPerson.pseudonym,
      version: 1,
    };
    const work = deps.unitOfWork();
    // The organisation has a local administrator again: the task to appoint one is done.
    const org = await deps.organisations.get(input.enterpriseNumber);
    const appointTask = org?.appointTaskId
      ? await deps.tasks.get(input.enterpriseNumber, org.appointTaskId)
      : null;
    if (org && appointTask?.status === 'open') {
      work
        .closeTask(appointTask, {
          ...appointTask,
          status: 'closed',
          decidedAt: clock.now,
          decidedBy: actor.name,
        })
        .saveOrganisation(org, { ...org, appointTaskId: null });
    }
    for (const p of appointee === actorPerson ? [actorPerson] : [actorPerson, appointee]) {
      if (p.isNew) work.putPerson(p.pseudonym, p.record, { exists: false });
    }
    await work
      .addAdmin(admin)
      .addHistory(
        input.enterpriseNumber,
        admin.personId,
        {
          entryId: deps.newId(),
          at: clock.now,
          actor,
          action: 'local-admin.appointed',
          reason: input.reason ?? null,
          before: null,
          // A legal representative may appoint themselves (the seed's step 2); the history says so.
          after: {
            localAdmin: true,
            organisation: enterprise.name,
            selfAppointed: appointee === actorPerson,
          },
        },
        auditSubject(appointee.record),
      )
      .commit();
    await deps.organisations.put(input.enterpriseNumber, enterprise.name);
    return admin;
  });
}

export async function removeLocalAdmin(
  deps: Deps,
  caller: { nationalNumber: string },
  input: {
    enterpriseNumber: string;
    personId: string;
    version: number;
    reason?: string | undefined;
    /** The language of the answer's warning. */
    language?: Language;
  },
  /** More of the same transaction (a *Bevestig lokale beheerder* task closed with the removal). */
  also?: (work: UnitOfWork, actor: Actor) => void,
) {
  const enterprise = await requireEnterprise(deps, input.enterpriseNumber);
  if (!isRepresentative(enterprise, caller.nationalNumber)) throw notRepresentative();
  return withRetry(async () => {
    const admins = await deps.admins.list(input.enterpriseNumber);
    const admin = admins.find((a) => a.personId === input.personId);
    if (!admin) throw new NotFoundError('local-admin.not-found');
    // The list comes from an index (eventually consistent): re-read the item itself before deciding.
    const current = await deps.admins.get(admin.pseudonym, input.enterpriseNumber);
    if (!current) throw new NotFoundError('local-admin.not-found');
    checkVersion(current.version, input.version);
    const actorPerson = await personFor(deps, caller.nationalNumber);
    const actor: Actor = { personId: actorPerson.record.personId, name: fullName(actorPerson.record.person) };
    const clock = deps.clock();
    const work = deps.unitOfWork();
    if (actorPerson.isNew) work.putPerson(actorPerson.pseudonym, actorPerson.record, { exists: false });
    const remaining = admins.filter((a) => a.personId !== current.personId).length;
    // The last one goes: the legal representatives get a task to appoint another, and an e-mail (sent
    // by the next daily KBO follow, which has the mailer).
    const org = remaining === 0 ? await deps.organisations.get(input.enterpriseNumber) : null;
    if (org && !org.appointTaskId) {
      const { task, notice } = appointTaskFor(deps, org, clock.now);
      work
        .addTask(task)
        .addNotice(input.enterpriseNumber, ORGANISATION, notice, {
          at: clock.now,
          status: 'pending',
          taskId: task.taskId,
        })
        .saveOrganisation(org, {
          ...org,
          appointTaskId: task.taskId,
          kboNotices: [...(org.kboNotices ?? []), notice],
        });
    }
    if (also) also(work, actor);
    else if (current.confirmationTaskId) {
      // Removed directly: the question whether to keep them is answered.
      const task = await deps.tasks.get(input.enterpriseNumber, current.confirmationTaskId);
      if (task?.status === 'open')
        work.closeTask(task, { ...task, status: 'removed', decidedAt: clock.now, decidedBy: actor.name });
    }
    await work
      .removeAdmin(current)
      .addHistory(
        input.enterpriseNumber,
        current.personId,
        {
          entryId: deps.newId(),
          at: clock.now,
          actor,
          action: 'local-admin.removed',
          reason: input.reason ?? null,
          before: { localAdmin: true, organisation: enterprise.name },
          after: null,
        },
        auditSubject(await deps.persons.get(current.pseudonym), current.name),
      )
      .commit();
    return {
      removed: adminView(current),
      remainingLocalAdmins: remaining,
      ...(remaining === 0
        ? {
            warning: {
              code: 'local-admin.none-left',
              message: problemDetail(input.language ?? DEFAULT_LANGUAGE, 'local-admin.none-left'),
            },
          }
        : {}),
    };
  });
}

/** Whom an administrator's history entry is about, for the organisation's audit trail. */
export function auditSubject(
  record: { nationalNumber: string; person: { firstName: string; lastName: string } } | null,
  name?: string,
) {
  return {
    name: record ? fullName(record.person) : (name ?? ''),
    nationalNumber: record ? maskNationalNumber(record.nationalNumber) : '',
  };
}

function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}

function notRepresentative(): ForbiddenError {
  return new ForbiddenError('not-legal-representative');
}
