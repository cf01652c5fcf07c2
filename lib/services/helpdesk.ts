/**
 * The helpdesk (VLAIO 1700): for any enterprise number, read what a caller asks about, never change
 * it: the organisation's local administrators and legal representatives, its persons and their rights
 * (national numbers masked), and the access check's answer and reason. Every read is recorded in the
 * organisation's audit trail with who looked, at what and the ticket it was for, so the organisation
 * sees who from the helpdesk looked at its data.
 */
import { decideAccess, toAccessProjection } from '#lib/domain/access';
import type { Actor, HistoryEntry } from '#lib/domain/records';
import { personNotFound } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { listLocalAdmins } from '#lib/services/local-admins';
import { keptDetails, readRegister } from '#lib/services/persons';
import { personPage, personSummary } from '#lib/services/views';

/** The helpdesk agent as the route knows them (the token's person). */
type Caller = { pseudonym: string; nationalNumber: string };

type Look =
  | { what: 'organisation' }
  | { what: 'person'; personId: string }
  | {
      what: 'access-check';
      personId: string;
      right: string;
      profile: string;
      allowed: boolean;
      reason: string;
    };

/** The helpdesk agent as the audit trail names them: from our persons, else from the register. */
async function agent(deps: Deps, caller: Caller): Promise<Actor> {
  const person = await deps.persons.get(caller.pseudonym);
  const registered = person ? null : await readRegister(deps, caller.nationalNumber).catch(() => null);
  const details = person?.person ?? (registered ? keptDetails(registered) : null);
  const name = details ? `${details.firstName} ${details.lastName}` : 'Helpdesk';
  return { personId: person?.personId ?? 'helpdesk', name: `${name} (helpdesk)` };
}

/** The look, in the organisation's audit trail (one item, its own transaction). */
async function record(deps: Deps, en: string, caller: Caller, ticket: string, look: Look): Promise<void> {
  const clock = deps.clock();
  const entry: HistoryEntry = {
    entryId: deps.newId(),
    at: clock.now,
    on: clock.today,
    actor: await agent(deps, caller),
    action: 'helpdesk.viewed',
    reason: `Ticket ${ticket}`,
    before: null,
    after: { ...look, ticket },
  };
  await deps.unitOfWork().addOrganisationHistory(en, entry).commit();
}

/** The organisation: local administrators, legal representatives (KBO), its persons (a page of 100). */
export async function helpdeskOrganisation(deps: Deps, caller: Caller, en: string, ticket: string) {
  const [admins, persons] = await Promise.all([
    listLocalAdmins(deps, en),
    deps.memberships.list(en, { limit: 100 }),
  ]);
  await record(deps, en, caller, ticket, { what: 'organisation' });
  return {
    enterpriseNumber: en,
    name: admins.name,
    status: admins.status,
    stoppedOn: admins.stoppedOn,
    localAdmins: admins.localAdmins.map((a) => ({
      personId: a.personId,
      name: a.name,
      appointedAt: a.appointedAt,
    })),
    legalRepresentatives: admins.legalRepresentatives,
    persons: persons.items.map(personSummary),
    morePersons: persons.cursor !== null,
  };
}

/** A person's page in the organisation, as its local administrators see it (the number masked). */
export async function helpdeskPerson(
  deps: Deps,
  caller: Caller,
  en: string,
  personId: string,
  ticket: string,
) {
  const agg = await deps.memberships.load(en, personId, { consistent: false });
  if (!agg) throw personNotFound();
  await record(deps, en, caller, ticket, { what: 'person', personId });
  return personPage(agg, deps.clock().today);
}

/** What the portal's access check answers today for this person, right and profile, and why. */
export async function helpdeskAccessCheck(
  deps: Deps,
  caller: Caller,
  en: string,
  q: { personId: string; right: string; profile: string; ticket: string },
) {
  const agg = await deps.memberships.load(en, q.personId, { consistent: false });
  if (!agg) throw personNotFound();
  const decision = decideAccess(
    toAccessProjection(agg),
    { right: q.right, profile: q.profile },
    deps.clock().today,
  );
  await record(deps, en, caller, q.ticket, {
    what: 'access-check',
    personId: q.personId,
    right: q.right,
    profile: q.profile,
    allowed: decision.allowed,
    reason: decision.reason,
  });
  return { ...decision, right: q.right, profile: q.profile };
}
