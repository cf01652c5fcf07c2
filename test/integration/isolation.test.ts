/**
 * One organisation's local administrator never reaches another organisation's data: 403 on every route
 * of an organisation they do not manage, 404 for another organisation's person under their own, and
 * nothing is written or revealed on the way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const sofieOrg = DEMO.adviesbureau;
const marcOrg = DEMO.boekhouding;
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SERVICE_PROVIDER = 'Dienstverlener kmo-portefeuille';
const FAKE_GRANT_ID = '01JD0000000000000000000000';

const relationship = {
  category: 'Vaste medewerker',
  startDate: '2026-11-26',
  endDate: '2030-12-31',
  phone: '+3212345678',
  email: 'emma.willems@example.be',
};
const grant = { right: VLAIO, profiles: [SERVICE_PROVIDER], startDate: '2026-11-26', endDate: '2030-11-26' };

/** A well-formed request per route, so that only the caller's rights can make it fail. */
const validRequest: Record<string, { body?: unknown; query?: Record<string, string> }> = {
  'lookup-national-register': { body: { nationalNumber: DEMO.emma } },
  'add-person': { body: { nationalNumber: DEMO.jonas } },
  'list-persons': {},
  'get-person': {},
  'update-person': { body: { nickname: 'Em' } },
  'remove-person': { body: { endRelationship: true, reason: 'test' } },
  'get-work-relationship': {},
  'get-grant': {},
  'create-work-relationship': { body: relationship },
  'update-work-relationship': { body: { phone: '+3293456789' } },
  'delete-work-relationship': { body: { reason: 'test' } },
  'extend-work-relationship': { body: { includeRights: true } },
  'pause-work-relationship': { body: { reason: 'Ouderschapsverlof' } },
  'resume-work-relationship': { body: {} },
  'grant-right': { body: grant },
  'update-grant': { body: { profiles: [SERVICE_PROVIDER] } },
  'revoke-grant': { body: {} },
  'get-history': {},
  'get-person-accounts': {},
  'compare-persons': {},
  'list-audit': {},
  'export-audit': {},
  'list-right-holders': {},
  'helpdesk-organisation': { query: { ticket: 'INC-1' } },
  'helpdesk-person': { query: { ticket: 'INC-1' } },
  'helpdesk-access-check': { query: { ticket: 'INC-1', right: VLAIO, profile: SERVICE_PROVIDER } },
  'list-reviews': {},
  'start-review': { body: { confirm: true } },
  'update-review-settings': { body: { intervalMonths: 6, unanswered: 'nothing' } },
  'get-review': {},
  'answer-review-line': { body: { personId: FAKE_GRANT_ID, grantId: FAKE_GRANT_ID, decision: 'keep' } },
  'keep-remaining-review-lines': { body: { confirm: true } },
  'quick-grant': { body: { nationalNumber: DEMO.jonas, right: VLAIO, profiles: [SERVICE_PROVIDER] } },
  'create-import': {
    body: {
      content: `rijksregisternummer;categorie;begindatum;einddatum;telefoon;e-mail\r\n${DEMO.jonas};Stagiair;2026-11-26;2027-01-31;+3212345678;j@example.be`,
    },
  },
  'confirm-import': { body: {} },
  'create-extension': { body: { endingBefore: '2040-01-01', includeRights: true } },
  'get-job': {},
  'export-job-result': {},
  'list-local-admins': {},
  'appoint-local-admin': { body: { nationalNumber: DEMO.marc } },
  'remove-local-admin': { body: {} },
  'list-tasks': {},
  'decide-task': { body: { decision: 'approve', reason: 'Goedgekeurd' } },
};

// Public routes (the KBO's legal representatives) answer anyone by design: not organisation data.
const orgRoutes = routes.filter((r) => r.path.includes('{enterpriseNumber}') && r.auth !== 'none');

