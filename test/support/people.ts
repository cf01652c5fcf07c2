/**
 * People in tests and `npm run bench`: synthetic ones beyond the demo register (valid national numbers,
 * and the fixture register that also knows them) and the work relationship bodies they get. No vitest.
 */
import { fixtureNationalRegister } from '#lib/adapters/registries/fixture-registries';
import type { NationalRegister } from '#lib/domain/ports';

/** A valid national number (born in the 1900s) for a birth date and a counter. */
export function syntheticNationalNumber(yymmdd: string, counter: number): string {
  const first9 = `${yymmdd}${String(counter).padStart(3, '0')}`;
  const check = 97 - Number(BigInt(first9) % 97n);
  return `${first9}${String(check).padStart(2, '0')}`;
}

/** The fixture register plus made-up people (`Test Persoon <n>`), for tests that need many. */
export function registerWith(synthetic: Set<string>): NationalRegister {
  return {
    async lookup(n) {
      const known = await fixtureNationalRegister.lookup(n);
      if (known) return known;
      return synthetic.has(n)
        ? {
            firstName: 'Test',
            lastName: `Persoon ${n.slice(6, 9)}`,
            birthDate: null,
            sex: null,
            source: 'VKBP',
            deceased: null,
            register: 'national',
          }
        : null;
    },
  };
}

/** A work relationship as the API takes it (a permanent employee), on the phone number most tests use. */
export function workRelationship(o: { startDate: string; endDate: string; email: string; phone?: string }) {
  return {
    category: 'Vaste medewerker',
    startDate: o.startDate,
    endDate: o.endDate,
    phone: o.phone ?? '+3212345678',
    email: o.email,
  };
}
