/**
 * Use cases around persons in an organisation: register lookup, add, edit, remove, page, list, history,
 * compare.
 */
import {
  BusinessRuleError,
  ConflictError,
  NotFoundError,
  RegistryUnavailableError,
} from '#lib/domain/errors';
import {
  newMembership,
  type PersonAggregate,
  type PersonDetails,
  type PersonEdit,
  removeMembership,
  updatePerson,
} from '#lib/domain/membership';
import type { NationalNumber } from '#lib/domain/national-number';
import type { RegisterPerson } from '#lib/domain/ports';
import type { Actor } from '#lib/domain/records';
import { changeAggregate, committed, historyEntry, personNotFound, withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { readEnterprise } from '#lib/services/kbo/read';
import { personSummary } from '#lib/services/views';

/**
 * What the national register says of a person: its answer kept in the table is used while younger than
 * REGISTER_MAX_AGE_HOURS, otherwise the register is asked and its answer kept. `null`: no such person.
 * The register being down is a 503 (`unavailable`), and nothing is written.
 */
export async function readRegister(deps: Deps, nationalNumber: string): Promise<RegisterPerson | null> {
  const pseudonym = deps.pseudonymize(nationalNumber);
  const clock = deps.clock();
  const maxAgeMs = deps.registerMaxAgeHours * 3_600_000;
  // Without the kept answer the register is simply asked: the table is a shortcut, not a dependency.
  const kept = await deps.persons.registerRead(pseudonym).catch(() => null);
  if (kept && Date.parse(clock.now) - Date.parse(kept.readAt) < maxAgeMs) return kept.person;
  let person: RegisterPerson | null;
  try {
    person = await deps.nationalRegister.lookup(nationalNumber);
  } catch (error) {
    if (error instanceof RegistryUnavailableError) throw error;
    deps.log.error('national register adapter failed', {
      error: error instanceof Error ? error.name : 'unknown',
    });
    throw new RegistryUnavailableError('national-register', 'adapter-error');
  }
  if (person) {
    const keepUntil = new Date(Date.parse(clock.now) + maxAgeMs).toISOString();
    await deps.persons
      .rememberRegisterRead(pseudonym, { person, readAt: clock.now }, keepUntil)
      .catch(() => deps.log.warn('register answer not kept'));
  }
  return person;
}

/** The details we keep of a person: what the register says, without what we only act on. */
export function keptDetails(person: RegisterPerson): PersonDetails {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    birthDate: person.birthDate,
    sex: person.sex,
    source: person.source,
  };
}

/** The register's details of someone who may be added, or a clear 404/422/503; nothing half-made. */
export async function registerLookup(deps: Deps, nationalNumber: string): Promise<PersonDetails> {
  const person = await readRegister(deps, nationalNumber);
  if (!person) {
    throw new NotFoundError('national-register.not-found');
  }
  if (person.deceased) {
    throw new BusinessRuleError('person.deceased');
  }
  return keptDetails(person);
}

export async function organisationName(deps: Deps, enterpriseNumber: string): Promise<string> {
  const org = await deps.organisations.get(enterpriseNumber);
  if (org) return org.name;
  const enterprise = await readEnterprise(deps, enterpriseNumber);
  return enterprise?.name ?? enterpriseNumber;
}

export async function lookupNationalRegister(deps: Deps, enterpriseNumber: string, nrn: NationalNumber) {
  const details = await registerLookup(deps, nrn.value);
  const person = await deps.persons.get(deps.pseudonymize(nrn.value));
  const known = person
    ? await deps.memberships.load(enterpriseNumber, person.personId, { consistent: false })
    : null;
  return {
    // The administrator just typed this number: it is echoed in full here and nowhere else.
    nationalNumber: nrn.value,
    kind: nrn.kind,
    ...details,
    knownInOrganisation: known !== null,
    personId: known ? known.membership.personId : null,
  };
}

export async function addPerson(
  deps: Deps,
  actor: Actor,
  input: {
    enterpriseNumber: string;
    nationalNumber: string;
    nickname?: string | undefined;
    initials?: string | undefined;
    reason?: string | undefined;
  },
): Promise<PersonAggregate> {
  const pseudonym = deps.pseudonymize(input.nationalNumber);
  const details = await registerLookup(deps, input.nationalNumber);
  const orgName = await organisationName(deps, input.enterpriseNumber);
  return withRetry(async () => {
    const person = await deps.persons.get(pseudonym);
    const personId = person?.personId ?? deps.newId();
    if (person && (await deps.memberships.load(input.enterpriseNumber, personId))) {
      throw new ConflictError('person.exists');
    }
    const clock = deps.clock();
    const change = newMembership({
      enterpriseNumber: input.enterpriseNumber,
      organisationName: orgName,
      personId,
      pseudonym,
      nationalNumber: input.nationalNumber,
      person: details,
      nickname: input.nickname || null,
      initials: input.initials || null,
      now: clock.now,
    });
    await deps
      .unitOfWork()
      .putPerson(
        pseudonym,
        { personId, nationalNumber: input.nationalNumber, person: details },
        { exists: !!person },
      )
      .saveMembership(
        null,
        change.next,
        [historyEntry(deps, clock, actor, change, input.reason)],
        clock.today,
      )
      .commit();
    return committed(null, change.next);
  });
}

