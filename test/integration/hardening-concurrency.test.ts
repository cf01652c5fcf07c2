/**
 * Concurrency at the numbers, through the real handlers against DynamoDB Local (the smaller
 * cases are in concurrency.test.ts): 50 parallel conflicting edits of one relationship, round after
 * round; 50 parallel creates of the same person; and many rounds of a grant racing the deletion of its
 * relationship.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#lib/adapters/dynamodb/keys';
import { setDeps } from '#lib/runtime/deps';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { registerWith, syntheticNationalNumber, workRelationship } from '../support/people.ts';
import { SP, TODAY, VLAIO } from '../support/world.ts';

const en = DEMO.adviesbureau;
const PARALLEL = 50;
/**
 * Fifty requests at once run here in one process against one DynamoDB Local, where AWS runs fifty Lambdas:
 * the functions get more than their 10 s, since these tests are about outcomes, not speed (npm run bench).
 */
const LOAD_TIMEOUT_MS = 120_000;

const relationship = workRelationship({ startDate: TODAY, endDate: '2034-12-31', email: 'test@example.be' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('concurrency at scale', () => {
  let app: TestApp;
  const synthetic = new Set<string>();
  let counter = 500;

  beforeAll(async () => {
    app = await createTestApp({ today: TODAY });
    await setDeps({ nationalRegister: registerWith(synthetic) });
  });

  function freshNumber(): string {
    counter += 1;
    const nrn = syntheticNationalNumber('650312', counter);
    synthetic.add(nrn);
    return nrn;
  }

  async function freshPerson(link: boolean): Promise<string> {
    const added = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber: freshNumber() },
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
    }
    return personId;
  }

  async function history(personId: string) {
    const res = await app.call('get-history', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId },
      query: { limit: '100' },
    });
    expect(res.status).toBe(200);
    return res.body.items as { action: string; before: unknown; after: unknown }[];
  }

  it(`${PARALLEL} parallel edits with the same If-Match, 4 rounds: one 200 per version, the rest 412, history consistent`, {
    timeout: 240_000,
  }, async () => {
    // Arrange
    const personId = await freshPerson(true);
    const params = { enterpriseNumber: en, personId };
    const winners: string[] = [];

    for (let round = 0; round < 4; round++) {
      const version = round + 1;
      // Act: every request a different phone number, all against the same version.
      const phones = Array.from(
        { length: PARALLEL },
        (_, i) => `+32470${String(round * 100 + i).padStart(6, '0')}`,
      );
      const results = await Promise.all(
        phones.map((phone) =>
          app.call('update-work-relationship', {
            as: DEMO.sofie,
            params,
            body: { phone },
            headers: { 'if-match': `"${version}"` },
            timeoutMs: LOAD_TIMEOUT_MS,
          }),
        ),
      );

      // Assert
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(PARALLEL - 1);
      for (const r of results.filter((x) => x.status === 412)) {
        expect(r.headers['content-type']).toBe('application/problem+json');
        expect(r.body.code).toBe('version-mismatch');
      }
      const won = results.findIndex((r) => r.status === 200);
      expect(results[won]!.headers.etag).toBe(`"${version + 1}"`);
      winners.push(phones[won]!);
      const page = await app.call('get-person', { as: DEMO.sofie, params });
      expect(page.body.relationship).toMatchObject({ version: version + 1, phone: phones[won] });
    }

    // History: one entry per successful edit, newest first, each with the winner's phone.
    const updates = (await history(personId)).filter((e) => e.action === 'relationship.updated');
    expect(updates).toHaveLength(4);
    expect(updates.map((e) => (e.after as { phone: string }).phone)).toEqual([...winners].reverse());
    expect(updates.map((e) => (e.before as { phone: string }).phone)).toEqual(
      [relationship.phone, ...winners.slice(0, -1)].reverse(),
    );
  });

  it(`${PARALLEL} parallel adds of the same person: exactly one 201, the others 409, one person`, {
    timeout: 240_000,
  }, async () => {
    // Arrange
    const nrn = freshNumber();

    // Act
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        app.call('add-person', {
          as: DEMO.sofie,
          params: { enterpriseNumber: en },
          body: { nationalNumber: nrn },
          timeoutMs: LOAD_TIMEOUT_MS,
        }),
      ),
    );

    // Assert
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(PARALLEL - 1);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('person.exists');
    const personId = results.find((r) => r.status === 201)!.body.personId as string;
    expect((await history(personId)).map((e) => e.action)).toEqual(['person.added']);
    const pseudonym = app.deps.pseudonymize(nrn);
    const items = await app.snapshot();
    expect(items.filter((i) => i.pk === keys.person(pseudonym).pk && i.sk === 'PERSON')).toHaveLength(1);
    expect(items.filter((i) => i.type === 'Membership' && i.pseudonym === pseudonym)).toHaveLength(1);
  });

  it('25 rounds of a grant racing the deletion of its relationship: never a grant without relationship', {
    timeout: 240_000,
  }, async () => {
    const outcomes = { granted: 0, refused: 0 };
    for (let round = 0; round < 25; round++) {
      // Arrange
      const personId = await freshPerson(true);
      const params = { enterpriseNumber: en, personId };

      // Act: the deletion starts 0 to 24 ms later, so both orders and true overlaps occur.
      const [granted, deleted] = await Promise.all([
        app.call('grant-right', {
          as: DEMO.sofie,
          params,
          body: { right: VLAIO, profiles: [SP], startDate: TODAY, endDate: '2031-11-25' },
        }),
        sleep(round).then(() =>
          app.call('delete-work-relationship', { as: DEMO.sofie, params, headers: { 'if-match': '"1"' } }),
        ),
      ]);

      // Assert
      expect([201, 422]).toContain(granted.status);
      if (granted.status === 422) expect(granted.body.code).toBe('grant.no-relationship');
      outcomes[granted.status === 201 ? 'granted' : 'refused'] += 1;
      expect(deleted.status).toBe(200);
      const partition = (await app.snapshot()).filter((i) => i.pk === keys.aggregatePk(en, personId));
      expect(partition.some((i) => i.sk === 'REL')).toBe(false);
      expect(partition.filter((i) => String(i.sk).startsWith('GRANT#'))).toEqual([]);
      const member = partition.find((i) => i.sk === 'MEMBER') as { pseudonym: string };
      expect(await app.deps.memberships.accessProjection(member.pseudonym, en)).toBeNull();
      const actions = (await history(personId)).map((e) => e.action);
      expect(actions[0]).toBe('relationship.deleted');
      expect(actions.filter((a) => a === 'grant.created')).toHaveLength(granted.status === 201 ? 1 : 0);
    }
    // Every round ended in one of the two clean outcomes (which one depends on the timing).
    expect(outcomes.granted + outcomes.refused).toBe(25);
  });
});
