import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const RIGHT = 'VLAIO Inkom Gebruiker Nieuw';
const SERVICE_PROVIDER = 'Dienstverlener kmo-portefeuille';

describe('the portal’s access check', () => {
  let app: TestApp;
  const sent: string[] = [];
  /** The check's answer; the person's pseudonym (for change events) is checked here and left out. */
  const check = async (nationalNumber: string, enterpriseNumber: string, profile = SERVICE_PROVIDER) => {
    const res = await app.call('check-access', {
      asService: ['access/check'],
      body: { nationalNumber, enterpriseNumber, right: RIGHT, profile },
    });
    if (res.status === 200) {
      const { person, ...decision } = res.body;
      expect(person).toBe(app.deps.pseudonymize(nationalNumber));
      res.body = decision;
    }
    return res;
  };
  const setToday = (today: string) => {
    const base = app.deps.clock;
    app.deps.clock = () => ({ ...base(), today });
    return () => {
      app.deps.clock = base;
    };
  };

  beforeAll(async () => {
    app = await createTestApp({ today: '2026-11-26' });
    // Count the DynamoDB requests each check makes, at the SDK client every handler uses.
    app.deps.clients.client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = (args as { input?: { ConsistentRead?: boolean } }).input;
        sent.push(`${context.commandName}${input?.ConsistentRead ? ' (consistent)' : ''}`);
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
  });

  it('allows Tom in one GetItem, with the day it ends', async () => {
    sent.length = 0;
    const res = await check(DEMO.tom, DEMO.boekhouding);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ allowed: true, validUntil: '2029-12-31', reason: 'granted' });
    // One eventually consistent GetItem: 0.5 RCU for an item under 4 KB.
    expect(sent).toEqual(['GetItemCommand']);
  });

  it('refuses Emma until she is granted, then allows her', async () => {
    expect((await check(DEMO.emma, DEMO.adviesbureau)).body).toEqual({
      allowed: false,
      reason: 'no-relationship',
    });
    const quick = await app.call('quick-grant', {
      as: DEMO.sofie,
      params: { enterpriseNumber: DEMO.adviesbureau },
      body: {
        nationalNumber: DEMO.emma,
        right: RIGHT,
        profiles: ['Gebruiker'],
        relationship: {
          category: 'Vaste medewerker',
          startDate: '2026-11-26',
          endDate: '2036-11-25',
          phone: '+3212345678',
          email: 'emma@example.be',
        },
      },
    });
    expect(quick.status).toBe(201);
    expect((await check(DEMO.emma, DEMO.adviesbureau)).body).toEqual({
      allowed: false,
      reason: 'profile-missing',
    });
    expect((await check(DEMO.emma, DEMO.adviesbureau, 'Gebruiker')).body).toMatchObject({
      allowed: true,
      reason: 'granted',
    });
  });

  it('answers an unknown person or organisation exactly like one without a grant', async () => {
    const unknownPerson = await check('85073003328', DEMO.boekhouding);
    const unknownOrg = await check(DEMO.tom, '0403019261');
    expect(unknownPerson.body).toEqual({ allowed: false, reason: 'no-relationship' });
    expect(unknownOrg.body).toEqual(unknownPerson.body);
  });

  it('follows the first and last valid day, pause and resume, and deletion', async () => {
    const en = DEMO.boekhouding;
    const tom = (
      await app.call('list-persons', { as: DEMO.marc, params: { enterpriseNumber: en } })
    ).body.items.find((p: { firstName: string }) => p.firstName === 'Tom');
    const person = { enterpriseNumber: en, personId: tom.personId };

    let restore = setToday('2024-12-31');
    expect((await check(DEMO.tom, en)).body).toEqual({ allowed: false, reason: 'not-yet-valid' });
    restore();
    restore = setToday('2025-01-01');
    expect((await check(DEMO.tom, en)).body.allowed).toBe(true);
    restore();
    restore = setToday('2029-12-31');
    expect((await check(DEMO.tom, en)).body.allowed).toBe(true);
    restore();
    restore = setToday('2030-01-01');
    expect((await check(DEMO.tom, en)).body).toEqual({ allowed: false, reason: 'expired' });
    restore();

    const paused = await app.call('pause-work-relationship', {
      as: DEMO.marc,
      params: person,
      body: { reason: 'Ouderschapsverlof' },
    });
    expect(paused.status).toBe(200);
    expect((await check(DEMO.tom, en)).body).toEqual({ allowed: false, reason: 'relationship-paused' });
    await app.call('resume-work-relationship', { as: DEMO.marc, params: person, body: {} });
    expect((await check(DEMO.tom, en)).body.allowed).toBe(true);

    const page = await app.call('get-person', { as: DEMO.marc, params: person });
    const grant = page.body.grants[0];
    await app.call('revoke-grant', {
      as: DEMO.marc,
      params: { ...person, grantId: grant.grantId },
      headers: { 'if-match': `"${grant.version}"` },
      body: {},
    });
    expect((await check(DEMO.tom, en)).body).toEqual({ allowed: false, reason: 'no-grant' });
    const rel = (await app.call('get-person', { as: DEMO.marc, params: person })).body.relationship;
    await app.call('delete-work-relationship', {
      as: DEMO.marc,
      params: person,
      headers: { 'if-match': `"${rel.version}"` },
      body: {},
    });
    expect((await check(DEMO.tom, en)).body).toEqual({ allowed: false, reason: 'no-relationship' });
  });

  it('needs a service token with the scope; a person token gets 401 or 403', async () => {
    const body = {
      nationalNumber: DEMO.tom,
      enterpriseNumber: DEMO.boekhouding,
      right: RIGHT,
      profile: SERVICE_PROVIDER,
    };
    expect((await app.call('check-access', { asService: ['other/scope'], body })).status).toBe(403);
    expect((await app.call('check-access', { as: DEMO.sofie, body })).status).toBe(403);
    expect((await app.call('check-access', { body })).status).toBe(401);
    const invalid = await app.call('check-access', {
      asService: ['access/check'],
      body: { ...body, nationalNumber: 85073003328 },
    });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).not.toContain('85073003328');
  });

  it('tells a stranger their decision and whom to ask: the legal representatives, not the local administrators’ names', async () => {
    const res = await app.call('get-my-access', {
      as: DEMO.lucas,
      query: { enterpriseNumber: DEMO.boekhouding, right: RIGHT, profile: SERVICE_PROVIDER },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      allowed: false,
      reason: 'no-relationship',
      organisation: { enterpriseNumber: DEMO.boekhouding, name: 'Boekhouding Test NV' },
      hasLocalAdministrators: true,
      localAdministrators: [],
      legalRepresentatives: [{ name: 'Marc Peeters', function: 'Bestuurder' }],
    });
  });

  it('tells someone with a relationship there the local administrators’ names', async () => {
    // Sofie has a work relationship with Adviesbureau (and administers it).
    const res = await app.call('get-my-access', {
      as: DEMO.sofie,
      query: { enterpriseNumber: DEMO.adviesbureau, right: RIGHT, profile: SERVICE_PROVIDER },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      allowed: false,
      reason: 'no-grant',
      hasLocalAdministrators: true,
      localAdministrators: [{ name: 'Sofie Janssens' }],
    });
  });
});
