/**
 * What the national register said, kept in the table: used while younger than the configured age, asked
 * again after; a deceased person is refused; a register that is down is a 503 and writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { BusinessRuleError, RegistryUnavailableError } from '#lib/domain/errors';
import type { RegisterPerson } from '#lib/domain/ports';
import { readRegister, registerLookup } from '#lib/services/persons';
import { fakeDeps } from '../../support/fakes.ts';

const EMMA = '90041812490';
const RITA = '38041106444';

function setUp() {
  const { deps } = fakeDeps({ today: '2026-12-02' });
  let now = Date.parse('2026-12-02T09:00:00.000Z');
  const asked: string[] = [];
  const people: Record<string, RegisterPerson> = {
    [EMMA]: {
      firstName: 'Emma',
      lastName: 'Willems',
      birthDate: '1990-04-18',
      sex: 'F',
      source: 'VKBP',
      deceased: null,
      register: 'national',
    },
    [RITA]: {
      firstName: 'Rita',
      lastName: 'Hermans',
      birthDate: '1938-04-11',
      sex: 'F',
      source: 'VKBP',
      deceased: { on: '2024-08-19' },
      register: 'national',
    },
  };
  let down = false;
  deps.clock = () => ({ today: '2026-12-02', now: new Date(now).toISOString() });
  deps.nationalRegister = {
    async lookup(n) {
      asked.push(n);
      if (down) throw new RegistryUnavailableError('national-register', 'timeout');
      return people[n] ?? null;
    },
  };
  return {
    deps,
    asked,
    people,
    later: (hours: number) => {
      now += hours * 3_600_000;
    },
    goDown: () => {
      down = true;
    },
  };
}

describe('the national register, kept for a while', () => {
  it('asks once, keeps the answer with its time, and uses it while younger than the configured age', async () => {
    const s = setUp();
    expect(await readRegister(s.deps, EMMA)).toMatchObject({ lastName: 'Willems' });
    expect(await s.deps.persons.registerRead(s.deps.pseudonymize(EMMA))).toMatchObject({
      readAt: '2026-12-02T09:00:00.000Z',
      person: { lastName: 'Willems' },
    });
    s.later(23.9);
    await readRegister(s.deps, EMMA);
    expect(s.asked).toEqual([EMMA]);
  });

  it('asks again once the answer is older than REGISTER_MAX_AGE_HOURS, and keeps the new one', async () => {
    const s = setUp();
    await readRegister(s.deps, EMMA);
    s.people[EMMA] = { ...(s.people[EMMA] as RegisterPerson), lastName: 'Willems-Peeters' };
    s.later(24);
    expect(await readRegister(s.deps, EMMA)).toMatchObject({ lastName: 'Willems-Peeters' });
    expect(s.asked).toEqual([EMMA, EMMA]);
    s.deps.registerMaxAgeHours = 1;
    s.later(1);
    await readRegister(s.deps, EMMA);
    expect(s.asked).toHaveLength(3);
  });

  it('keeps nothing for someone the register does not know', async () => {
    const s = setUp();
    expect(await readRegister(s.deps, '75031201557')).toBeNull();
    expect(await s.deps.persons.registerRead(s.deps.pseudonymize('75031201557'))).toBeNull();
  });

  it('a deceased person cannot be added or appointed: 422 person.deceased, without the date', async () => {
    const s = setUp();
    const error = await registerLookup(s.deps, RITA).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusinessRuleError);
    expect(error).toMatchObject({ status: 422, code: 'person.deceased' });
    expect((error as Error & { detail: string }).detail).not.toContain('2024');
  });

  it('keeps only what we keep of a person: no death, no register kind, in what is returned for storing', async () => {
    const s = setUp();
    expect(await registerLookup(s.deps, EMMA)).toEqual({
      firstName: 'Emma',
      lastName: 'Willems',
      birthDate: '1990-04-18',
      sex: 'F',
      source: 'VKBP',
    });
  });

  it('the register down: 503 unavailable, and a stale answer is not served', async () => {
    const s = setUp();
    await readRegister(s.deps, EMMA);
    s.later(25);
    s.goDown();
    const error = await readRegister(s.deps, EMMA).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryUnavailableError);
    expect(error).toMatchObject({ status: 503, code: 'unavailable', retryAfterSeconds: 30 });
  });

  it('an adapter that fails otherwise is an outage too, never a 500 with its message', async () => {
    const s = setUp();
    s.deps.nationalRegister = {
      lookup: async () => {
        throw new TypeError('cannot read property of undefined');
      },
    };
    await expect(readRegister(s.deps, EMMA)).rejects.toMatchObject({
      code: 'unavailable',
      reason: 'adapter-error',
    });
  });
});
