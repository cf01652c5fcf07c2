/**
 * The life of a work relationship and its rights through the real handlers: pause and resume,
 * extension, editing and revoking a grant, deletion, comparison, quick grant and the person list's
 * paging.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#lib/adapters/dynamodb/keys';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.adviesbureau;
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SERVICE_PROVIDER = 'Dienstverlener kmo-portefeuille';
const USER = 'Gebruiker';
const TODAY = '2026-11-26';

describe('work relationships and rights', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ today: TODAY });
  });

  async function addPerson(
    nationalNumber: string,
    as: string = DEMO.sofie,
    org: string = en,
  ): Promise<string> {
    const res = await app.call('add-person', {
      as,
      params: { enterpriseNumber: org },
      body: { nationalNumber },
    });
    expect(res.status).toBe(201);
    return res.body.personId;
  }

  async function link(personId: string, startDate: string, endDate: string) {
    const res = await app.call('create-work-relationship', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId },
      body: { category: 'Vaste medewerker', startDate, endDate, phone: '+3212345678', email: 'p@example.be' },
    });
    expect(res.status).toBe(201);
    return res;
  }

  async function grant(personId: string, startDate: string, endDate: string, profiles = [SERVICE_PROVIDER]) {
    const res = await app.call('grant-right', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId },
      body: { right: VLAIO, profiles, startDate, endDate },
    });
    expect(res.status).toBe(201);
    return res;
  }

  const page = async (personId: string) => {
    const res = await app.call('get-person', { as: DEMO.sofie, params: { enterpriseNumber: en, personId } });
    expect(res.status).toBe(200);
    return res.body;
  };

  async function history(personId: string, as: string = DEMO.sofie, org: string = en) {
    const res = await app.call('get-history', { as, params: { enterpriseNumber: org, personId } });
    expect(res.status).toBe(200);
    return res.body.items as { action: string; reason: string | null; before: unknown; after: unknown }[];
  }

  const projection = (nationalNumber: string, org: string = en) =>
    app.deps.memberships.accessProjection(app.deps.pseudonymize(nationalNumber), org);

  describe('pause and resume (Emma)', () => {
    let emmaId: string;
    const call = (fn: string, body: unknown) =>
      app.call(fn, { as: DEMO.sofie, params: { enterpriseNumber: en, personId: emmaId }, body });

    beforeAll(async () => {
      emmaId = await addPerson(DEMO.emma);
      await link(emmaId, TODAY, '2031-12-31');
      await grant(emmaId, TODAY, '2030-11-26');
    });

    it('a pause without a reason → 400, nothing written', async () => {
      const before = await app.snapshot();

      const missing = await call('pause-work-relationship', {});
      const blank = await call('pause-work-relationship', { reason: '   ' });

      for (const res of [missing, blank]) {
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toBe('application/problem+json');
        expect(res.body.code).toBe('validation-failed');
        expect(res.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
      }
      expect(await app.snapshot()).toEqual(before);
    });

    it('pausing suspends the rights at once, on the page and in the access projection', async () => {
      const res = await call('pause-work-relationship', { reason: 'Ouderschapsverlof' });

      expect(res.status).toBe(200);
      expect(res.body.relationship).toMatchObject({
        paused: true,
        pauseReason: 'Ouderschapsverlof',
        version: 2,
      });
      expect(res.headers.etag).toBe('"2"');
      expect(res.body.grants.map((g: { state: string }) => g.state)).toEqual(['suspended']);
      expect((await page(emmaId)).grants[0].state).toBe('suspended');
      expect((await projection(DEMO.emma))?.relationship?.paused).toBe(true);
      const [entry] = await history(emmaId);
      expect(entry).toMatchObject({ action: 'relationship.paused', reason: 'Ouderschapsverlof' });
    });

    it('pausing twice → 409 relationship.already-paused', async () => {
      const before = await app.snapshot();

      const res = await call('pause-work-relationship', { reason: 'Nog eens' });

      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'relationship.already-paused', title: 'Conflict' });
      expect(await app.snapshot()).toEqual(before);
    });

    it('resuming restores the rights; resuming again → 409', async () => {
      const res = await call('resume-work-relationship', { reason: 'Terug aan het werk' });

      expect(res.status).toBe(200);
      expect(res.body.relationship).toMatchObject({ paused: false, pauseReason: null, version: 3 });
      expect(res.body.grants.map((g: { state: string }) => g.state)).toEqual(['active']);
      expect((await projection(DEMO.emma))?.relationship?.paused).toBe(false);
      expect((await history(emmaId))[0]).toMatchObject({ action: 'relationship.resumed' });

      const again = await call('resume-work-relationship', {});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('relationship.not-paused');
    });

    it('update-grant changes the profiles with If-Match; a stale or missing If-Match is refused', async () => {
      const grantId = (await page(emmaId)).grants[0].grantId as string;
      const update = (headers: Record<string, string>) =>
        app.call('update-grant', {
          as: DEMO.sofie,
          params: { enterpriseNumber: en, personId: emmaId, grantId },
          body: { profiles: [SERVICE_PROVIDER, USER], reason: 'Ook gebruiker' },
          headers,
        });

      const without = await update({});
      expect(without.status).toBe(428);
      expect(without.body.code).toBe('if-match-required');

      const res = await update({ 'if-match': '"1"' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body.grants[0]).toMatchObject({ grantId, profiles: [SERVICE_PROVIDER, USER], version: 2 });
      expect((await projection(DEMO.emma))?.grants[0]?.profiles).toEqual([SERVICE_PROVIDER, USER]);
      expect((await history(emmaId))[0]).toMatchObject({
        action: 'grant.updated',
        reason: 'Ook gebruiker',
        before: { profiles: [SERVICE_PROVIDER] },
        after: { profiles: [SERVICE_PROVIDER, USER] },
      });

      const stale = await update({ 'if-match': '"1"' });
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('version-mismatch');
    });

    it('revoke-grant removes the right; an unknown grant id → 404', async () => {
      const grantId = (await page(emmaId)).grants[0].grantId as string;

      const res = await app.call('revoke-grant', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, personId: emmaId, grantId },
        body: { reason: 'Niet meer nodig' },
        headers: { 'if-match': '"2"' },
      });

      expect(res.status).toBe(200);
      expect(res.body.grants).toEqual([]);
      expect(res.body.status).toBe('active');
      expect((await projection(DEMO.emma))?.grants).toEqual([]);
      expect((await history(emmaId))[0]).toMatchObject({
        action: 'grant.revoked',
        reason: 'Niet meer nodig',
      });

      const again = await app.call('revoke-grant', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, personId: emmaId, grantId },
        headers: { 'if-match': '"2"' },
      });
      expect(again.status).toBe(404);
      expect(again.body.code).toBe('grant.not-found');
    });
  });

  describe('extension and deletion (Pieter)', () => {
    let pieterId: string;
    const extend = (body: unknown) =>
      app.call('extend-work-relationship', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, personId: pieterId },
        body,
      });

    beforeAll(async () => {
      pieterId = await addPerson(DEMO.pieter);
      await link(pieterId, TODAY, '2028-12-31');
      await grant(pieterId, TODAY, '2027-12-31');
    });

    it('an end date not later than the current end → 422 extension.not-longer, nothing written', async () => {
      const before = await app.snapshot();

      for (const endDate of ['2028-12-31', '2028-06-30']) {
        const res = await extend({ includeRights: true, endDate });

        expect(res.status).toBe(422);
        expect(res.headers['content-type']).toBe('application/problem+json');
        expect(res.body).toMatchObject({ code: 'extension.not-longer', title: 'Regel niet gerespecteerd' });
        expect(res.body.errors).toEqual([
          expect.objectContaining({ path: 'endDate', code: 'extension.not-longer' }),
        ]);
      }
      expect(await app.snapshot()).toEqual(before);
    });

    it('without an end date, extends to the maximum; the rights follow within 5 years and the relationship', async () => {
      const res = await extend({ includeRights: true, reason: 'Contract verlengd' });

      expect(res.status).toBe(200);
      expect(res.body.relationship).toMatchObject({ startDate: TODAY, endDate: '2036-11-25', version: 2 });
      expect(res.headers.etag).toBe('"2"');
      const [g] = res.body.grants;
      expect(g).toMatchObject({ startDate: TODAY, endDate: '2031-11-25', state: 'active', version: 2 });
      expect(g.endDate <= res.body.relationship.endDate).toBe(true);
      const [entry] = await history(pieterId);
      expect(entry).toMatchObject({
        action: 'relationship.extended',
        reason: 'Contract verlengd',
        before: { relationship: { endDate: '2028-12-31' }, grants: [{ endDate: '2027-12-31' }] },
        after: { relationship: { endDate: '2036-11-25' }, grants: [{ endDate: '2031-11-25' }] },
      });
      expect((await projection(DEMO.pieter))?.relationship?.endDate).toBe('2036-11-25');
    });

    it('deleting the relationship revokes every right; the person is pending; the history keeps it all', async () => {
      // Arrange
      const before = await page(pieterId);
      expect(before.grants).toHaveLength(1);

      // Act
      const res = await app.call('delete-work-relationship', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, personId: pieterId },
        body: { reason: 'Uit dienst' },
        headers: { 'if-match': `"${before.relationship.version}"` },
      });

      // Assert
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'pending', relationship: null, grants: [] });
      expect(await projection(DEMO.pieter)).toBeNull();
      const partition = (await app.snapshot()).filter((i) => i.pk === keys.aggregatePk(en, pieterId));
      expect(partition.map((i) => i.sk)).toEqual(['MEMBER']);
      const entries = await history(pieterId);
      expect(entries.map((e) => e.action)).toEqual([
        'relationship.deleted',
        'relationship.extended',
        'grant.created',
        'relationship.created',
        'person.added',
      ]);
      expect(entries[0]).toMatchObject({
        reason: 'Uit dienst',
        after: null,
        before: {
          relationship: { endDate: '2036-11-25' },
          grants: [{ rightId: VLAIO, profiles: [SERVICE_PROVIDER], endDate: '2031-11-25' }],
        },
      });
      const list = await app.call('list-persons', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        query: { status: 'pending', limit: '100' },
      });
      expect(list.body.items.map((p: { personId: string }) => p.personId)).toContain(pieterId);
    });
  });

  it('an extension past 10 years from the old start restarts the period today, rights alike (Lotte)', async () => {
    // Arrange: started before today, so the maximum end lies beyond start + 10 years.
    const lotteId = await addPerson(DEMO.lotte);
    await link(lotteId, '2025-01-01', '2027-12-31');
    await grant(lotteId, '2025-01-01', '2027-06-30');

    // Act
    const res = await app.call('extend-work-relationship', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId: lotteId },
      body: { includeRights: true },
    });

    // Assert
    expect(res.status).toBe(200);
    expect(res.body.relationship).toMatchObject({ startDate: TODAY, endDate: '2036-11-25' });
    expect(res.body.grants[0]).toMatchObject({ startDate: TODAY, endDate: '2031-11-25', state: 'active' });
    // What lay before today is kept in the history.
    const [entry] = await history(lotteId);
    expect(entry).toMatchObject({
      action: 'relationship.extended',
      before: { relationship: { startDate: '2025-01-01', endDate: '2027-12-31' } },
    });
  });

  it('compare-persons: Tom and Pieter at Boekhouding differ on VLAIO × Dienstverlener only', async () => {
    // Arrange
    const list = await app.call('list-persons', {
      as: DEMO.marc,
      params: { enterpriseNumber: DEMO.boekhouding },
    });
    const tomId = list.body.items.find((p: { firstName: string }) => p.firstName === 'Tom')
      .personId as string;
    const pieterId = await addPerson(DEMO.pieter, DEMO.marc, DEMO.boekhouding);

    // Act
    const res = await app.call('compare-persons', {
      as: DEMO.marc,
      params: { enterpriseNumber: DEMO.boekhouding },
      query: { personIds: `${tomId},${pieterId}` },
    });

    // Assert
    expect(res.status).toBe(200);
    expect(res.body.persons.map((p: { firstName: string }) => p.firstName)).toEqual(['Tom', 'Pieter']);
    expect(JSON.stringify(res.body)).not.toContain(DEMO.tom);
    expect(res.body.rows).toEqual([
      {
        right: VLAIO,
        profile: SERVICE_PROVIDER,
        cells: [
          { granted: true, startDate: '2025-01-01', endDate: '2029-12-31' },
          { granted: false, startDate: null, endDate: null },
        ],
        differs: true,
      },
      {
        right: VLAIO,
        profile: USER,
        cells: [
          { granted: false, startDate: null, endDate: null },
          { granted: false, startDate: null, endDate: null },
        ],
        differs: false,
      },
    ]);

    const one = await app.call('compare-persons', {
      as: DEMO.marc,
      params: { enterpriseNumber: DEMO.boekhouding },
      query: { personIds: `${tomId},${tomId}` },
    });
    expect(one.status).toBe(400);
    expect(one.body.errors).toEqual([expect.objectContaining({ path: 'query.personIds' })]);
  });

  describe('quick grant', () => {
    it('Lucas, unknown so far, with a relationship → 201, person, relationship and right in one go', async () => {
      const res = await app.call('quick-grant', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        body: {
          nationalNumber: DEMO.lucas,
          right: VLAIO,
          profiles: [SERVICE_PROVIDER],
          relationship: {
            category: 'Tijdelijke medewerker',
            startDate: TODAY,
            endDate: '2028-11-25',
            phone: '+3212345678',
            email: 'lucas.desmet@example.be',
          },
          reason: 'Snel recht',
        },
      });

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        created: { person: true, relationship: true },
        firstName: 'Lucas',
        status: 'active',
        relationship: { category: 'Tijdelijke medewerker', endDate: '2028-11-25' },
        // Defaults: from today, as long as the right allows but within the relationship.
        grants: [{ right: VLAIO, profiles: [SERVICE_PROVIDER], startDate: TODAY, endDate: '2028-11-25' }],
      });
      const entries = await history(res.body.personId);
      expect(entries.map((e) => e.action)).toEqual(['grant.created', 'relationship.created', 'person.added']);
      for (const e of entries) expect(e.reason).toBe('Snel recht');
      expect((await projection(DEMO.lucas))?.grants[0]?.profiles).toEqual([SERVICE_PROVIDER]);
    });

    it('a new person without relationship details → 422 quick-grant.relationship-required, nothing written', async () => {
      const before = await app.snapshot();

      const res = await app.call('quick-grant', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        body: { nationalNumber: DEMO.jonas, right: VLAIO, profiles: [SERVICE_PROVIDER] },
      });

      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.body).toMatchObject({
        code: 'quick-grant.relationship-required',
        title: 'Regel niet gerespecteerd',
      });
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: 'relationship', code: 'quick-grant.relationship-required' }),
      ]);
      expect(await app.snapshot()).toEqual(before);
    });
  });

  describe('ETags a client can echo', () => {
    it('the relationship and each right have their own GET with the ETag their PATCH and DELETE take', async () => {
      const personId = await addPerson(DEMO.jonas);
      await link(personId, TODAY, '2030-12-31');
      const granted = await grant(personId, TODAY, '2030-11-26');
      const grantId = granted.body.grants[0].grantId as string;
      const params = { enterpriseNumber: en, personId };

      const rel = await app.call('get-work-relationship', { as: DEMO.sofie, params });
      expect(rel.status).toBe(200);
      expect(rel.body).toMatchObject({ endDate: '2030-12-31', version: 1 });
      const edited = await app.call('update-work-relationship', {
        as: DEMO.sofie,
        params,
        headers: { 'if-match': rel.headers.etag! },
        body: { phone: '+3293456789' },
      });
      expect(edited.status).toBe(200);
      // The PATCH's own ETag is the relationship's next version: echo it again.
      expect(edited.headers.etag).toBe('"2"');
      const again = await app.call('update-work-relationship', {
        as: DEMO.sofie,
        params,
        headers: { 'if-match': edited.headers.etag! },
        body: { phone: '+3212345678' },
      });
      expect(again.status).toBe(200);

      const one = await app.call('get-grant', { as: DEMO.sofie, params: { ...params, grantId } });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ grantId, right: VLAIO, endDate: '2030-11-26', state: 'active' });
      const revoked = await app.call('revoke-grant', {
        as: DEMO.sofie,
        params: { ...params, grantId },
        headers: { 'if-match': one.headers.etag! },
        body: { reason: 'Niet meer nodig' },
      });
      expect(revoked.status).toBe(200);
      const gone = await app.call('get-grant', { as: DEMO.sofie, params: { ...params, grantId } });
      expect(gone.status).toBe(404);
      expect(gone.body.code).toBe('grant.not-found');

      const deleted = await app.call('delete-work-relationship', {
        as: DEMO.sofie,
        params,
        headers: {
          'if-match': (await app.call('get-work-relationship', { as: DEMO.sofie, params })).headers.etag!,
        },
        body: { reason: 'Vertrokken' },
      });
      expect(deleted.status).toBe(200);
      const none = await app.call('get-work-relationship', { as: DEMO.sofie, params });
      expect(none.status).toBe(404);
      expect(none.body.code).toBe('relationship.not-found');
    });

    it('the OpenAPI document says which ETag each PATCH and DELETE takes', async () => {
      const doc = (await app.call('openapi')).body;
      const path = '/api/organisations/{enterpriseNumber}/persons/{personId}';
      const etag = (p: string, m: string, status = '200') =>
        doc.paths[p][m].responses[status].headers?.ETag?.description;
      const ifMatch = (p: string, m: string) =>
        doc.paths[p][m].parameters.find((x: { name: string }) => x.name === 'If-Match')?.description;
      expect(etag(`${path}/work-relationship`, 'get')).toContain('werkrelatie');
      expect(etag(`${path}/rights/{grantId}`, 'get')).toContain('gebruikersrecht');
      expect(etag(path, 'get')).toContain('eigen versie');
      expect(ifMatch(`${path}/work-relationship`, 'patch')).toContain('GET …/work-relationship');
      expect(ifMatch(`${path}/work-relationship`, 'delete')).toContain('GET …/work-relationship');
      expect(ifMatch(`${path}/rights/{grantId}`, 'patch')).toContain('GET …/rights/{grantId}');
      expect(ifMatch(`${path}/rights/{grantId}`, 'delete')).toContain('GET …/rights/{grantId}');
    });
  });

  describe('quick grant: periods that cannot be (nothing written, no inverted grant)', () => {
    it('a relationship that ended yesterday → 422 grant.relationship-ended', async () => {
      const personId = await addPerson(DEMO.marc);
      await link(personId, '2024-01-01', '2026-11-25');
      const before = await app.snapshot();

      const res = await app.call('quick-grant', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        body: { nationalNumber: DEMO.marc, right: VLAIO, profiles: [SERVICE_PROVIDER] },
      });

      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'grant.relationship-ended' });
      expect(res.body.detail).toContain('25/11/2026');
      expect(await app.snapshot()).toEqual(before);
    });

    it('an end date before the default start (today) → 422 period.end-before-start', async () => {
      const before = await app.snapshot();
      const res = await app.call('quick-grant', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        body: {
          nationalNumber: DEMO.sofie,
          right: 'VLAIO Inkom Gebruiker Nieuw',
          profiles: [USER],
          endDate: '2026-11-01',
        },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: 'endDate', code: 'period.end-before-start' }),
      ]);
      expect(await app.snapshot()).toEqual(before);
    });
  });

  describe('the person list pages with a cursor', () => {
    const list = (query: Record<string, string>) =>
      app.call('list-persons', { as: DEMO.sofie, params: { enterpriseNumber: en }, query });

    it('limit=1 pages through every person once, newest first', async () => {
      // Arrange
      const all = await list({ limit: '100' });
      const expected = all.body.items.map((p: { personId: string }) => p.personId) as string[];
      expect(expected.length).toBeGreaterThanOrEqual(4);

      // Act
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const res = await list({ limit: '1', ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(1);
        seen.push(...res.body.items.map((p: { personId: string }) => p.personId));
        cursor = res.body.cursor;
        if (!cursor) break;
      }

      // Assert
      expect(cursor).toBeNull();
      expect(seen).toEqual(expected);
      expect([...expected].sort().reverse()).toEqual(expected);
    });

    it('the cursor of the first page yields the second person', async () => {
      const all = (await list({ limit: '100' })).body.items.map((p: { personId: string }) => p.personId);

      const first = await list({ limit: '1' });
      const second = await list({ limit: '1', cursor: first.body.cursor });

      expect(first.body.items[0].personId).toBe(all[0]);
      expect(second.body.items[0].personId).toBe(all[1]);
    });

    it('a tampered cursor is ignored: the first page again, never an error', async () => {
      // Decision: a cursor that is not one we issued for this list restarts the list (200, first page)
      // rather than failing; it never reaches another partition and never causes a 500.
      const first = await list({ limit: '1' });
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const own = `ORG#${en}#PERSONS`;
      const tampered = [
        'not-a-cursor',
        `${first.body.cursor}x`,
        encode({ gsi3pk: `ORG#${DEMO.boekhouding}#PERSONS`, gsi3sk: 'Z', pk: 'a', sk: 'b' }),
        encode({ gsi3pk: own }),
        encode({ gsi3pk: own, gsi3sk: 5, pk: 'a', sk: 'b' }),
        encode({ gsi3pk: own, gsi3sk: 'Z', pk: 'a', sk: 'b', extra: 'c' }),
        encode({ gsi3pk: own, gsi3sk: { S: 'Z' }, pk: 'a', sk: 'b' }),
        // The list's old index (gsi1) is not a valid start key any more.
        encode({ gsi1pk: own, gsi1sk: 'Z', pk: 'a', sk: 'b' }),
        encode(null),
        encode([own]),
      ];

      for (const cursor of tampered) {
        const res = await list({ limit: '1', cursor });

        expect(res.status, cursor).toBe(200);
        expect(res.body.items, cursor).toEqual(first.body.items);
      }
    });

    it('a tampered history cursor is ignored the same way', async () => {
      const tom = await app.call('list-persons', {
        as: DEMO.marc,
        params: { enterpriseNumber: DEMO.boekhouding },
        query: { search: 'tom' },
      });
      const personId = tom.body.items[0].personId as string;
      const pk = keys.historyPk(DEMO.boekhouding, personId);
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const read = (query: Record<string, string>) =>
        app.call('get-history', {
          as: DEMO.marc,
          params: { enterpriseNumber: DEMO.boekhouding, personId },
          query,
        });
      const full = await read({});

      for (const cursor of [
        encode({ pk }),
        encode({ pk, sk: 7 }),
        encode({ pk: 'HIST#other', sk: 'x' }),
        'zz',
      ]) {
        const res = await read({ cursor });

        expect(res.status, cursor).toBe(200);
        expect(res.body.items, cursor).toEqual(full.body.items);
      }
    });

    it('a cursor over 2000 characters → 400', async () => {
      const res = await list({ limit: '1', cursor: 'a'.repeat(2001) });

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'query.cursor', code: 'too-big' })]);
    });
  });
});
