import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#lib/adapters/dynamodb/keys';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.adviesbureau;

describe('the seed story through the real handlers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ today: '2026-11-26' });
  });

  it('Sofie adds Emma, links her, grants the VLAIO right; the page and history show it', async () => {
    const lookup = await app.call('lookup-national-register', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: '90.04.18-124.90' },
    });
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      firstName: 'Emma',
      lastName: 'Willems',
      birthDate: '1990-04-18',
      sex: 'F',
      source: 'VKBP',
      knownInOrganisation: false,
    });

    const added = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.emma, nickname: 'Em', reason: 'Nieuwe consultant' },
    });
    expect(added.status).toBe(201);
    expect(added.body.status).toBe('pending');
    expect(added.body.nationalNumber).toBe('90.04.18-***.**');
    const personId = added.body.personId as string;
    expect(added.headers.location).toBe(`/api/organisations/${en}/persons/${personId}`);

    const linked = await app.call('create-work-relationship', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId },
      body: {
        category: 'Vaste medewerker',
        startDate: '2026-11-26',
        endDate: '2036-11-25',
        phone: '0478 12 34 56',
        email: 'emma.willems@example.be',
      },
    });
    expect(linked.status).toBe(201);
    expect(linked.body.status).toBe('active');
    expect(linked.body.relationship).toMatchObject({ phone: '+32478123456', endDate: '2036-11-25' });
    expect(linked.headers.etag).toBe('"1"');

    const granted = await app.call('grant-right', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId },
      body: {
        right: 'VLAIO Inkom Gebruiker Nieuw',
        profiles: ['Dienstverlener kmo-portefeuille'],
        startDate: '2026-11-26',
        endDate: '2031-11-25',
      },
    });
    expect(granted.status).toBe(201);

    const page = await app.call('get-person', { as: DEMO.sofie, params: { enterpriseNumber: en, personId } });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      firstName: 'Emma',
      status: 'active',
      organisation: { enterpriseNumber: en, name: 'Adviesbureau Voorbeeld BV' },
      grants: [
        {
          right: 'VLAIO Inkom Gebruiker Nieuw',
          profiles: ['Dienstverlener kmo-portefeuille'],
          startDate: '2026-11-26',
          endDate: '2031-11-25',
          state: 'active',
        },
      ],
    });

    const history = await app.call('get-history', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId },
    });
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual([
      'grant.created',
      'relationship.created',
      'person.added',
    ]);
    for (const entry of history.body.items) expect(entry.actor.name).toBe('Sofie Janssens');
    expect(history.body.items[2].reason).toBe('Nieuwe consultant');
    expect(JSON.stringify(history.body)).not.toContain(DEMO.emma);

    // The access projection was written in the same transactions: one GetItem answers the portal.
    const projection = await app.deps.memberships.accessProjection(app.deps.pseudonymize(DEMO.emma), en);
    expect(projection?.grants[0]?.profiles).toEqual(['Dienstverlener kmo-portefeuille']);

    // The person list, the search and the status filter.
    const list = await app.call('list-persons', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      query: { search: 'willems emma' },
    });
    expect(list.body.items.map((p: { personId: string }) => p.personId)).toEqual([personId]);
    const pending = await app.call('list-persons', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      query: { status: 'pending' },
    });
    expect(pending.body.items).toEqual([]);
  });

  it('keeps national numbers out of every key of the table', async () => {
    const items = await app.snapshot();
    expect(items.length).toBeGreaterThan(10);
    const numbers = Object.values(DEMO).filter((v) => v.length === 11);
    for (const item of items) {
      const keyText = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk']
        .map((k) => String(item[k] ?? ''))
        .join('|');
      for (const n of numbers) expect(keyText).not.toContain(n);
    }
    expect(keys.person('x').pk).toBe('NRN#x');
  });

  it('answers an existing person with 409 and a second add writes nothing', async () => {
    const before = await app.snapshot();
    const again = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.emma },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('person.exists');
    expect(await app.snapshot()).toEqual(before);
  });

  it('lists the catalogue and serves the OpenAPI document for every route', async () => {
    const rights = await app.call('list-rights', { as: DEMO.emma });
    expect(rights.body.items[0]).toMatchObject({
      rightId: 'VLAIO Inkom Gebruiker Nieuw',
      profiles: ['Dienstverlener kmo-portefeuille', 'Gebruiker'],
      maxYears: 5,
    });
    const doc = await app.call('openapi');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/api/organisations/{enterpriseNumber}/persons'].post.requestBody).toBeDefined();
    expect(Object.keys(doc.body.paths).length).toBeGreaterThanOrEqual(12);
    const health = await app.call('health');
    expect(health.body.status).toBe('ok');
  });
});
