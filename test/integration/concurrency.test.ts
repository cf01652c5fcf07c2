/**
 * Concurrent writers through the real handlers against DynamoDB Local: optimistic locking with
 * If-Match, uniqueness of a person under parallel adds, and no orphaned grant when a grant races the
 * deletion of its relationship.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#lib/adapters/dynamodb/keys';
import { fixtureNationalRegister } from '#lib/adapters/registries/fixture-registries';
import { parseNationalNumber } from '#lib/domain/national-number';
import { setDeps } from '#lib/runtime/deps';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { syntheticNationalNumber, workRelationship } from '../support/people.ts';

const en = DEMO.adviesbureau;
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SERVICE_PROVIDER = 'Dienstverlener kmo-portefeuille';

const relationship = workRelationship({
  startDate: '2026-11-26',
  endDate: '2034-12-31',
  email: 'test@example.be',
});

/** A valid national number (born in the 1900s) for a birth date and counter, for synthetic register entries. */
function nationalNumber(yymmdd: string, counter: number): string {
  const value = syntheticNationalNumber(yymmdd, counter);
  expect(parseNationalNumber(value).ok).toBe(true);
  return value;
}

const synthetic = new Map<string, string>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('concurrent requests', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ today: '2026-11-26' });
    // The fixture register has only a handful of people; the race tests need fresh ones.
    await setDeps({
      nationalRegister: {
        async lookup(n) {
          const known = await fixtureNationalRegister.lookup(n);
          if (known) return known;
          const lastName = synthetic.get(n);
          return lastName
            ? {
                firstName: 'Test',
                lastName,
                birthDate: null,
                sex: null,
                source: 'VKBP',
                deceased: null,
                register: 'national',
              }
            : null;
        },
      },
    });
  });

  afterAll(async () => {
    await setDeps({ nationalRegister: fixtureNationalRegister });
  });

  let counter = 100;
  /** Adds a fresh person to Sofie's organisation, optionally with a work relationship. */
  async function freshPerson(link: boolean): Promise<string> {
    counter += 2;
    const nrn = nationalNumber('700101', counter);
    synthetic.set(nrn, `Persoon ${counter}`);
    const added = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: nrn },
    });
    expect(added.status).toBe(201);
    const personId = added.body.personId as string;
    if (link) {
      const linked = await app.call('create-work-relationship', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, personId },
        body: relationship,
      });
      expect(linked.status).toBe(201);
      expect(linked.headers.etag).toBe('"1"');
    }
    return personId;
  }

  async function actions(personId: string): Promise<string[]> {
    const history = await app.call('get-history', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId },
    });
    expect(history.status).toBe(200);
    return history.body.items.map((e: { action: string }) => e.action);
  }

  const patch = (personId: string, body: unknown, headers: Record<string, string> = {}) =>
    app.call('update-work-relationship', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId },
      body,
      headers,
    });

  describe('optimistic locking of the work relationship', () => {
    it('two PATCHes with the same If-Match: exactly one 200 and one 412', async () => {
      // Arrange
      const personId = await freshPerson(true);

      // Act
      const results = await Promise.all([
        patch(personId, { phone: '+3293456789' }, { 'if-match': '"1"' }),
        patch(personId, { email: 'other@example.be' }, { 'if-match': '"1"' }),
      ]);

      // Assert
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const lost = results.find((r) => r.status === 412)!;
      expect(lost.body).toMatchObject({ code: 'version-mismatch', title: 'Verouderde versie' });
      expect(lost.headers['content-type']).toBe('application/problem+json');
      const won = results.find((r) => r.status === 200)!;
      expect(won.headers.etag).toBe('"2"');
      expect((await actions(personId)).filter((a) => a === 'relationship.updated')).toHaveLength(1);
      const page = await app.call('get-person', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, personId },
      });
      expect(page.body.relationship.version).toBe(2);
    });

    it('a PATCH without If-Match → 428 if-match-required, nothing written', async () => {
      const personId = await freshPerson(true);
      const before = await app.snapshot();

      const res = await patch(personId, { phone: '+3293456789' });

      expect(res.status).toBe(428);
      expect(res.body).toMatchObject({ code: 'if-match-required', title: 'Versie vereist' });
      expect(await app.snapshot()).toEqual(before);
    });

    it('a stale If-Match → 412, and the returned ETag works for the next PATCH', async () => {
      // Arrange: version 1 → 2
      const personId = await freshPerson(true);
      const first = await patch(personId, { phone: '+3293456789' }, { 'if-match': '"1"' });
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBe('"2"');
      expect(first.body.relationship.version).toBe(2);
      const before = await app.snapshot();

      // Act: the old version again
      const stale = await patch(personId, { phone: '+3212345678' }, { 'if-match': '"1"' });

      // Assert
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('version-mismatch');
      expect(await app.snapshot()).toEqual(before);

      // Act: the ETag of the last response, as is
      const next = await patch(personId, { email: 'next@example.be' }, { 'if-match': first.headers.etag! });

      expect(next.status).toBe(200);
      expect(next.headers.etag).toBe('"3"');
      expect(next.body.relationship).toMatchObject({
        phone: '+3293456789',
        email: 'next@example.be',
        version: 3,
      });
      expect((await actions(personId)).filter((a) => a === 'relationship.updated')).toHaveLength(2);
    });

    it('a malformed If-Match → 400 if-match-invalid', async () => {
      const personId = await freshPerson(true);
      const before = await app.snapshot();

      const res = await patch(personId, { phone: '+3293456789' }, { 'if-match': 'abc' });

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: 'If-Match', code: 'if-match-invalid' }),
      ]);
      expect(await app.snapshot()).toEqual(before);
    });
  });

  it('10 parallel adds of the same person: exactly one 201, the others 409, one history entry', async () => {
    // Arrange
    counter += 2;
    const nrn = nationalNumber('700101', counter);
    synthetic.set(nrn, `Persoon ${counter}`);

    // Act
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        app.call('add-person', {
          as: DEMO.sofie,
          params: { enterpriseNumber: en },
          body: { nationalNumber: nrn },
        }),
      ),
    );

    // Assert
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.code).toBe('person.exists');
    }
    const personId = results.find((r) => r.status === 201)!.body.personId as string;
    expect(await actions(personId)).toEqual(['person.added']);
    const items = await app.snapshot();
    const pseudonym = app.deps.pseudonymize(nrn);
    expect(items.filter((i) => i.pk === keys.person(pseudonym).pk && i.sk === 'PERSON')).toHaveLength(1);
    const memberships = items.filter((i) => i.type === 'Membership' && i.pseudonym === pseudonym);
    expect(memberships).toHaveLength(1);
  });

  it('a grant racing the deletion of its relationship never leaves a grant without relationship', async () => {
    // The grant reads the catalogue first, so without a head start it always loses; staggering the
    // delete by a few milliseconds lets both orders (and true overlaps) occur over the rounds.
    const delays = [0, 2, 4, 6, 8, 10, 15, 20];
    for (const delay of delays) {
      // Arrange
      const personId = await freshPerson(true);

      // Act
      const [granted, deleted] = await Promise.all([
        app.call('grant-right', {
          as: DEMO.sofie,
          params: { enterpriseNumber: en, personId },
          body: {
            right: VLAIO,
            profiles: [SERVICE_PROVIDER],
            startDate: '2026-11-26',
            endDate: '2031-11-25',
          },
        }),
        sleep(delay).then(() =>
          app.call('delete-work-relationship', {
            as: DEMO.sofie,
            params: { enterpriseNumber: en, personId },
            headers: { 'if-match': '"1"' },
          }),
        ),
      ]);

      // Assert: each request either succeeded or was refused cleanly.
      expect([201, 422]).toContain(granted.status);
      if (granted.status === 422) expect(granted.body.code).toBe('grant.no-relationship');
      expect(deleted.status).toBe(200);
      const partition = (await app.snapshot()).filter((i) => i.pk === keys.aggregatePk(en, personId));
      const hasRelationship = partition.some((i) => i.sk === 'REL');
      const grants = partition.filter((i) => String(i.sk).startsWith('GRANT#'));
      if (!hasRelationship) expect(grants).toEqual([]);
      // The relationship was deleted in either order, so its grants are gone too.
      expect(hasRelationship).toBe(false);
      const access = await app.deps.memberships.accessProjection(
        (partition.find((i) => i.sk === 'MEMBER') as { pseudonym: string }).pseudonym,
        en,
      );
      expect(access).toBeNull();
      const history = await actions(personId);
      expect(history[0]).toBe('relationship.deleted');
      if (granted.status === 201) expect(history).toContain('grant.created');
      else expect(history).not.toContain('grant.created');
    }
  });
});
