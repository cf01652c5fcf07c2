/**
 * Bad input at scale, property-based (fast-check), through the real handlers against DynamoDB Local:
 * for every route that takes a body, valid bodies broken in one way each (a wrong JSON type, a missing
 * or an extra field, prototype keys, huge strings, digits of other scripts, dates at the edges, not an
 * object at all, a path parameter replaced), and random queries for the routes that read. More than
 * 5,000 requests in all: never a 5xx, every refusal a problem+json, and the table unchanged after every
 * refused request (a fingerprint of the whole table is compared after every batch of refusals).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { setDeps } from '#lib/runtime/deps';
import { expectProblem, type Fingerprint, fingerprint } from '../hardening/support.ts';
import { type CallResult, createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { registerWith } from '../support/people.ts';

const en = DEMO.adviesbureau;
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SP = 'Dienstverlener kmo-portefeuille';
const TODAY = '2026-11-26';
const SOME_ULID = '01JQ0000000000000000000000';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface RouteSpec {
  fn: string;
  as?: string;
  service?: boolean;
  params: () => Record<string, string>;
  headers?: Record<string, string>;
  body: Record<string, Json>;
  required: string[];
  nullable?: string[];
  /** Fields holding digits (national and enterprise numbers, phones, dates). */
  digits?: string[];
  dates?: string[];
  /** A read behind a POST: a valid body may answer 200, but the table never changes. */
  read?: boolean;
  idempotent?: boolean;
}

/** Digits of other scripts: full-width, Arabic-Indic, Devanagari, Thai, mathematical bold (astral). */
const FOREIGN_ZERO = [0xff10, 0x0660, 0x0966, 0x0e50, 0x1d7ce];

/** Calendar days that do not exist or are out of any range, and real days that break every period rule. */
const EDGE_DATES = [
  '0000-00-00',
  '2026-02-29',
  '2026-02-30',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '1900-02-29',
  '+002026-01-01',
  '2026-1-1',
  '2026-01-01T00:00:00Z',
  '20260101',
  '-001-01-01',
  '275760-09-13',
  '0001-01-01',
  '9999-12-31',
];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

type Mutation =
  | { kind: 'wrong-type'; field: string; value: Json }
  | { kind: 'missing'; field: string }
  | { kind: 'extra'; field: string; value: Json }
  | { kind: 'huge'; field: string; length: number; char: string }
  | { kind: 'foreign-digits'; field: string; zero: number; positions: number[] }
  | { kind: 'edge-date'; field: string; value: string }
  | { kind: 'not-object'; value: Json }
  | { kind: 'path'; param: string; value: string };

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), {
    maxKeys: 3,
  }),
);

function mutations(spec: RouteSpec): fc.Arbitrary<Mutation> {
  const fields = Object.keys(spec.body);
  const strings = fields.filter((f) => typeof spec.body[f] === 'string');
  const options: fc.Arbitrary<Mutation>[] = [
    fc
      .constantFrom(...fields)
      .chain((field) =>
        anyJson
          .filter(
            (v) =>
              jsonType(v) !== jsonType(spec.body[field]) && !(v === null && spec.nullable?.includes(field)),
          )
          .map((value) => ({ kind: 'wrong-type' as const, field, value })),
      ),
    fc.record({
      kind: fc.constant('extra' as const),
      field: fc
        .oneof(
          fc.constantFrom(...PROTOTYPE_KEYS, 'isAdmin', 'version', 'pk', 'personId'),
          fc.string({ minLength: 1 }),
        )
        .filter((k) => !fields.includes(k)),
      value: anyJson,
    }),
    fc.record({
      kind: fc.constant('not-object' as const),
      value: anyJson.filter((v) => jsonType(v) !== 'object'),
    }),
  ];
  if (spec.required.length > 0) {
    options.push(
      fc.record({ kind: fc.constant('missing' as const), field: fc.constantFrom(...spec.required) }),
    );
  }
  if (strings.length > 0) {
    options.push(
      fc.record({
        kind: fc.constant('huge' as const),
        field: fc.constantFrom(...strings),
        length: fc.constantFrom(1_000, 20_000, 300_000),
        char: fc.constantFrom('x', '9', 'é', '😀', '\u0000', ' ', '\u202e'),
      }),
    );
  }
  if (spec.digits?.length) {
    options.push(
      fc.record({
        kind: fc.constant('foreign-digits' as const),
        field: fc.constantFrom(...spec.digits),
        zero: fc.constantFrom(...FOREIGN_ZERO),
        positions: fc.uniqueArray(fc.nat({ max: 12 }), { minLength: 1, maxLength: 12 }),
      }),
    );
  }
  if (spec.dates?.length) {
    options.push(
      fc.record({
        kind: fc.constant('edge-date' as const),
        field: fc.constantFrom(...spec.dates),
        value: fc.constantFrom(...EDGE_DATES),
      }),
    );
  }
  const params = Object.keys(spec.params());
  if (params.length > 0) {
    options.push(
      fc.record({
        kind: fc.constant('path' as const),
        param: fc.constantFrom(...params),
        value: fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 20 }),
          fc.constantFrom('0000000000', '0795.012.395', '../..', '%00', SOME_ULID.toLowerCase(), '١٢٣'),
        ),
      }),
    );
  }
  return fc.oneof(...options);
}

