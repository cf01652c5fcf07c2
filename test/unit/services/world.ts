/** The small world the service unit tests share: one organisation, an administrator, people in the register. */
import type { PersonDetails, RelationshipInput } from '#lib/domain/membership';
import { addPerson } from '#lib/services/persons';
import { type FakeOptions, fakeDeps } from '../../support/fakes.ts';

export const EN = '0795012394';
export const SOFIE = { personId: 'ADMIN', name: 'Sofie Janssens' };
export const EMMA = '90041812490';
export const LUCAS = '01073003339';
export const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
export const SP = 'Dienstverlener kmo-portefeuille';
export const TODAY = '2026-12-02';

const details = (firstName: string, lastName: string): PersonDetails => ({
  firstName,
  lastName,
  birthDate: null,
  sex: null,
  source: 'VKBP',
});

export const relationship = (o: Partial<RelationshipInput> = {}): RelationshipInput => ({
  category: 'Vaste medewerker',
  startDate: TODAY,
  endDate: '2036-12-01',
  phone: '+3212345678',
  email: 'emma@voorbeeld.be',
  ...o,
});

export function world(options: FakeOptions = {}) {
  /** A one-shot change of the stored state just before the next commit: someone else's write. */
  let race: ((state: Parameters<NonNullable<FakeOptions['beforeCommit']>>[0]) => void) | undefined;
  const fake = fakeDeps({
    beforeCommit: (state) => {
      const change = race;
      race = undefined;
      change?.(state);
    },
    today: TODAY,
    register: { [EMMA]: details('Emma', 'Willems'), [LUCAS]: details('Lucas', 'De Smet') },
    enterprises: [
      {
        enterpriseNumber: EN,
        name: 'Adviesbureau Voorbeeld BV',
        status: 'active',
        stoppedOn: null,
        legalForm: 'Besloten vennootschap',
        legalRepresentatives: [],
      },
    ],
    ...options,
  });
  const target = (personId: string, reason?: string) => ({
    enterpriseNumber: EN,
    personId,
    actor: SOFIE,
    ...(reason ? { reason } : {}),
  });
  /** Emma, added to the organisation (pending). */
  const emma = async () =>
    (await addPerson(fake.deps, SOFIE, { enterpriseNumber: EN, nationalNumber: EMMA })).membership.personId;
  const raceNextCommit = (change: typeof race) => {
    race = change;
  };
  return { ...fake, target, emma, raceNextCommit };
}
