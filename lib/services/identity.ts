/**
 * Who am I and for whom may I act: the logged-in person, the organisations where they are local
 * administrator (table) or legal representative (KBO, asked at the time of the call), their last
 * choice, and their own access decision for the portal.
 */
import { decideAccess } from '#lib/domain/access';
import { maskNationalNumber } from '#lib/domain/national-number';
import type { Deps } from '#lib/services/deps';
import { readEnterprise } from '#lib/services/kbo/read';
import { askKbo } from '#lib/services/kbo/shared';
import { keptDetails, readRegister } from '#lib/services/persons';

export type OrganisationRole = 'local-admin' | 'legal-representative';

export async function whoAmI(
  deps: Deps,
  caller: { pseudonym: string; nationalNumber: string; groups?: string[] },
) {
  const [person, adminOf, representations, preferences] = await Promise.all([
    deps.persons.get(caller.pseudonym),
    deps.admins.organisationsOf(caller.pseudonym),
    deps.enterpriseRegistry.findRepresentations(caller.nationalNumber),
    deps.preferences.get(caller.pseudonym),
  ]);
  // Someone not in the table yet (a legal representative at first login) gets their name from the register.
  const registered = person ? null : await readRegister(deps, caller.nationalNumber).catch(() => null);
  const details = person?.person ?? (registered ? keptDetails(registered) : null);
  const organisations = new Map<
    string,
    { enterpriseNumber: string; name: string; roles: OrganisationRole[] }
  >();
  for (const a of adminOf) {
    const org = await deps.organisations.get(a.enterpriseNumber);
    organisations.set(a.enterpriseNumber, {
      enterpriseNumber: a.enterpriseNumber,
      name: org?.name ?? (await readEnterprise(deps, a.enterpriseNumber))?.name ?? a.enterpriseNumber,
      roles: ['local-admin'],
    });
  }
  for (const r of representations) {
    const entry = organisations.get(r.enterpriseNumber);
    if (entry) entry.roles.push('legal-representative');
    else
      organisations.set(r.enterpriseNumber, {
        enterpriseNumber: r.enterpriseNumber,
        name: r.name,
        roles: ['legal-representative'],
      });
  }
  const list = await Promise.all(
    [...organisations.values()].map(async (o) => ({
      ...o,
      // What waits for this person: the administrators' tasks and, as representative, theirs.
      openTasks:
        (o.roles.includes('local-admin')
          ? await deps.tasks.countOpen(o.enterpriseNumber, 'local-admins')
          : 0) +
        (o.roles.includes('legal-representative')
          ? await deps.tasks.countOpen(o.enterpriseNumber, 'legal-representatives')
          : 0),
    })),
  );
  list.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const last = preferences?.lastOrganisation ?? null;
  return {
    personId: person?.personId ?? null,
    nationalNumber: maskNationalNumber(caller.nationalNumber),
    firstName: details?.firstName ?? null,
    lastName: details?.lastName ?? null,
    organisations: list,
    lastOrganisation: last && organisations.has(last) ? last : null,
    helpdesk: caller.groups?.includes('helpdesk') ?? false,
  };
}

export async function myAccess(
  deps: Deps,
  caller: { pseudonym: string },
  query: { enterpriseNumber: string; right: string; profile: string },
) {
  const [projection, admins, enterprise] = await Promise.all([
    deps.memberships.accessProjection(caller.pseudonym, query.enterpriseNumber),
    deps.admins.list(query.enterpriseNumber),
    // A portal user's question only reads (its function may not write): the stop is applied elsewhere.
    askKbo(deps, query.enterpriseNumber),
  ]);
  const decision = decideAccess(projection, query, deps.clock().today);
  // The local administrators' names are the organisation's to share with its own people: someone with
  // a work relationship there. Anyone else learns only that there is one, and sees the KBO's legal
  // representatives, which are public (as on the public route).
  const member = projection?.relationship != null;
  return {
    ...decision,
    organisation: { enterpriseNumber: query.enterpriseNumber, name: enterprise?.name ?? null },
    hasLocalAdministrators: admins.length > 0,
    // The portal shows "ask your local administrator" with these names (the seed's step 2).
    localAdministrators: member ? admins.map((a) => ({ name: a.name })) : [],
    legalRepresentatives: (enterprise?.legalRepresentatives ?? []).map((r) => ({
      name: `${r.firstName} ${r.lastName}`,
      function: r.function,
    })),
  };
}

/** The relying portal's question: one GetItem on the projection kept with every change. */
export async function checkAccess(
  deps: Deps,
  query: { nationalNumber: string; enterpriseNumber: string; right: string; profile: string },
) {
  const person = deps.pseudonymize(query.nationalNumber);
  const projection = await deps.memberships.accessProjection(person, query.enterpriseNumber);
  // The pseudonym lets the portal recognise this person in later change events (docs/events.md); it is
  // the same whether or not we know the person, so it reveals nothing.
  return { ...decideAccess(projection, query, deps.clock().today), person };
}