describe('organisations are isolated from each other', () => {
  let app: TestApp;
  let emmaId: string;
  let tomId: string;

  beforeAll(async () => {
    app = await createTestApp({ today: '2026-11-26' });
    const added = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: sofieOrg },
      body: { nationalNumber: DEMO.emma },
    });
    expect(added.status).toBe(201);
    emmaId = added.body.personId;
    const linked = await app.call('create-work-relationship', {
      as: DEMO.sofie,
      params: { enterpriseNumber: sofieOrg, personId: emmaId },
      body: relationship,
    });
    expect(linked.status).toBe(201);
    const list = await app.call('list-persons', { as: DEMO.marc, params: { enterpriseNumber: marcOrg } });
    tomId = list.body.items.find((p: { firstName: string }) => p.firstName === 'Tom').personId;
    validRequest['compare-persons'] = { query: { personIds: `${emmaId},${tomId}` } };
  });

  it('covers every organisation route of the route table', () => {
    expect(orgRoutes.length).toBeGreaterThanOrEqual(16);
    for (const route of orgRoutes) expect(validRequest, route.fn).toHaveProperty(route.fn);
  });

  describe.each(orgRoutes.map((r) => [r.fn, r] as const))('Marc on Sofie’s organisation: %s', (fn, route) => {
    it('→ 403 forbidden, nothing written, nothing revealed', async () => {
      // Arrange
      const before = await app.snapshot();
      const request = validRequest[fn] ?? {};
      const needsVersion = route.method === 'PATCH' || route.method === 'DELETE';

      // Act
      const res = await app.call(fn, {
        as: DEMO.marc,
        params: {
          enterpriseNumber: sofieOrg,
          personId: emmaId,
          grantId: FAKE_GRANT_ID,
          taskId: FAKE_GRANT_ID,
          rightId: VLAIO,
          campaignId: FAKE_GRANT_ID,
          jobId: FAKE_GRANT_ID,
        },
        ...request,
        ...(needsVersion ? { headers: { 'if-match': '"1"' } } : {}),
      });

      // Assert
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.body).toMatchObject({ status: 403, code: 'forbidden', title: 'Geen toegang' });
      const text = JSON.stringify(res.body);
      for (const secret of ['Emma', 'Willems', DEMO.emma, emmaId]) expect(text).not.toContain(secret);
      expect(await app.snapshot()).toEqual(before);
    });
  });

  describe('read-ahead routes (the read starts with the check): the refusal wins over what the read met', () => {
    const cases: [string, string, Record<string, string>][] = [
      ['get-person', 'an unknown person (404 for an administrator)', {}],
      ['get-person-accounts', 'an unknown person', {}],
      ['get-work-relationship', 'an unknown person', {}],
      ['get-history', 'a broken query (400 for an administrator)', { limit: 'veel' }],
      ['list-persons', 'a broken query', { status: 'weg' }],
      [
        'compare-persons',
        'unknown persons',
        { personIds: `${FAKE_GRANT_ID},${FAKE_GRANT_ID.replace('0D', '0E')}` },
      ],
      ['list-tasks', 'nothing special', {}],
    ];

    it.each(cases)('Marc on Sofie’s organisation, %s with %s → 403', async (fn, _what, query) => {
      const before = await app.snapshot();

      const res = await app.call(fn, {
        as: DEMO.marc,
        params: { enterpriseNumber: sofieOrg, personId: FAKE_GRANT_ID },
        query,
      });

      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ status: 403, code: 'forbidden' });
      expect(await app.snapshot()).toEqual(before);
      // For her own administrator the same requests answer as the read found.
      const own = await app.call(fn, {
        as: DEMO.sofie,
        params: { enterpriseNumber: sofieOrg, personId: FAKE_GRANT_ID },
        query,
      });
      expect(own.status).not.toBe(403);
    });
  });

  describe('Marc asks for Sofie’s person under his own organisation → 404 as if she did not exist', () => {
    const cases: [string, { body?: unknown }][] = [
      ['get-person', {}],
      ['get-history', {}],
      ['get-person-accounts', {}],
      ['create-work-relationship', { body: relationship }],
      ['grant-right', { body: grant }],
    ];

    it.each(cases)('%s → 404 person.not-found', async (fn, request) => {
      const before = await app.snapshot();

      const res = await app.call(fn, {
        as: DEMO.marc,
        params: { enterpriseNumber: marcOrg, personId: emmaId },
        ...request,
      });

      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.body).toMatchObject({ status: 404, code: 'person.not-found', title: 'Niet gevonden' });
      const text = JSON.stringify(res.body);
      for (const secret of ['Emma', 'Willems', DEMO.emma, 'Adviesbureau']) expect(text).not.toContain(secret);
      expect(await app.snapshot()).toEqual(before);
    });

    it('compare-persons with her id among his own → 404, her name not revealed', async () => {
      const res = await app.call('compare-persons', {
        as: DEMO.marc,
        params: { enterpriseNumber: marcOrg },
        query: { personIds: `${tomId},${emmaId}` },
      });

      expect(res.status).toBe(404);
      expect(res.body.code).toBe('person.not-found');
      expect(JSON.stringify(res.body)).not.toContain('Willems');
    });

    it('his person list and search do not contain her', async () => {
      const res = await app.call('list-persons', {
        as: DEMO.marc,
        params: { enterpriseNumber: marcOrg },
        query: { search: 'emma' },
      });

      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
      const all = await app.call('list-persons', { as: DEMO.marc, params: { enterpriseNumber: marcOrg } });
      expect(JSON.stringify(all.body)).not.toContain('Willems');
    });
  });

  it('Emma, local administrator nowhere, gets 403 on her own organisation', async () => {
    const before = await app.snapshot();

    const page = await app.call('get-person', {
      as: DEMO.emma,
      params: { enterpriseNumber: sofieOrg, personId: emmaId },
    });
    const list = await app.call('list-persons', { as: DEMO.emma, params: { enterpriseNumber: sofieOrg } });
    const add = await app.call('add-person', {
      as: DEMO.emma,
      params: { enterpriseNumber: sofieOrg },
      body: { nationalNumber: DEMO.jonas },
    });

    for (const res of [page, list, add]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
      expect(res.headers['content-type']).toBe('application/problem+json');
    }
    expect(await app.snapshot()).toEqual(before);
  });

  it('an anonymous call to a user route → 401', async () => {
    const before = await app.snapshot();

    const rights = await app.call('list-rights');
    const persons = await app.call('list-persons', { params: { enterpriseNumber: sofieOrg } });
    const add = await app.call('add-person', {
      params: { enterpriseNumber: sofieOrg },
      body: { nationalNumber: DEMO.jonas },
    });

    for (const res of [rights, persons, add]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'unauthenticated', title: 'Niet aangemeld' });
      expect(res.headers['content-type']).toBe('application/problem+json');
    }
    expect(await app.snapshot()).toEqual(before);
  });

  it('Sofie still sees Emma: the refusals above were about the caller, not the data', async () => {
    const res = await app.call('get-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: sofieOrg, personId: emmaId },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ firstName: 'Emma', status: 'active' });
  });

  it('the local-administrator check reads strongly consistently: a removed administrator is refused at once', async () => {
    const reads: { key: string; consistent: boolean }[] = [];
    const client = app.deps.clients.client;
    client.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { Key?: { sk?: { S?: string } }; ConsistentRead?: boolean };
        const sk = input.Key?.sk?.S;
        if (sk?.startsWith('ADMIN#')) reads.push({ key: sk, consistent: input.ConsistentRead === true });
        return next(args);
      },
      { step: 'build', name: 'watchAdminReads' },
    );
    try {
      const res = await app.call('list-persons', { as: DEMO.sofie, params: { enterpriseNumber: sofieOrg } });
      expect(res.status).toBe(200);
    } finally {
      client.middlewareStack.remove('watchAdminReads');
    }
    expect(reads).toEqual([{ key: `ADMIN#${sofieOrg}`, consistent: true }]);
  });
});