/** Replaces some ASCII digits of a value with the same digits of another script. */
function foreignDigits(text: string, zero: number, positions: number[]): string {
  const chars = [...text];
  const digitAt = chars.flatMap((c, i) => (/[0-9]/.test(c) ? [i] : []));
  if (digitAt.length === 0) return `${String.fromCodePoint(zero + 1)}${text}`;
  for (const i of new Set(positions.map((p) => digitAt[p % digitAt.length]!))) {
    chars[i] = String.fromCodePoint(zero + Number(chars[i]));
  }
  return chars.join('');
}

/** The request text: written by hand so that keys such as __proto__ arrive as real JSON keys. */
function serialize(entries: [string, Json][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
}

function apply(
  spec: RouteSpec,
  m: Mutation,
): { rawBody: string; params: Record<string, string>; mayBeValid: boolean } {
  const params = spec.params();
  let entries = Object.entries(spec.body) as [string, Json][];
  let mayBeValid = false;
  switch (m.kind) {
    case 'wrong-type':
      entries = entries.map(([k, v]) => [k, k === m.field ? m.value : v]);
      break;
    case 'missing':
      entries = entries.filter(([k]) => k !== m.field);
      break;
    case 'extra':
      entries = [...entries, [m.field, m.value]];
      break;
    case 'huge':
      entries = entries.map(([k, v]) => [k, k === m.field ? m.char.repeat(m.length) : v]);
      // Free text is trimmed first: a reason of spaces only is an empty reason, which may be allowed.
      mayBeValid = m.char === ' ' && m.length < 256 * 1024;
      break;
    case 'foreign-digits':
      entries = entries.map(([k, v]) => [
        k,
        k === m.field ? foreignDigits(String(v), m.zero, m.positions) : v,
      ]);
      // The phone parser reads digits of other scripts as digits (it is libphonenumber's rule): such a
      // number may be valid, and is then stored in E.164 with ASCII digits.
      mayBeValid = m.field === 'phone';
      break;
    case 'edge-date':
      entries = entries.map(([k, v]) => [k, k === m.field ? m.value : v]);
      break;
    case 'not-object':
      return { rawBody: JSON.stringify(m.value), params, mayBeValid: false };
    case 'path':
      params[m.param] = m.value;
      break;
  }
  return { rawBody: serialize(entries), params, mayBeValid };
}

describe('bad input at scale (property-based)', () => {
  let app: TestApp;
  let emmaId: string;
  let grantId: string;
  let baseline: Fingerprint;
  let sinceCheck = 0;
  const counted = { requests: 0 };

  const current = () => fingerprint(app.table.client, app.table.tableName);

  /** Compares the table with the baseline: every request since the last check was refused. */
  async function checkUnchanged(context: string) {
    if (sinceCheck === 0) return;
    expect(await current(), `table changed by a refused request (${context})`).toEqual(baseline);
    sinceCheck = 0;
  }

  beforeAll(async () => {
    app = await createTestApp({ today: TODAY });
    await setDeps({ nationalRegister: registerWith(new Set()) });
    const added = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.emma },
    });
    emmaId = added.body.personId;
    const linked = await app.call('create-work-relationship', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId: emmaId },
      body: {
        category: 'Vaste medewerker',
        startDate: TODAY,
        endDate: '2034-12-31',
        phone: '+3212345678',
        email: 'emma.willems@example.be',
      },
    });
    expect(linked.status).toBe(201);
    const granted = await app.call('grant-right', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId: emmaId },
      body: { right: VLAIO, profiles: [SP], startDate: TODAY, endDate: '2031-11-25' },
    });
    expect(granted.status).toBe(201);
    grantId = granted.body.grants.find((g: { right: string }) => g.right === VLAIO).grantId;
    baseline = await current();
  });

  const relationship = {
    category: 'Vaste medewerker',
    startDate: TODAY,
    endDate: '2030-12-31',
    phone: '+3212345678',
    email: 'lucas@example.be',
  };
  const person = () => ({ enterpriseNumber: en, personId: emmaId });
  const specs: RouteSpec[] = [
    {
      fn: 'lookup-national-register',
      params: () => ({ enterpriseNumber: en }),
      body: { nationalNumber: DEMO.jonas },
      required: ['nationalNumber'],
      digits: ['nationalNumber'],
      read: true,
    },
    {
      fn: 'add-person',
      params: () => ({ enterpriseNumber: en }),
      body: { nationalNumber: DEMO.lucas, nickname: 'Luc', initials: 'LDS', reason: 'Nieuw' },
      required: ['nationalNumber'],
      digits: ['nationalNumber'],
      idempotent: true,
    },
    {
      fn: 'create-work-relationship',
      params: person,
      body: { ...relationship, reason: 'Nieuw' },
      required: ['category', 'startDate', 'endDate', 'phone', 'email'],
      digits: ['phone', 'startDate', 'endDate'],
      dates: ['startDate', 'endDate'],
      idempotent: true,
    },
    {
      // Emma's version is past 1 (added, then linked): a body valid after all is refused as stale.
      fn: 'update-person',
      params: person,
      headers: { 'if-match': '"1"' },
      body: { nickname: 'Em', initials: 'EW', reason: 'Zo noemt ze zich' },
      required: [],
    },
    {
      fn: 'remove-person',
      params: person,
      headers: { 'if-match': '"1"' },
      body: { endRelationship: true, reason: 'Uit dienst' },
      required: [],
    },
    {
      fn: 'update-work-relationship',
      params: person,
      headers: { 'if-match': '"1"' },
      body: { startDate: TODAY, endDate: '2033-12-31', phone: '+3293456789', email: 'e@example.be' },
      required: [],
      digits: ['phone', 'startDate', 'endDate'],
      dates: ['startDate', 'endDate'],
    },
    {
      fn: 'delete-work-relationship',
      params: person,
      headers: { 'if-match': '"1"' },
      body: { reason: 'Vertrokken' },
      required: [],
    },
    {
      fn: 'extend-work-relationship',
      params: person,
      body: { endDate: '2035-12-31', includeRights: true, reason: 'Verlenging' },
      required: ['includeRights'],
      digits: ['endDate'],
      dates: ['endDate'],
    },
    {
      fn: 'pause-work-relationship',
      params: person,
      body: { reason: 'Verlof' },
      required: ['reason'],
    },
    {
      fn: 'resume-work-relationship',
      params: person,
      body: { reason: 'Terug' },
      required: [],
    },
    {
      fn: 'grant-right',
      params: person,
      body: { right: VLAIO, profiles: ['Gebruiker'], startDate: TODAY, endDate: '2030-11-25', reason: 'x' },
      required: ['right', 'profiles', 'startDate', 'endDate'],
      digits: ['startDate', 'endDate'],
      dates: ['startDate', 'endDate'],
      idempotent: true,
    },
    {
      fn: 'update-grant',
      params: () => ({ ...person(), grantId }),
      headers: { 'if-match': '"1"' },
      body: { profiles: [SP, 'Gebruiker'], startDate: TODAY, endDate: '2030-11-25' },
      required: [],
      digits: ['startDate', 'endDate'],
      dates: ['startDate', 'endDate'],
    },
    {
      fn: 'revoke-grant',
      params: () => ({ ...person(), grantId }),
      headers: { 'if-match': '"1"' },
      body: { reason: 'Niet meer nodig' },
      required: [],
    },
    {
      fn: 'quick-grant',
      params: () => ({ enterpriseNumber: en }),
      body: { nationalNumber: DEMO.jonas, right: VLAIO, profiles: [SP], relationship, reason: 'Snel' },
      required: ['nationalNumber', 'right', 'profiles'],
      digits: ['nationalNumber'],
      idempotent: true,
    },
    {
      fn: 'update-preferences',
      params: () => ({}),
      body: { lastOrganisation: en },
      required: ['lastOrganisation'],
      nullable: ['lastOrganisation'],
      digits: ['lastOrganisation'],
    },
    {
      // The notifications need the version seen (If-Match "0": nothing saved yet).
      fn: 'update-preferences',
      params: () => ({}),
      headers: { 'if-match': '"0"' },
      body: { notifications: { frequency: 'weekly' } },
      required: ['notifications'],
    },
    {
      fn: 'appoint-local-admin',
      as: DEMO.lotte,
      params: () => ({ enterpriseNumber: DEMO.consultancy }),
      body: { nationalNumber: DEMO.lotte, reason: 'Zaakvoerder' },
      required: ['nationalNumber'],
      digits: ['nationalNumber'],
      idempotent: true,
    },
    {
      fn: 'remove-local-admin',
      as: DEMO.pieter,
      params: () => ({ enterpriseNumber: en, personId: SOME_ULID }),
      headers: { 'if-match': '"1"' },
      body: { reason: 'Vertrokken' },
      required: [],
    },
    {
      fn: 'request-access',
      as: DEMO.lucas,
      params: () => ({}),
      body: { enterpriseNumber: en, right: VLAIO, profiles: [SP], reason: 'Ik dien aanvragen in.' },
      required: ['enterpriseNumber', 'right', 'profiles', 'reason'],
      digits: ['enterpriseNumber'],
      idempotent: true,
    },
    {
      fn: 'decide-task',
      params: () => ({ enterpriseNumber: en, taskId: SOME_ULID }),
      body: { decision: 'approve', reason: 'Akkoord', relationship, endDate: '2030-12-31' },
      required: ['decision', 'reason'],
      digits: ['endDate'],
      dates: ['endDate'],
    },
    {
      fn: 'check-access',
      service: true,
      params: () => ({}),
      body: { nationalNumber: DEMO.tom, enterpriseNumber: DEMO.boekhouding, right: VLAIO, profile: SP },
      required: ['nationalNumber', 'enterpriseNumber', 'right', 'profile'],
      digits: ['nationalNumber', 'enterpriseNumber'],
      read: true,
    },
  ];

  const RUNS_PER_ROUTE = 260;

  it.each(specs.map((s) => [s.fn, s] as const))(
    '%s: broken bodies → never a 5xx, always a problem, nothing written',
    async (_fn, spec) => {
      await checkUnchanged('before');
      let key = 0;
      await fc.assert(
        fc.asyncProperty(mutations(spec), fc.boolean(), async (m, withKey) => {
          const { rawBody, params, mayBeValid } = apply(spec, m);
          if (mayBeValid) await checkUnchanged(`before a body that may be valid: ${spec.fn}`);
          const res: CallResult = await app.call(spec.fn, {
            ...(spec.service ? { asService: ['access/check'] } : { as: spec.as ?? DEMO.sofie }),
            params,
            rawBody,
            headers: {
              ...spec.headers,
              // Refused requests must not leave an idempotency record behind either.
              ...(spec.idempotent && withKey ? { 'idempotency-key': `fuzz-${spec.fn}-${key++}` } : {}),
            },
          });
          counted.requests += 1;
          const context = `${spec.fn} ${m.kind} ${JSON.stringify(m).slice(0, 200)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
          expect(res.status, context).toBeLessThan(500);
          if (res.status < 400 && (mayBeValid || spec.read)) {
            // A read answers; a valid-after-all write (foreign digits in a phone) wrote: new baseline.
            if (!spec.read) baseline = await current();
            return;
          }
          expectProblem(res, context);
          sinceCheck += 1;
          if (sinceCheck >= 40) await checkUnchanged(context);
        }),
        { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
      await checkUnchanged(`end of ${spec.fn}`);
    },
  );

  interface QuerySpec {
    fn: string;
    as?: string;
    params: () => Record<string, string>;
    query: fc.Arbitrary<Record<string, string>>;
  }

  const cursorLike = fc.oneof(
    fc.base64String({ maxLength: 80 }),
    fc.string({ maxLength: 30 }),
    fc
      .record({
        pk: fc.string(),
        sk: fc.string(),
        gsi3pk: fc.string(),
        gsi3sk: fc.oneof(fc.string(), fc.integer()),
      })
      .map((k) => Buffer.from(JSON.stringify(k)).toString('base64url')),
    fc.constant(
      Buffer.from(JSON.stringify({ gsi3pk: `ORG#${DEMO.boekhouding}#PERSONS`, gsi3sk: 'x' })).toString(
        'base64url',
      ),
    ),
  );
  const limitLike = fc.oneof(
    fc.integer({ min: -5, max: 200 }).map(String),
    fc.constantFrom('1e3', '0x10', ' 5', '5.5', '', 'NaN', '٥', '５', '99999999999999999999'),
  );
  const querySpecs: QuerySpec[] = [
    {
      fn: 'list-persons',
      params: () => ({ enterpriseNumber: en }),
      query: fc.record(
        {
          search: fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 30 })),
          status: fc.oneof(fc.constantFrom('pending', 'active', 'ACTIVE', ''), fc.string({ maxLength: 8 })),
          cursor: cursorLike,
          limit: limitLike,
          extra: fc.string({ maxLength: 5 }),
        },
        { requiredKeys: [] },
      ),
    },
    {
      fn: 'get-history',
      params: person,
      query: fc.record({ cursor: cursorLike, limit: limitLike }, { requiredKeys: [] }),
    },
    {
      fn: 'compare-persons',
      params: () => ({ enterpriseNumber: en }),
      query: fc.record(
        {
          personIds: fc.oneof(
            fc
              .array(fc.constantFrom(emmaIdRef(), SOME_ULID, 'x', ''), { maxLength: 12 })
              .map((a) => a.join(',')),
            fc.string({ maxLength: 60 }),
          ),
        },
        { requiredKeys: [] },
      ),
    },
    {
      fn: 'get-my-access',
      as: DEMO.tom,
      params: () => ({}),
      query: fc.record(
        {
          enterpriseNumber: fc.oneof(
            fc.constantFrom(DEMO.boekhouding, '0812.345.603', '０８１２３４５６０３'),
            fc.string(),
          ),
          right: fc.oneof(fc.constant(VLAIO), fc.string({ maxLength: 120 })),
          profile: fc.oneof(fc.constant(SP), fc.string({ maxLength: 120 })),
        },
        { requiredKeys: [] },
      ),
    },
    {
      fn: 'get-person',
      params: () => ({ enterpriseNumber: en, personId: emmaId }),
      query: fc.constant({}),
    },
    {
      fn: 'get-person-accounts',
      params: () => ({ enterpriseNumber: en, personId: emmaId }),
      query: fc.constant({}),
    },
  ];

  /** compare-persons needs Emma's id, known only after beforeAll: resolved lazily. */
  function emmaIdRef(): string {
    return '__EMMA__';
  }

  it.each(querySpecs.map((s) => [s.fn, s] as const))(
    '%s: random queries and path parameters → 200 or a problem, never a 5xx, nothing written',
    async (_fn, spec) => {
      const path = fc.oneof(
        fc.constant(null),
        fc.record({
          param: fc.constantFrom(
            ...(Object.keys(spec.params()).length ? Object.keys(spec.params()) : ['none']),
          ),
          value: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('0000000000', '%', '..', SOME_ULID)),
        }),
      );
      await fc.assert(
        fc.asyncProperty(spec.query, path, async (query, p) => {
          const params = spec.params();
          if (p && p.param in params) params[p.param] = p.value;
          const q = Object.fromEntries(
            Object.entries(query).map(([k, v]) => [k, v.replaceAll('__EMMA__', emmaId)]),
          );
          const res = await app.call(spec.fn, { as: spec.as ?? DEMO.sofie, params, query: q });
          counted.requests += 1;
          const context = `${spec.fn} ${JSON.stringify({ q, p })} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
          expect(res.status, context).toBeLessThan(500);
          if (res.status >= 400) expectProblem(res, context);
          else expect(res.status, context).toBe(200);
        }),
        { numRuns: 80, endOnFailure: true },
      );
      expect(await current(), `${spec.fn} wrote to the table`).toEqual(baseline);
    },
  );

  it('sent more than 5,000 requests in all', () => {
    expect(counted.requests).toBeGreaterThanOrEqual(5_000);
  });
});
