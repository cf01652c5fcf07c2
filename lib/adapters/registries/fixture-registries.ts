/**
 * The demo adapters of the national register and the KBO, straight over the dataset in fixtures/
 * (`REGISTRIES=demo`, chosen explicitly). The local stack and the tests go through MAGDA's message format
 * instead (infra/local/magda answers from the same data); these serve a deployment that is a demo by
 * choice, and unit tests.
 */
import type { Enterprise, EnterpriseRegistry, NationalRegister, RegisterPerson } from '#lib/domain/ports';
import {
  type FixtureEnterprise,
  fixtureEnterprise,
  fixtureEnterprises,
  fixturePerson,
  holdsOn,
  stopOn,
} from './fixtures/world.ts';

export const fixtureNationalRegister: NationalRegister = {
  async lookup(nationalNumber) {
    const p = fixturePerson(nationalNumber);
    if (!p) return null;
    const person: RegisterPerson = {
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      sex: p.sex === 'M' || p.sex === 'F' ? p.sex : null,
      source: 'VKBP',
      deceased: p.deceasedOn ? { on: p.deceasedOn } : null,
      register: p.register === 'bis' ? 'bis' : 'national',
    };
    return person;
  },
};

function enterpriseOn(e: FixtureEnterprise, day: string): Enterprise {
  const stop = stopOn(e, day);
  return {
    enterpriseNumber: e.enterpriseNumber,
    name: e.name,
    status: stop ? 'stopped' : 'active',
    stoppedOn: stop?.from ?? null,
    legalForm: e.legalForm.description,
    legalRepresentatives: e.functions
      .filter((f) => holdsOn(f, day))
      .map((f) => ({
        nationalNumber: f.nationalNumber,
        firstName: f.firstName,
        lastName: f.lastName,
        function: f.function,
      })),
  };
}

/** The KBO as the dataset has it on the day `today()` says. */
export function fixtureEnterpriseRegistry(today: () => string): EnterpriseRegistry {
  return {
    async getEnterprise(enterpriseNumber) {
      const e = fixtureEnterprise(enterpriseNumber);
      return e ? enterpriseOn(e, today()) : null;
    },
    async findRepresentations(nationalNumber) {
      const day = today();
      return fixtureEnterprises().flatMap((e) =>
        e.functions
          .filter((f) => f.nationalNumber === nationalNumber && holdsOn(f, day))
          .map((f) => ({ enterpriseNumber: e.enterpriseNumber, name: e.name, function: f.function })),
      );
    },
  };
}

/** For the local identity provider: only people in the register can log in. */
export function isInFixtureRegister(nationalNumber: string): boolean {
  return fixturePerson(nationalNumber) !== undefined;
}
