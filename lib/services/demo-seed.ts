/**
 * The demo world of the README: the right catalogue, the three enterprises, and the people who already
 * have a role at first start. Written through the same domain operations and store as the API, so the
 * seeded data (history, access projection) is exactly what the API itself would have produced.
 */

import { PROFILE_SERVICE_PROVIDER, SEED_CATALOGUE, VLAIO_RIGHT } from '#lib/domain/catalogue';
import {
  type Change,
  createRelationship,
  grantRight,
  newMembership,
  type PersonAggregate,
} from '#lib/domain/membership';
import type { Actor } from '#lib/domain/records';
import { historyEntry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { registerLookup } from '#lib/services/persons';

const SYSTEM: Actor = { personId: 'SYSTEM', name: 'Demogegevens' };

export const DEMO = {
  sofie: '82110524249',
  marc: '68012307786',
  tom: '77091503135',
  emma: '90041812490',
  lucas: '01073003339',
  jonas: '85490201120',
  pieter: '75031201557',
  lotte: '94020211270',
  /** The helpdesk (VLAIO 1700): in the helpdesk group of the local identity providers. */
  hilde: '88061512356',
  adviesbureau: '0795012394',
  boekhouding: '0812345603',
  consultancy: '1001234592',
} as const;

async function ensurePerson(deps: Deps, nationalNumber: string) {
  const pseudonym = deps.pseudonymize(nationalNumber);
  const existing = await deps.persons.get(pseudonym);
  if (existing) return { ...existing, pseudonym };
  const person = await registerLookup(deps, nationalNumber);
  const record = { personId: deps.newId(), nationalNumber, person };
  await deps.unitOfWork().putPerson(pseudonym, record, { exists: false }).commit();
  return { ...record, pseudonym };
}

async function member(
  deps: Deps,
  nationalNumber: string,
  enterpriseNumber: string,
  steps: ((agg: PersonAggregate) => Change)[],
) {
  const person = await ensurePerson(deps, nationalNumber);
  const clock = { today: '2025-01-01', now: new Date().toISOString() };
  const org = await deps.enterpriseRegistry.getEnterprise(enterpriseNumber);
  const first = newMembership({
    enterpriseNumber,
    organisationName: org?.name ?? enterpriseNumber,
    personId: person.personId,
    pseudonym: person.pseudonym,
    nationalNumber,
    person: person.person,
    nickname: null,
    initials: null,
    now: clock.now,
  });
  const history = [historyEntry(deps, clock, SYSTEM, first)];
  let agg = first.next;
  for (const step of steps) {
    const change = step(agg);
    history.push(historyEntry(deps, clock, SYSTEM, change));
    agg = change.next;
  }
  await deps.unitOfWork().saveMembership(null, agg, history, clock.today).commit();
  return person;
}

async function appointAdmin(deps: Deps, nationalNumber: string, enterpriseNumber: string, by: string) {
  const person = await ensurePerson(deps, nationalNumber);
  await deps
    .unitOfWork()
    .addAdmin({
      enterpriseNumber,
      personId: person.personId,
      pseudonym: person.pseudonym,
      name: `${person.person.firstName} ${person.person.lastName}`,
      appointedAt: new Date().toISOString(),
      appointedBy: SYSTEM.name,
      // The legal representative who appointed them, as the KBO follow needs to know (kbo.ts).
      appointedByPseudonym: deps.pseudonymize(by),
      version: 1,
    })
    .commit();
}

export async function seedDemoWorld(deps: Deps): Promise<void> {
  for (const right of SEED_CATALOGUE) await deps.catalogue.put(right);
  for (const en of [DEMO.adviesbureau, DEMO.boekhouding, DEMO.consultancy]) {
    const enterprise = await deps.enterpriseRegistry.getEnterprise(en);
    if (enterprise) await deps.organisations.put(en, enterprise.name);
  }
  const clock = { today: '2025-01-01', now: new Date().toISOString() };
  const vlaio = SEED_CATALOGUE.find((r) => r.rightId === VLAIO_RIGHT);
  if (!vlaio) throw new Error(`The seed catalogue has no ${VLAIO_RIGHT}.`);

  await member(deps, DEMO.sofie, DEMO.adviesbureau, [
    (agg) =>
      createRelationship(
        agg,
        {
          category: 'Vaste medewerker',
          startDate: '2023-09-01',
          endDate: '2033-08-31',
          phone: '+32478123456',
          email: 'sofie.janssens@adviesbureau-voorbeeld.be',
        },
        clock,
      ),
  ]);
  await appointAdmin(deps, DEMO.sofie, DEMO.adviesbureau, DEMO.pieter);
  await appointAdmin(deps, DEMO.marc, DEMO.boekhouding, DEMO.marc);
  await member(deps, DEMO.tom, DEMO.boekhouding, [
    (agg) =>
      createRelationship(
        agg,
        {
          category: 'Vaste medewerker',
          startDate: '2025-01-01',
          endDate: '2034-12-31',
          phone: '+3293456789',
          email: 'tom.wouters@boekhouding-test.be',
        },
        clock,
      ),
    (agg) =>
      grantRight(
        agg,
        vlaio,
        { profiles: [PROFILE_SERVICE_PROVIDER], startDate: '2025-01-01', endDate: '2029-12-31' },
        deps.newId(),
        clock,
      ),
  ]);
}