interface PersonTarget {
  enterpriseNumber: string;
  personId: string;
  actor: Actor;
  reason?: string | null | undefined;
}

/** *Bewerk gegevens*: the nickname and initials, with If-Match on the person's version. */
export const editPerson = (deps: Deps, t: PersonTarget, edit: PersonEdit, version: number) =>
  changeAggregate(deps, t, (agg, clock) => updatePerson(agg, edit, version, clock));

/** What a removal ended, for the answer: the relationship and the rights it revoked. */
export interface Removal {
  personId: string;
  relationshipEnded: boolean;
  rightsRevoked: string[];
}

/**
 * *Verwijder uit organisatie*: one transaction removes the membership (and, when confirmed, the work
 * relationship and its rights) and writes the history entries, which stay. Refused (409, nothing
 * written) while there is a relationship and `endRelationship` is not given.
 */
export function removePerson(
  deps: Deps,
  t: PersonTarget,
  opts: { endRelationship: boolean },
  version: number,
): Promise<Removal> {
  return withRetry(async () => {
    const loaded = await deps.memberships.load(t.enterpriseNumber, t.personId);
    if (!loaded) throw personNotFound();
    const clock = deps.clock();
    const changes = removeMembership(loaded, version, opts, clock);
    const history = changes.map((c) => historyEntry(deps, clock, t.actor, c, t.reason));
    await deps.unitOfWork().removeMembership(loaded, history, clock.today).commit();
    return {
      personId: t.personId,
      relationshipEnded: loaded.relationship !== null,
      rightsRevoked: loaded.grants.filter((g) => !g.expiredOn).map((g) => g.rightName ?? g.rightId),
    };
  });
}

export async function getPersonAggregate(deps: Deps, enterpriseNumber: string, personId: string) {
  const agg = await deps.memberships.load(enterpriseNumber, personId, { consistent: false });
  if (!agg) throw personNotFound();
  return agg;
}

/** The person's work relationship in the organisation; 404 when there is none. */
export async function getRelationship(deps: Deps, enterpriseNumber: string, personId: string) {
  const agg = await getPersonAggregate(deps, enterpriseNumber, personId);
  if (!agg.relationship) {
    throw new NotFoundError('relationship.not-found');
  }
  return agg.relationship;
}

/** One of the person's granted rights; 404 when it is not theirs or does not exist. */
export async function getGrant(deps: Deps, enterpriseNumber: string, personId: string, grantId: string) {
  const agg = await getPersonAggregate(deps, enterpriseNumber, personId);
  const grant = agg.grants.find((g) => g.grantId === grantId);
  if (!grant) throw new NotFoundError('grant.not-found');
  return { agg, grant };
}

export async function listPersons(
  deps: Deps,
  enterpriseNumber: string,
  query: {
    search?: string | undefined;
    status?: 'pending' | 'active' | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const page = await deps.memberships.list(enterpriseNumber, query);
  return { items: page.items.map(personSummary), cursor: page.cursor };
}

export async function getHistory(
  deps: Deps,
  enterpriseNumber: string,
  personId: string,
  query: { cursor?: string | undefined; limit: number },
) {
  const page = await deps.memberships.history(enterpriseNumber, personId, query);
  // An empty first page means no such person here: history is never deleted, so a known person has entries.
  if (page.items.length === 0 && !query.cursor) throw personNotFound();
  return {
    items: page.items.map((e) => ({
      entryId: e.entryId,
      at: e.at,
      actor: e.actor,
      action: e.action,
      reason: e.reason,
      before: e.before,
      after: e.after,
    })),
    cursor: page.cursor,
  };
}

/** Rights × profiles × persons; a row differs when not every person has the same. */
export async function comparePersons(deps: Deps, enterpriseNumber: string, personIds: string[]) {
  const aggs = await Promise.all(personIds.map((id) => getPersonAggregate(deps, enterpriseNumber, id)));
  const catalogue = await deps.catalogue.list();
  const pairs = new Map<string, { right: string; profile: string }>();
  for (const right of catalogue)
    for (const profile of right.profiles)
      pairs.set(`${right.rightId}\u0000${profile}`, { right: right.rightId, profile });
  for (const agg of aggs)
    for (const g of agg.grants)
      for (const profile of g.profiles)
        pairs.set(`${g.rightId}\u0000${profile}`, { right: g.rightId, profile });
  const rows = [...pairs.values()].map(({ right, profile }) => {
    const cells = aggs.map((agg) => {
      const g = agg.grants.find((x) => x.rightId === right && x.profiles.includes(profile));
      return { granted: !!g, startDate: g?.startDate ?? null, endDate: g?.endDate ?? null };
    });
    return { right, profile, cells, differs: new Set(cells.map((c) => c.granted)).size > 1 };
  });
  return { persons: aggs.map((a) => personSummary(a.membership)), rows };
}
