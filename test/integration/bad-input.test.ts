/**
 * Bad input through the real handlers: every rejection is a problem+json with a stable code and a
 * Dutch title, names the offending field, and leaves the table exactly as it was.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureNationalRegister } from '#lib/adapters/registries/fixture-registries';
import { parseNationalNumber } from '#lib/domain/national-number';
import { setDeps } from '#lib/runtime/deps';
import { type CallResult, createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.adviesbureau;
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SERVICE_PROVIDER = 'Dienstverlener kmo-portefeuille';
const PROBLEM_TYPE = 'https://gebruikersbeheer.vlaanderen.be/problemen/';

const TITLES: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet aangemeld',
  404: 'Niet gevonden',
  413: 'Te groot verzoek',
  415: 'Niet-ondersteund formaat',
  422: 'Regel niet gerespecteerd',
  503: 'Tijdelijk niet beschikbaar',
};

interface Expected {
  status: number;
  code: string;
  errors?: { path: string; code: string }[];
}

const validRelationship = {
  category: 'Vaste medewerker',
  startDate: '2026-11-26',
  endDate: '2030-12-31',
  phone: '+3212345678',
  email: 'emma.willems@example.be',
};

describe('bad input is refused with a problem and changes nothing', () => {
  let app: TestApp;
  let emmaId: string;
  let sofieId: string;

  /** Runs the call and checks the whole problem contract, including an unchanged table. */
  async function expectProblem(call: () => Promise<CallResult>, expected: Expected): Promise<CallResult> {
    const before = await app.snapshot();

    const res = await call();

    expect(res.status).toBe(expected.status);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body).toMatchObject({
      type: `${PROBLEM_TYPE}${expected.code}`,
      status: expected.status,
      code: expected.code,
      title: TITLES[expected.status],
    });
    expect(typeof res.body.detail).toBe('string');
    if (expected.errors) {
      expect(res.body.errors).toEqual(
        expect.arrayContaining(expected.errors.map((e) => expect.objectContaining(e))),
      );
      for (const e of res.body.errors) expect(typeof e.message).toBe('string');
    }
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at .*\.ts:\d+/);
    expect(await app.snapshot()).toEqual(before);
    return res;
  }

  beforeAll(async () => {
    app = await createTestApp({ today: '2026-11-26' });
    const added = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.emma },
    });
    expect(added.status).toBe(201);
    emmaId = added.body.personId;
    const list = await app.call('list-persons', { as: DEMO.sofie, params: { enterpriseNumber: en } });
    sofieId = list.body.items.find((p: { firstName: string }) => p.firstName === 'Sofie').personId;
  });

  afterEach(async () => {
    await setDeps({ nationalRegister: fixtureNationalRegister });
  });

  describe('national register numbers', () => {
    const cases: [label: string, input: unknown, code: string][] = [
      ['wrong check digits', '85073003329', 'national-number.check-digits'],
      ['month 13', '85133003370', 'national-number.month'],
      ['counter 000', '85073000061', 'national-number.counter'],
      ['30 February', '85023003390', 'national-number.birth-date'],
      ['BIS month 67', '85673003360', 'national-number.month'],
      ['a JSON number instead of text', 85073003328, 'invalid-type'],
      ['full-width digits', '８５０７３００３３２８', 'national-number.non-ascii-digits'],
    ];

    for (const fn of ['add-person', 'lookup-national-register'] as const) {
      it.each(cases)(`${fn}: %s → 400`, async (_label, nationalNumber, code) => {
        const res = await expectProblem(
          () => app.call(fn, { as: DEMO.sofie, params: { enterpriseNumber: en }, body: { nationalNumber } }),
          { status: 400, code: 'validation-failed', errors: [{ path: 'nationalNumber', code }] },
        );
        // No personal data in an error: the number is never echoed.
        expect(JSON.stringify(res.body)).not.toContain('85073003328');
        expect(JSON.stringify(res.body)).not.toContain(String(nationalNumber));
      });
    }

    it('a valid number that the register does not know → 404, nothing written', async () => {
      // Arrange: a well-formed number (checked with the domain parser) that is not in the fixture register.
      const unknown = '85073003328';
      expect(parseNationalNumber(unknown).ok).toBe(true);
      expect(await fixtureNationalRegister.lookup(unknown)).toBeNull();

      for (const fn of ['add-person', 'lookup-national-register']) {
        const res = await expectProblem(
          () =>
            app.call(fn, {
              as: DEMO.sofie,
              params: { enterpriseNumber: en },
              body: { nationalNumber: unknown },
            }),
          { status: 404, code: 'national-register.not-found' },
        );
        expect(JSON.stringify(res.body)).not.toContain(unknown);
      }
    });

    it('a failing register → 503 with Retry-After, nothing written', async () => {
      await setDeps({
        nationalRegister: {
          lookup: async () => {
            throw new Error('down');
          },
        },
      });

      for (const fn of ['add-person', 'lookup-national-register']) {
        const res = await expectProblem(
          () =>
            app.call(fn, {
              as: DEMO.sofie,
              params: { enterpriseNumber: en },
              body: { nationalNumber: DEMO.jonas },
            }),
          { status: 503, code: 'unavailable' },
        );
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(JSON.stringify(res.body)).not.toContain('down');
      }
    });
  });

  describe('enterprise numbers in the path', () => {
    const cases: [string, string][] = [
      ['0431150351', 'enterprise-number.check-digits'],
      ['2147812701', 'enterprise-number.establishment-unit'],
    ];

    it.each(cases)('list-persons for %s → 400 on path.enterpriseNumber', async (enterpriseNumber, code) => {
      // The parameters are validated before the administrator check, so even Sofie gets 400, not 403.
      await expectProblem(() => app.call('list-persons', { as: DEMO.sofie, params: { enterpriseNumber } }), {
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'path.enterpriseNumber', code }],
      });
    });

    it('an anonymous caller is refused first: 401, whatever the enterprise number', async () => {
      await expectProblem(() => app.call('list-persons', { params: { enterpriseNumber: '0431150351' } }), {
        status: 401,
        code: 'unauthenticated',
      });
    });

    it.each(cases)('add-person under %s → 400 on path.enterpriseNumber', async (enterpriseNumber, code) => {
      await expectProblem(
        () =>
          app.call('add-person', {
            as: DEMO.marc,
            params: { enterpriseNumber },
            body: { nationalNumber: DEMO.jonas },
          }),
        { status: 400, code: 'validation-failed', errors: [{ path: 'path.enterpriseNumber', code }] },
      );
    });
  });

  describe('work relationship', () => {
    const create = (body: unknown) => () =>
      app.call('create-work-relationship', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, personId: emmaId },
        body,
      });

    it('a phone number that is too short → 400 phone.invalid', async () => {
      await expectProblem(create({ ...validRelationship, phone: '+32478123' }), {
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'phone', code: 'phone.invalid' }],
      });
    });

    it('an e-mail address with two @ → 400', async () => {
      await expectProblem(create({ ...validRelationship, email: 'jan@@example.be' }), {
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'email', code: 'email.at-sign' }],
      });
    });

    it('a period one day over 10 years (the end is inclusive) → 400 period.too-long', async () => {
      await expectProblem(create({ ...validRelationship, startDate: '2025-01-01', endDate: '2035-01-01' }), {
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'endDate', code: 'period.too-long' }],
      });
    });

    it('an end before the start → 400 period.end-before-start', async () => {
      await expectProblem(create({ ...validRelationship, startDate: '2027-01-01', endDate: '2026-12-31' }), {
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'endDate', code: 'period.end-before-start' }],
      });
    });

    it('a date that does not exist (2025-02-30) → 400 date.nonexistent', async () => {
      await expectProblem(create({ ...validRelationship, startDate: '2025-02-30' }), {
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'startDate', code: 'date.nonexistent' }],
      });
    });

    it('an unknown field → 400 unknown-field', async () => {
      await expectProblem(create({ ...validRelationship, salary: 4000 }), {
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'salary', code: 'unknown-field' }],
      });
    });

    it('JSON type errors: a number for the phone, text for includeRights → 400 per field', async () => {
      await expectProblem(create({ ...validRelationship, phone: 3212345678, category: 42 }), {
        status: 400,
        code: 'validation-failed',
        errors: [
          { path: 'phone', code: 'invalid-type' },
          { path: 'category', code: 'invalid-value' },
        ],
      });
      await expectProblem(
        () =>
          app.call('extend-work-relationship', {
            as: DEMO.sofie,
            params: { enterpriseNumber: en, personId: sofieId },
            body: { includeRights: 'yes' },
          }),
        { status: 400, code: 'validation-failed', errors: [{ path: 'includeRights', code: 'invalid-type' }] },
      );
    });

    it('exactly 10 years (2025-01-01 to 2034-12-31, both days included) is accepted → 201', async () => {
      // Arrange: another person, so that Emma stays unlinked for the other cases.
      const added = await app.call('add-person', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        body: { nationalNumber: DEMO.lotte },
      });
      expect(added.status).toBe(201);

      const res = await app.call('create-work-relationship', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, personId: added.body.personId },
        body: { ...validRelationship, startDate: '2025-01-01', endDate: '2034-12-31' },
      });

      expect(res.status).toBe(201);
      expect(res.body.relationship).toMatchObject({ startDate: '2025-01-01', endDate: '2034-12-31' });
    });
  });

  describe('right grant (Sofie: relationship 2023-09-01 to 2033-08-31)', () => {
    const grant = (body: Record<string, unknown>) => () =>
      app.call('grant-right', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, personId: sofieId },
        body: { right: VLAIO, profiles: [SERVICE_PROVIDER], ...body },
      });

    it('one day over 5 years (the end is inclusive) → 400 period.too-long', async () => {
      await expectProblem(grant({ startDate: '2026-01-01', endDate: '2031-01-01' }), {
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'endDate', code: 'period.too-long' }],
      });
    });

    it('outside the relationship → 422 grant.outside-relationship', async () => {
      await expectProblem(grant({ startDate: '2030-01-01', endDate: '2034-01-01' }), {
        status: 422,
        code: 'grant.outside-relationship',
        errors: [{ path: 'endDate', code: 'grant.outside-relationship' }],
      });
    });

    it('a profile the right does not have → 422 grant.unknown-profile', async () => {
      await expectProblem(
        grant({ profiles: ['Beheerder'], startDate: '2026-11-26', endDate: '2030-11-26' }),
        {
          status: 422,
          code: 'grant.unknown-profile',
          errors: [{ path: 'profiles', code: 'grant.unknown-profile' }],
        },
      );
    });

    it('a right that is not in the catalogue → 422 right.unknown', async () => {
      await expectProblem(grant({ right: 'Bestaat niet', startDate: '2026-11-26', endDate: '2030-11-26' }), {
        status: 422,
        code: 'right.unknown',
        errors: [{ path: 'right', code: 'right.unknown' }],
      });
    });

    it('no profiles at all → 400', async () => {
      await expectProblem(grant({ profiles: [], startDate: '2026-11-26', endDate: '2030-11-26' }), {
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'profiles', code: 'too-small' }],
      });
    });

    it('profiles as text instead of a list → 400 invalid-type', async () => {
      await expectProblem(
        grant({ profiles: SERVICE_PROVIDER, startDate: '2026-11-26', endDate: '2030-11-26' }),
        {
          status: 400,
          code: 'validation-failed',
          errors: [{ path: 'profiles', code: 'invalid-type' }],
        },
      );
    });
  });

  describe('the request itself', () => {
    const addPerson =
      (options: { rawBody?: string; body?: unknown; headers?: Record<string, string> }) => () =>
        app.call('add-person', { as: DEMO.sofie, params: { enterpriseNumber: en }, ...options });

    it('a body over 256 kB → 413 payload-too-large', async () => {
      await expectProblem(
        addPerson({ body: { nationalNumber: DEMO.jonas, reason: 'x'.repeat(256 * 1024) } }),
        {
          status: 413,
          code: 'payload-too-large',
        },
      );
    });

    it('malformed JSON → 400 invalid-json', async () => {
      await expectProblem(addPerson({ rawBody: '{"nationalNumber": "01073003339",' }), {
        status: 400,
        code: 'validation-failed',
        errors: [{ path: '', code: 'invalid-json' }],
      });
    });

    it('a __proto__ key → 400 unknown-field, and no prototype pollution', async () => {
      await expectProblem(
        addPerson({ rawBody: `{"nationalNumber":"${DEMO.jonas}","__proto__":{"polluted":"yes"}}` }),
        { status: 400, code: 'validation-failed', errors: [{ path: '__proto__', code: 'unknown-field' }] },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('a constructor key → 400 unknown-field, and no prototype pollution', async () => {
      await expectProblem(
        addPerson({
          rawBody: `{"nationalNumber":"${DEMO.jonas}","constructor":{"prototype":{"polluted":"yes"}}}`,
        }),
        { status: 400, code: 'validation-failed', errors: [{ path: 'constructor', code: 'unknown-field' }] },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('a body sent as text/plain → 415', async () => {
      await expectProblem(
        addPerson({
          rawBody: JSON.stringify({ nationalNumber: DEMO.jonas }),
          headers: { 'content-type': 'text/plain' },
        }),
        { status: 415, code: 'unsupported-media-type' },
      );
    });
  });
});
