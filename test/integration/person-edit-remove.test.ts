/**
 * *Bewerk ▼* on *Gegevens van gebruiker* through the real handlers: editing the person's own details
 * (nickname, initials, with a reason) with If-Match, and removing the person from the organisation:
 * refused while a work relationship exists unless it is confirmed to end too, then the relationship, its
 * rights and the membership go in one transaction, and the history stays.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#lib/adapters/dynamodb/keys';
import type { UnitOfWork } from '#lib/domain/ports';
import { setDeps } from '#lib/runtime/deps';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.adviesbureau;
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SP = 'Dienstverlener kmo-portefeuille';
const TODAY = '2026-11-26';

type Entry = {
  entryId: string;
  at: string;
  action: string;
  reason: string | null;
  before: unknown;
  after: unknown;
};

describe('editing and removing a person', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ today: TODAY });
  });

  const at = (personId: string) => ({ enterpriseNumber: en, personId });

  async function addPerson(nationalNumber: string, body: Record<string, string> = {}) {
    const res = await app.call('add-person', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { nationalNumber, ...body },
    });
    expect(res.status).toBe(201);
    return res.body.personId as string;
  }

  async function linkAndGrant(personId: string) {
    const linked = await app.call('create-work-relationship', {
      as: DEMO.sofie,
      params: at(personId),
      body: {
        category: 'Vaste medewerker',
        startDate: TODAY,
        endDate: '2031-12-31',
        phone: '+3212345678',
        email: 'p@example.be',
      },
    });
    expect(linked.status).toBe(201);
    const granted = await app.call('grant-right', {
      as: DEMO.sofie,
      params: at(personId),
      body: { right: VLAIO, profiles: [SP], startDate: TODAY, endDate: '2030-11-25' },
    });
    expect(granted.status).toBe(201);
    return granted.body;
  }

  const etag = async (personId: string) => {
    const res = await app.call('get-person', { as: DEMO.sofie, params: at(personId) });
    expect(res.status).toBe(200);
    return res.headers.etag as string;
  };

  async function history(personId: string): Promise<Entry[]> {
    const res = await app.call('get-history', { as: DEMO.sofie, params: at(personId) });
    expect(res.status).toBe(200);
    return res.body.items;
  }

  const check = async (nationalNumber: string) =>
    (
      await app.call('check-access', {
        asService: ['access/check'],
        body: { nationalNumber, enterpriseNumber: en, right: VLAIO, profile: SP },
      })
    ).body;

  describe('PATCH …/persons/{personId}: nickname and initials', () => {
    let emma: string;

    beforeAll(async () => {
      emma = await addPerson(DEMO.emma, { nickname: 'Emmy', initials: 'EW' });
    });

    it('without If-Match → 428; a stale one → 412; nothing written', async () => {
      const before = await app.snapshot();

      const missing = await app.call('update-person', {
        as: DEMO.sofie,
        params: at(emma),
        body: { nickname: 'Em' },
      });
      const stale = await app.call('update-person', {
        as: DEMO.sofie,
        params: at(emma),
        headers: { 'if-match': '"7"' },
        body: { nickname: 'Em' },
      });

      expect(missing.status).toBe(428);
      expect(missing.body.code).toBe('if-match-required');
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('version-mismatch');
      expect(await app.snapshot()).toEqual(before);
    });

    it("the register's details, an empty change or an overlong nickname → 400, nothing written", async () => {
      const before = await app.snapshot();
      const ifMatch = await etag(emma);

      const answers = await Promise.all(
        [{ firstName: 'Anna' }, { reason: 'alleen een reden' }, { nickname: 'x'.repeat(51) }].map((body) =>
          app.call('update-person', {
            as: DEMO.sofie,
            params: at(emma),
            headers: { 'if-match': ifMatch },
            body,
          }),
        ),
      );

      for (const res of answers) {
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('validation-failed');
      }
      expect(await app.snapshot()).toEqual(before);
    });

    it('changes them with the reason in the history, answers the new ETag, keeps the register data', async () => {
      const ifMatch = await etag(emma);

      const res = await app.call('update-person', {
        as: DEMO.sofie,
        params: at(emma),
        headers: { 'if-match': ifMatch },
        body: { nickname: '  Em  ', initials: 'E.W.', reason: 'Zo noemt ze zich' },
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        nickname: 'Em',
        initials: 'E.W.',
        firstName: 'Emma',
        lastName: 'Willems',
        birthDate: '1990-04-18',
        source: 'VKBP',
      });
      expect(res.headers.etag).toBe(`"${Number(ifMatch.replaceAll('"', '')) + 1}"`);
      expect(res.headers.etag).toBe(await etag(emma));
      const [entry] = await history(emma);
      expect(entry).toMatchObject({
        action: 'person.updated',
        reason: 'Zo noemt ze zich',
        before: { nickname: 'Emmy', initials: 'EW' },
        after: { nickname: 'Em', initials: 'E.W.' },
      });
      // The person list searches the new nickname.
      const list = await app.call('list-persons', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        query: { search: 'Em' },
      });
      expect(list.body.items.map((p: { nickname: string }) => p.nickname)).toContain('Em');
    });

    it('an empty text clears a field; the answer’s ETag can be echoed at once', async () => {
      const first = await app.call('update-person', {
        as: DEMO.sofie,
        params: at(emma),
        headers: { 'if-match': await etag(emma) },
        body: { nickname: '' },
      });
      const second = await app.call('update-person', {
        as: DEMO.sofie,
        params: at(emma),
        headers: { 'if-match': first.headers.etag as string },
        body: { initials: 'EW' },
      });

      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ nickname: null, initials: 'E.W.' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ nickname: null, initials: 'EW' });
    });
  });

  describe('DELETE …/persons/{personId}: removing a person from the organisation', () => {
    it('without a work relationship: gone from the organisation, the history kept', async () => {
      const jonas = await addPerson(DEMO.jonas);
      const ifMatch = await etag(jonas);

      const res = await app.call('remove-person', {
        as: DEMO.sofie,
        params: at(jonas),
        headers: { 'if-match': ifMatch },
        body: { reason: 'Verkeerd toegevoegd' },
      });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ personId: jonas, relationshipEnded: false, rightsRevoked: [] });
      const page = await app.call('get-person', { as: DEMO.sofie, params: at(jonas) });
      expect(page.status).toBe(404);
      expect(page.body.code).toBe('person.not-found');
      const list = await app.call('list-persons', { as: DEMO.sofie, params: { enterpriseNumber: en } });
      expect(list.body.items.map((p: { personId: string }) => p.personId)).not.toContain(jonas);
      const entries = await history(jonas);
      expect(entries.map((e) => e.action)).toEqual(['person.removed', 'person.added']);
      expect(entries[0]).toMatchObject({ reason: 'Verkeerd toegevoegd', after: null });
      const audit = await app.call('list-audit', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        query: { action: 'person.removed' },
      });
      expect(audit.body.items[0]).toMatchObject({
        action: 'person.removed',
        subject: { name: 'Jonas Bakker' },
      });
    });

    it('with a work relationship and no confirmation → 409 person.has-relationship, nothing written', async () => {
      const tomAtAdvies = await addPerson(DEMO.tom);
      await linkAndGrant(tomAtAdvies);
      const ifMatch = await etag(tomAtAdvies);
      const before = await app.snapshot();

      const unconfirmed = await app.call('remove-person', {
        as: DEMO.sofie,
        params: at(tomAtAdvies),
        headers: { 'if-match': ifMatch },
        body: { reason: 'Uit dienst' },
      });
      const refused = await app.call('remove-person', {
        as: DEMO.sofie,
        params: at(tomAtAdvies),
        headers: { 'if-match': ifMatch },
        body: { endRelationship: false },
      });

      for (const res of [unconfirmed, refused]) {
        expect(res.status).toBe(409);
        expect(res.headers['content-type']).toBe('application/problem+json');
        expect(res.body.code).toBe('person.has-relationship');
        expect(res.body.detail).toContain('werkrelatie');
        expect(res.body.detail).toContain('een gebruikersrecht');
      }
      expect(await app.snapshot()).toEqual(before);
      expect((await check(DEMO.tom)).allowed).toBe(true);
    });

    it('a stale or missing If-Match → 412 / 428, nothing written', async () => {
      const lucas = await addPerson(DEMO.lucas);
      await linkAndGrant(lucas);
      const before = await app.snapshot();

      const stale = await app.call('remove-person', {
        as: DEMO.sofie,
        params: at(lucas),
        headers: { 'if-match': '"1"' },
        body: { endRelationship: true },
      });
      const missing = await app.call('remove-person', {
        as: DEMO.sofie,
        params: at(lucas),
        body: { endRelationship: true },
      });

      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('version-mismatch');
      expect(missing.status).toBe(428);
      expect(await app.snapshot()).toEqual(before);
    });

    it('confirmed: the relationship, its rights and the membership end in one transaction; the history stays', async () => {
      const lotte = await addPerson(DEMO.lotte);
      const page = await linkAndGrant(lotte);
      const grantId = page.grants[0].grantId as string;
      expect((await check(DEMO.lotte)).allowed).toBe(true);
      const ifMatch = await etag(lotte);

      // A grant edited meanwhile (its version moves just before the first commit): that transaction
      // must fail as a whole, writing nothing of the removal; the retry on fresh data then does it all.
      const original = app.deps.unitOfWork;
      const failed: { before: unknown; after: unknown }[] = [];
      let commits = 0;
      const racing = (): UnitOfWork => {
        const real = original();
        const work: UnitOfWork = new Proxy(real, {
          get(target, name, receiver) {
            if (name === 'commit') {
              return async () => {
                commits += 1;
                if (commits > 1) return target.commit();
                await app.deps.clients.doc.send(
                  new UpdateCommand({
                    TableName: app.deps.tableName,
                    Key: keys.grant(en, lotte, grantId),
                    UpdateExpression: 'SET version = version + :one',
                    ExpressionAttributeValues: { ':one': 1 },
                  }),
                );
                const before = await app.snapshot();
                try {
                  await target.commit();
                } finally {
                  failed.push({ before, after: await app.snapshot() });
                }
              };
            }
            const value = Reflect.get(target, name, receiver) as unknown;
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              (value as (...a: unknown[]) => unknown).apply(target, args);
              return work;
            };
          },
        });
        return work;
      };
      await setDeps({ unitOfWork: racing });
      let res: Awaited<ReturnType<TestApp['call']>>;
      try {
        res = await app.call('remove-person', {
          as: DEMO.sofie,
          params: at(lotte),
          headers: { 'if-match': ifMatch },
          body: { endRelationship: true, reason: 'Uit dienst' },
        });
      } finally {
        await setDeps({ unitOfWork: original });
      }

      // The first transaction was refused whole: not one item written.
      expect(commits).toBe(2);
      expect(failed).toHaveLength(1);
      expect(failed[0]!.after).toEqual(failed[0]!.before);
      // The retry removed everything.
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ personId: lotte, relationshipEnded: true, rightsRevoked: [VLAIO] });
      const items = await app.snapshot();
      const aggregate = items.filter((i) => i.pk === keys.aggregatePk(en, lotte));
      expect(aggregate).toEqual([]);
      expect(await app.deps.memberships.accessProjection(app.deps.pseudonymize(DEMO.lotte), en)).toBeNull();
      expect(await check(DEMO.lotte)).toMatchObject({ allowed: false, reason: 'no-relationship' });

      // One change: both entries carry the same moment and the reason, newest first.
      const entries = await history(lotte);
      expect(entries.map((e) => e.action)).toEqual([
        'person.removed',
        'relationship.deleted',
        'grant.created',
        'relationship.created',
        'person.added',
      ]);
      const [removed, deleted] = entries;
      expect(removed!.at).toBe(deleted!.at);
      expect(removed!.reason).toBe('Uit dienst');
      expect(deleted!.reason).toBe('Uit dienst');
      expect(deleted!.before).toMatchObject({ grants: [{ grantId, rightId: VLAIO }] });

      // Its events, written by the same transaction: the relationship's deletion and the revocation.
      const events = items
        .filter((i) => i.type === 'ChangeEvent')
        .map((i) => (i as { event: { type: string; personId: string | null; time: string } }).event)
        .filter((e) => e.personId === lotte && e.time === removed!.at);
      expect(events.map((e) => e.type)).toEqual(['relationship.deleted', 'grant.revoked']);

      // No longer a holder of the right from today.
      const holders = await app.call('list-right-holders', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en, rightId: VLAIO },
      });
      expect(holders.body.holders.map((h: { personId: string }) => h.personId)).not.toContain(lotte);
    });

    it('the person can be added again: the same person, a new membership, the history continued', async () => {
      const jonas = await addPerson(DEMO.jonas);
      const entries = await history(jonas);
      expect(entries.map((e) => e.action)).toEqual(['person.added', 'person.removed', 'person.added']);
      expect((await app.call('get-person', { as: DEMO.sofie, params: at(jonas) })).body).toMatchObject({
        status: 'pending',
        version: 1,
      });
    });
  });
});
