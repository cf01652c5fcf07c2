/**
 * Legal representatives (per the KBO at the time of the call) appoint and remove local
 * administrators. Each change and its history entry are one transaction.
 */
import type { Actor, AdminRecord } from '#lib/adapters/dynamodb/store';
import { ConflictError, ForbiddenError, NotFoundError } from '#lib/domain/errors';
import { checkVersion } from '#lib/domain/membership';
import type { Enterprise } from '#lib/domain/ports';
import type { Deps } from '#lib/http/deps';
import { withRetry } from '#lib/services/aggregate';
import { registerLookup } from '#lib/services/persons';

export async function requireEnterprise(
  deps: Pick<Deps, 'enterpriseRegistry'>,
  enterpriseNumber: string,
): Promise<Enterprise> {
  const enterprise = await deps.enterpriseRegistry.getEnterprise(enterpriseNumber);
  if (!enterprise) {
    throw new NotFoundError('enterprise.not-found', 'Dit ondernemingsnummer is niet gekend in de KBO.');
  }
  return enterprise;
}

export function isRepresentative(enterprise: Enterprise, nationalNumber: string): boolean {
  return enterprise.legalRepresentatives.some((r) => r.nationalNumber === nationalNumber);
}

/** The person record, created from the register when missing, as part of the caller's transaction. */
async function personFor(deps: Deps, nationalNumber: string) {
  const pseudonym = deps.pseudonymize(nationalNumber);
  const existing = await deps.store.getPerson(pseudonym);
  if (existing) return { pseudonym, record: existing, create: null };
  const person = await registerLookup(deps, nationalNumber);
  const record = { personId: deps.newId(), nationalNumber, person };
  return { pseudonym, record, create: deps.store.personItem(pseudonym, record, false) };
}

export async function listLocalAdmins(deps: Deps, enterpriseNumber: string) {
  const [enterprise, admins] = await Promise.all([
    requireEnterprise(deps, enterpriseNumber),
    deps.store.listAdmins(enterpriseNumber),
  ]);
  return {
    enterpriseNumber,
    name: enterprise.name,
    localAdmins: admins.map(adminView),
    legalRepresentatives: enterprise.legalRepresentatives.map((r) => ({
      name: `${r.firstName} ${r.lastName}`,
      function: r.function,
    })),
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
    if (await deps.store.getAdmin(appointee.pseudonym, input.enterpriseNumber)) {
      throw new ConflictError(
        'local-admin.exists',
        'Deze persoon is al lokale beheerder van deze organisatie.',
      );
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
      version: 1,
    };
    const creates = [actorPerson.create, appointee === actorPerson ? null : appointee.create].filter(
      (x) => x !== null,
    );
    await deps.store.transact([
      ...creates,
      deps.store.adminItem(admin),
      deps.store.historyItem(input.enterpriseNumber, admin.personId, {
        entryId: deps.newId(),
        at: clock.now,
        actor,
        action: 'local-admin.appointed',
        reason: input.reason ?? null,
        before: null,
        after: { localAdmin: true, organisation: enterprise.name },
      }),
    ]);
    await deps.store.putOrganisation(input.enterpriseNumber, enterprise.name);
    return admin;
  });
}

export async function removeLocalAdmin(
  deps: Deps,
  caller: { nationalNumber: string },
  input: { enterpriseNumber: string; personId: string; version: number; reason?: string | undefined },
) {
  const enterprise = await requireEnterprise(deps, input.enterpriseNumber);
  if (!isRepresentative(enterprise, caller.nationalNumber)) throw notRepresentative();
  return withRetry(async () => {
    const admins = await deps.store.listAdmins(input.enterpriseNumber);
    const admin = admins.find((a) => a.personId === input.personId);
    if (!admin)
      throw new NotFoundError(
        'local-admin.not-found',
        'Deze persoon is geen lokale beheerder van deze organisatie.',
      );
    // The list comes from an index (eventually consistent): re-read the item itself before deciding.
    const current = await deps.store.getAdmin(admin.pseudonym, input.enterpriseNumber);
    if (!current)
      throw new NotFoundError(
        'local-admin.not-found',
        'Deze persoon is geen lokale beheerder van deze organisatie.',
      );
    checkVersion(current.version, input.version);
    const actorPerson = await personFor(deps, caller.nationalNumber);
    const actor: Actor = { personId: actorPerson.record.personId, name: fullName(actorPerson.record.person) };
    const clock = deps.clock();
    await deps.store.transact([
      ...(actorPerson.create ? [actorPerson.create] : []),
      deps.store.removeAdminItem(current),
      deps.store.historyItem(input.enterpriseNumber, current.personId, {
        entryId: deps.newId(),
        at: clock.now,
        actor,
        action: 'local-admin.removed',
        reason: input.reason ?? null,
        before: { localAdmin: true, organisation: enterprise.name },
        after: null,
      }),
    ]);
    const remaining = admins.filter((a) => a.personId !== current.personId).length;
    return {
      removed: adminView(current),
      remainingLocalAdmins: remaining,
      ...(remaining === 0
        ? {
            warning: {
              code: 'local-admin.none-left',
              message:
                'Deze organisatie heeft nu geen lokale beheerder meer. Niemand kan nog personen of rechten beheren tot u een nieuwe aanduidt.',
            },
          }
        : {}),
    };
  });
}

function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}

function notRepresentative(): ForbiddenError {
  return new ForbiddenError(
    'not-legal-representative',
    'Alleen een wettelijk vertegenwoordiger van deze onderneming (volgens de KBO) kan lokale beheerders aanduiden of verwijderen.',
  );
}
