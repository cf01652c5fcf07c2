/**
 * Local adapters of the national register and the KBO over the dataset shipped in fixtures/. Used by
 * `npm start` and the tests; a deployment swaps in adapters for the real registries behind the same ports.
 */
import type { PersonDetails } from '#lib/domain/membership';
import type { Enterprise, EnterpriseRegistry, NationalRegister } from '#lib/domain/ports';
import kbo from './fixtures/kbo.json' with { type: 'json' };
import register from './fixtures/national-register.json' with { type: 'json' };

type FixturePerson = (typeof register.persons)[number];

const persons = new Map<string, FixturePerson>(register.persons.map((p) => [p.nationalNumber, p]));
const enterprises = new Map<string, Enterprise>(kbo.enterprises.map((e) => [e.enterpriseNumber, e]));

export const fixtureNationalRegister: NationalRegister = {
  async lookup(nationalNumber) {
    const p = persons.get(nationalNumber);
    if (!p) return null;
    const details: PersonDetails = {
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      sex: p.sex === 'M' || p.sex === 'F' ? p.sex : null,
      source: 'VKBP',
    };
    return details;
  },
};

export const fixtureEnterpriseRegistry: EnterpriseRegistry = {
  async getEnterprise(enterpriseNumber) {
    return enterprises.get(enterpriseNumber) ?? null;
  },
  async findRepresentations(nationalNumber) {
    return [...enterprises.values()].flatMap((e) =>
      e.legalRepresentatives
        .filter((r) => r.nationalNumber === nationalNumber)
        .map((r) => ({ enterpriseNumber: e.enterpriseNumber, name: e.name, function: r.function })),
    );
  },
};

/** For the local identity provider: only people in the register can log in. */
export function isInFixtureRegister(nationalNumber: string): boolean {
  return persons.has(nationalNumber);
}
