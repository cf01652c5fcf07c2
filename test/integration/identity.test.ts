import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

describe('who am I, preferences and legal representatives', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ today: '2026-11-26' });
  });

  it('lists the organisations per role, with names, roles and open tasks', async () => {
    const sofie = await app.call('get-me', { as: DEMO.sofie });
    expect(sofie.status).toBe(200);
    expect(sofie.body).toMatchObject({
      firstName: 'Sofie',
      lastName: 'Janssens',
      nationalNumber: '82.11.05-***.**',
      organisations: [
        {
          enterpriseNumber: DEMO.adviesbureau,
          name: 'Adviesbureau Voorbeeld BV',
          roles: ['local-admin'],
          openTasks: 0,
        },
      ],
      lastOrganisation: null,
    });
    const marc = await app.call('get-me', { as: DEMO.marc });
    expect(marc.body.organisations).toEqual([
      expect.objectContaining({
        enterpriseNumber: DEMO.boekhouding,
        roles: ['local-admin', 'legal-representative'],
      }),
    ]);
    const lotte = await app.call('get-me', { as: DEMO.lotte });
    expect(lotte.body).toMatchObject({
      personId: null,
      firstName: 'Lotte',
      organisations: [{ enterpriseNumber: DEMO.consultancy, roles: ['legal-representative'], openTasks: 0 }],
    });
    const emma = await app.call('get-me', { as: DEMO.emma });
    expect(emma.body.organisations).toEqual([]);
    expect(JSON.stringify(emma.body)).not.toContain(DEMO.emma);
  });

  it('remembers the last chosen organisation and refuses an invalid number', async () => {
    const saved = await app.call('update-preferences', {
      as: DEMO.marc,
      body: { lastOrganisation: '0812.345.603' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      lastOrganisation: DEMO.boekhouding,
      notifications: { frequency: 'daily' },
      language: 'nl',
      version: 1,
    });
    expect(saved.headers.etag).toBe('"1"');
    expect((await app.call('get-me', { as: DEMO.marc })).body.lastOrganisation).toBe(DEMO.boekhouding);
    const bad = await app.call('update-preferences', {
      as: DEMO.marc,
      body: { lastOrganisation: '0431150351' },
    });
    expect(bad.status).toBe(400);
  });

  it('keeps how one hears of what ends soon: daily digest by default, changed with If-Match, each field on its own', async () => {
    // Nothing saved yet: the defaults, at version 0.
    const fresh = await app.call('get-preferences', { as: DEMO.sofie });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toEqual({
      lastOrganisation: null,
      notifications: { frequency: 'daily' },
      language: 'nl',
      version: 0,
    });
    expect(fresh.headers.etag).toBe('"0"');

    // The notifications are a setting chosen on a page: without the version seen, 428, nothing written.
    const before = await app.snapshot();
    const blind = await app.call('update-preferences', {
      as: DEMO.sofie,
      body: { notifications: { frequency: 'weekly' } },
    });
    expect(blind.status).toBe(428);
    expect(blind.body.code).toBe('if-match-required');
    expect(await app.snapshot()).toEqual(before);

    const weekly = await app.call('update-preferences', {
      as: DEMO.sofie,
      body: { notifications: { frequency: 'weekly' } },
      headers: { 'if-match': '"0"' },
    });
    expect(weekly.status).toBe(200);
    expect(weekly.body).toEqual({
      lastOrganisation: null,
      notifications: { frequency: 'weekly' },
      language: 'nl',
      version: 1,
    });
    expect(weekly.headers.etag).toBe('"1"');

    // Another tab with the old version: 412, nothing changed.
    const stale = await app.call('update-preferences', {
      as: DEMO.sofie,
      body: { notifications: { frequency: 'each' } },
      headers: { 'if-match': '"0"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('version-mismatch');

    // Remembering the organisation needs no version and leaves the notifications as they are.
    const picked = await app.call('update-preferences', {
      as: DEMO.sofie,
      body: { lastOrganisation: DEMO.adviesbureau },
    });
    expect(picked.body).toEqual({
      lastOrganisation: DEMO.adviesbureau,
      notifications: { frequency: 'weekly' },
      language: 'nl',
      version: 2,
    });
    const read = await app.call('get-preferences', { as: DEMO.sofie });
    expect(read.body).toEqual(picked.body);
    expect(read.headers.etag).toBe('"2"');
    // Each person their own: Marc's are not Sofie's.
    expect((await app.call('get-preferences', { as: DEMO.marc })).body.notifications).toEqual({
      frequency: 'daily',
    });

    // Bad input: 400 with the field, nothing written.
    const snapshot = await app.snapshot();
    for (const body of [
      {},
      { notifications: { frequency: 'monthly' } },
      { notifications: {} },
      { notifications: { frequency: 'daily', extra: true } },
      { language: 'es' },
      { language: 'FR' },
    ]) {
      const res = await app.call('update-preferences', {
        as: DEMO.sofie,
        body,
        headers: { 'if-match': '"2"' },
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation-failed');
    }
    expect(await app.snapshot()).toEqual(snapshot);
  });

  it('keeps the language without If-Match, leaving the rest as it is; only nl, fr, en or de', async () => {
    const french = await app.call('update-preferences', { as: DEMO.marc, body: { language: 'fr' } });
    expect(french.status).toBe(200);
    expect(french.body).toMatchObject({ language: 'fr', lastOrganisation: DEMO.boekhouding });
    expect((await app.call('get-preferences', { as: DEMO.marc })).body.language).toBe('fr');
    // A stale If-Match given all the same is checked, as for the last organisation.
    const stale = await app.call('update-preferences', {
      as: DEMO.marc,
      body: { language: 'de' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const german = await app.call('update-preferences', {
      as: DEMO.marc,
      body: { language: 'de' },
      headers: { 'if-match': french.headers.etag ?? '' },
    });
    expect(german.body).toMatchObject({ language: 'de', notifications: { frequency: 'daily' } });
    // An unknown language is refused in the language asked for, with the same code.
    const bad = await app.call('update-preferences', {
      as: DEMO.marc,
      body: { language: 'es' },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      {
        path: 'language',
        code: 'invalid-value',
        message: 'Choose "nl" (Dutch), "fr" (French), "en" (English) or "de" (German).',
      },
    ]);
  });

  it('shows an enterprise’s legal representatives publicly, names and functions only', async () => {
    const res = await app.call('get-legal-representatives', { params: { enterpriseNumber: '0795.012.394' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      enterpriseNumber: DEMO.adviesbureau,
      name: 'Adviesbureau Voorbeeld BV',
      legalRepresentatives: [{ name: 'Pieter Claes', function: 'Zaakvoerder' }],
    });
    const unknown = await app.call('get-legal-representatives', {
      params: { enterpriseNumber: '0403019261' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('enterprise.not-found');
    const invalid = await app.call('get-legal-representatives', {
      params: { enterpriseNumber: '2147812701' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].code).toBe('enterprise-number.establishment-unit');
  });
});

describe('legal representatives appoint local administrators', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ today: '2026-11-26' });
  });
  const consultancy = { enterpriseNumber: DEMO.consultancy };

  it('lets Lotte appoint herself and Lucas for 1001.234.592, each in the history', async () => {
    const self = await app.call('appoint-local-admin', {
      as: DEMO.lotte,
      params: consultancy,
      body: { nationalNumber: DEMO.lotte, reason: 'Eerste lokale beheerder' },
    });
    expect(self.status).toBe(201);
    expect(self.body).toMatchObject({ name: 'Lotte Maes', appointedBy: 'Lotte Maes', version: 1 });
    const lucas = await app.call('appoint-local-admin', {
      as: DEMO.lotte,
      params: consultancy,
      body: { nationalNumber: DEMO.lucas },
    });
    expect(lucas.status).toBe(201);

    const list = await app.call('list-local-admins', { as: DEMO.lotte, params: consultancy });
    expect(list.status).toBe(200);
    expect(list.body.localAdmins.map((a: { name: string }) => a.name).sort()).toEqual([
      'Lotte Maes',
      'Lucas De Smet',
    ]);
    expect(list.body.legalRepresentatives).toEqual([{ name: 'Lotte Maes', function: 'Zaakvoerder' }]);

    const history = await app.call('get-history', {
      as: DEMO.lotte,
      params: { ...consultancy, personId: lucas.body.personId },
    });
    expect(history.body.items[0]).toMatchObject({
      action: 'local-admin.appointed',
      actor: { name: 'Lotte Maes' },
    });

    // Lucas is now local administrator: he may manage 1001.234.592's people.
    expect((await app.call('list-persons', { as: DEMO.lucas, params: consultancy })).status).toBe(200);
    const me = await app.call('get-me', { as: DEMO.lucas });
    expect(me.body.organisations).toEqual([
      expect.objectContaining({ enterpriseNumber: DEMO.consultancy, roles: ['local-admin'] }),
    ]);

    const again = await app.call('appoint-local-admin', {
      as: DEMO.lotte,
      params: consultancy,
      body: { nationalNumber: DEMO.lucas },
    });
    expect(again.status).toBe(409);
  });

  it('refuses anyone who is not a legal representative of that enterprise now', async () => {
    const before = await app.snapshot();
    // A local administrator cannot appoint one.
    const lucas = await app.call('appoint-local-admin', {
      as: DEMO.lucas,
      params: consultancy,
      body: { nationalNumber: DEMO.emma },
    });
    expect(lucas.status).toBe(403);
    // Pieter is legal representative elsewhere, not here; nor can he appoint himself here.
    const pieter = await app.call('appoint-local-admin', {
      as: DEMO.pieter,
      params: consultancy,
      body: { nationalNumber: DEMO.pieter },
    });
    expect(pieter.status).toBe(403);
    expect(pieter.body.code).toBe('forbidden');
    const emma = await app.call('list-local-admins', { as: DEMO.emma, params: consultancy });
    expect(emma.status).toBe(403);
    expect(await app.snapshot()).toEqual(before);
  });

  it('removes with If-Match, warns when the last one goes, and a removed admin is refused at once', async () => {
    const sofieList = await app.call('list-local-admins', {
      as: DEMO.pieter,
      params: { enterpriseNumber: DEMO.adviesbureau },
    });
    const sofie = sofieList.body.localAdmins[0];
    expect(sofie.name).toBe('Sofie Janssens');
    // Sofie's token is still valid; authorisation is looked up per request.
    expect(
      (await app.call('list-persons', { as: DEMO.sofie, params: { enterpriseNumber: DEMO.adviesbureau } }))
        .status,
    ).toBe(200);

    const noIfMatch = await app.call('remove-local-admin', {
      as: DEMO.pieter,
      params: { enterpriseNumber: DEMO.adviesbureau, personId: sofie.personId },
    });
    expect(noIfMatch.status).toBe(428);
    const stale = await app.call('remove-local-admin', {
      as: DEMO.pieter,
      params: { enterpriseNumber: DEMO.adviesbureau, personId: sofie.personId },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);

    const removed = await app.call('remove-local-admin', {
      as: DEMO.pieter,
      params: { enterpriseNumber: DEMO.adviesbureau, personId: sofie.personId },
      headers: { 'if-match': `"${sofie.version}"` },
      body: { reason: 'Uit dienst' },
    });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({
      remainingLocalAdmins: 0,
      warning: { code: 'local-admin.none-left' },
    });
    expect(
      (await app.call('list-persons', { as: DEMO.sofie, params: { enterpriseNumber: DEMO.adviesbureau } }))
        .status,
    ).toBe(403);

    const history = await app.call('get-history', {
      as: DEMO.pieter,
      params: { enterpriseNumber: DEMO.adviesbureau, personId: sofie.personId },
    });
    // Pieter is not a local administrator, so the person history stays closed to him.
    expect(history.status).toBe(403);
  });
});
