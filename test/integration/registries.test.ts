/**
 * The registries through the API: the real handlers ask MAGDA (a stand-in of this file's own, so its
 * calls can be counted) through the MAGDA adapters. What the register said is kept in the table and used
 * for a while; the KBO is remembered for a minute; MAGDA down is a 503 that changes nothing.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { magdaCertificates } from '#infra/local/magda/certificates';
import { type MagdaStandIn, startMagdaStandIn } from '#infra/local/magda/stand-in';
import { pointAtMagda } from '#infra/local/stack';
import { keys } from '#lib/adapters/dynamodb/keys';
import { resetDeps } from '#lib/runtime/deps';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.adviesbureau;
const RITA = '38041106444';

let app: TestApp;
let magda: MagdaStandIn;
let certificateFile: string;

function calls() {
  return { ...magda.calls };
}

/** The handlers' next dependencies point at `endpoint` (and forget the KBO's memory with them). */
function useEndpoint(endpoint: string) {
  pointAtMagda({ endpoint, certificateFile });
  resetDeps();
}

beforeAll(async () => {
  const certificates = await magdaCertificates(undefined);
  certificateFile = certificates.clientFile;
  magda = await startMagdaStandIn({ certificates });
  app = await createTestApp({ today: '2026-11-26' });
  useEndpoint(magda.endpoint);
});

afterAll(async () => {
  await magda.stop();
});

describe('the national register through MAGDA', () => {
  it('adds a person with the register data MAGDA gives, and keeps what it said, with when', async () => {
    const before = calls();
    const lookup = await app.call('lookup-national-register', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.emma },
    });
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      firstName: 'Emma',
      lastName: 'Willems',
      birthDate: '1990-04-18',
      sex: 'F',
    });
    // First time: MAGDA wants the person in its repertorium, the adapter registers her and asks again.
    expect(calls().GeefPersoon - before.GeefPersoon).toBe(2);
    expect(calls().RegistreerInschrijving - before.RegistreerInschrijving).toBe(1);

    const item = await app.deps.persons.registerRead(app.deps.pseudonymize(DEMO.emma));
    expect(item?.person).toMatchObject({ lastName: 'Willems', register: 'national', deceased: null });
    expect(Date.now() - Date.parse(item?.readAt ?? '')).toBeLessThan(60_000);

    // Step 3 of adding her reads the kept answer: no second question to MAGDA.
    const added = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.emma },
    });
    expect(added.status).toBe(201);
    expect(calls().GeefPersoon - before.GeefPersoon).toBe(2);
  });

  it('the kept answer has a TTL and no national number in its key', async () => {
    const out = await app.deps.clients.doc.send(
      new GetCommand({
        TableName: app.table.tableName,
        Key: keys.registerRead(app.deps.pseudonymize(DEMO.emma)),
      }),
    );
    expect(out.Item?.pk).not.toContain(DEMO.emma);
    expect(out.Item?.expiration).toBeGreaterThan(Date.now() / 1000 + 23 * 3600);
    expect(out.Item?.expiration).toBeLessThanOrEqual(Date.now() / 1000 + 24 * 3600 + 1);
  });

  it('a person with a BIS number is added as any other', async () => {
    const res = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.jonas },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      firstName: 'Jonas',
      lastName: 'Bakker',
      nationalNumber: '85.49.02-***.**',
    });
  });

  it('a deceased person: 422 person.deceased at the lookup and at adding, nothing written', async () => {
    const before = await app.snapshot();
    for (const fn of ['lookup-national-register', 'add-person']) {
      const res = await app.call(fn, {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        body: { nationalNumber: RITA },
      });
      expect(res.status, fn).toBe(422);
      expect(res.body.code, fn).toBe('person.deceased');
      expect(JSON.stringify(res.body)).not.toContain(RITA);
    }
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('the KBO through MAGDA', () => {
  it('the public route: the legal representatives as the KBO has them today', async () => {
    const res = await app.call('get-legal-representatives', {
      params: { enterpriseNumber: DEMO.boekhouding },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      enterpriseNumber: DEMO.boekhouding,
      name: 'Boekhouding Test NV',
      legalRepresentatives: [{ name: 'Marc Peeters', function: 'Bestuurder' }],
    });
  });

  it('a burst of requests about one enterprise makes one call (remembered for a minute per container)', async () => {
    resetDeps();
    const before = calls().GeefOnderneming;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        app.call('get-legal-representatives', { params: { enterpriseNumber: DEMO.consultancy } }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(calls().GeefOnderneming - before).toBe(1);
  });

  it('the organisations a legal representative may act for come from GeefFuncties', async () => {
    const before = calls().GeefFuncties;
    const me = await app.call('get-me', { as: DEMO.lotte });
    expect(me.status).toBe(200);
    expect(me.body.organisations).toEqual([
      expect.objectContaining({
        enterpriseNumber: DEMO.consultancy,
        name: 'Consultancy Nieuw BV',
        roles: ['legal-representative'],
      }),
    ]);
    expect(me.body).toMatchObject({ firstName: 'Lotte', lastName: 'Maes' });
    expect(calls().GeefFuncties - before).toBe(1);
  });

  it('an unknown enterprise number: 404 enterprise.not-found', async () => {
    const res = await app.call('get-legal-representatives', { params: { enterpriseNumber: '0417497106' } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('enterprise.not-found');
  });
});

describe('MAGDA down', () => {
  it('every route that needs it answers 503 unavailable with Retry-After, and nothing is written', async () => {
    useEndpoint('https://127.0.0.1:9'); // nothing listens on the discard port
    try {
      const before = await app.snapshot();
      const attempts = [
        app.call('lookup-national-register', {
          as: DEMO.sofie,
          params: { enterpriseNumber: en },
          body: { nationalNumber: DEMO.lucas },
        }),
        app.call('add-person', {
          as: DEMO.sofie,
          params: { enterpriseNumber: en },
          body: { nationalNumber: DEMO.lucas },
        }),
        app.call('get-legal-representatives', { params: { enterpriseNumber: DEMO.consultancy } }),
        app.call('list-local-admins', { as: DEMO.pieter, params: { enterpriseNumber: en } }),
        app.call('appoint-local-admin', {
          as: DEMO.pieter,
          params: { enterpriseNumber: en },
          body: { nationalNumber: DEMO.lucas },
        }),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toBe('application/problem+json');
        expect(res.body).toMatchObject({
          code: 'unavailable',
          status: 503,
          title: 'Tijdelijk niet beschikbaar',
        });
        expect(res.body.detail).toMatch(/rijksregister|KBO/);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(await app.snapshot()).toEqual(before);
    } finally {
      useEndpoint(magda.endpoint);
    }
  });

  it('and the routes that do not need it go on: the person list, the access check', async () => {
    useEndpoint('https://127.0.0.1:9');
    try {
      const list = await app.call('list-persons', { as: DEMO.sofie, params: { enterpriseNumber: en } });
      expect(list.status).toBe(200);
    } finally {
      useEndpoint(magda.endpoint);
    }
  });
});
