/**
 * The work relationship's use cases against in-memory ports: what they write, together, and what they
 * refuse without writing. The same use cases run against DynamoDB Local in test/integration.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError, PreconditionFailedError } from '#lib/domain/errors';
import {
  editRelationship,
  extend,
  grant,
  linkPerson,
  pause,
  removeRelationship,
  resume,
} from '#lib/services/relationships';
import { EN, relationship, SP, TODAY, VLAIO, world } from './world.ts';

describe('work relationship use cases (in-memory ports)', () => {
  it('links a pending person: relationship, status active and one history entry in one commit', async () => {
    const w = world();
    const emmaId = await w.emma();
    const before = w.world.commits.written;

    const agg = await linkPerson(w.deps, w.target(emmaId, 'Nieuwe medewerker'), relationship());

    expect(agg.membership.status).toBe('active');
    expect(agg.relationship).toMatchObject({ startDate: TODAY, endDate: '2036-12-01', version: 1 });
    expect(w.world.commits.written).toBe(before + 1);
    const history = w.world.history.get(`${EN}/${emmaId}`)!;
    expect(history.map((h) => h.action)).toEqual(['person.added', 'relationship.created']);
    expect(history.at(-1)).toMatchObject({ reason: 'Nieuwe medewerker', actor: { name: 'Sofie Janssens' } });
  });

  it('edits with the current version and refuses a stale one (412), writing nothing', async () => {
    const w = world();
    const emmaId = await w.emma();
    await linkPerson(w.deps, w.target(emmaId), relationship());

    const edited = await editRelationship(w.deps, w.target(emmaId), { phone: '+3293456789' }, 1);
    expect(edited.relationship).toMatchObject({ phone: '+3293456789', version: 2 });

    const written = w.world.commits.written;
    await expect(
      editRelationship(w.deps, w.target(emmaId), { phone: '+3212345678' }, 1),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(w.world.commits.written).toBe(written);
    expect(w.world.aggregates.get(`${EN}/${emmaId}`)?.relationship?.phone).toBe('+3293456789');
  });

  it('a concurrent writer in between: the use case reads again and applies its change on the new state', async () => {
    const w = world();
    const emmaId = await w.emma();
    const key = `${EN}/${emmaId}`;
    w.raceNextCommit((state) => {
      // Someone else's change lands first: the nickname changes and the membership's version moves on.
      const agg = state.aggregates.get(key)!;
      state.aggregates.set(key, {
        ...agg,
        membership: { ...agg.membership, nickname: 'Em', version: agg.membership.version + 1 },
      });
    });

    const agg = await linkPerson(w.deps, w.target(emmaId), relationship());

    expect(w.world.commits.refused).toBe(1);
    // The second attempt was made on the other writer's state: both changes are kept.
    expect(agg.membership.nickname).toBe('Em');
    expect(w.world.aggregates.get(key)).toMatchObject({
      membership: { nickname: 'Em' },
      relationship: { version: 1 },
    });
  });

  it('pause suspends, resume restores, twice is a conflict', async () => {
    const w = world();
    const emmaId = await w.emma();
    await linkPerson(w.deps, w.target(emmaId), relationship());
    await grant(w.deps, w.target(emmaId), VLAIO, { profiles: [SP], startDate: TODAY, endDate: '2031-12-01' });

    const paused = await pause(w.deps, w.target(emmaId), 'Ouderschapsverlof');
    expect(paused.relationship).toMatchObject({ paused: true, pauseReason: 'Ouderschapsverlof' });
    await expect(pause(w.deps, w.target(emmaId), 'Nog eens')).rejects.toBeInstanceOf(ConflictError);
    const resumed = await resume(w.deps, w.target(emmaId));
    expect(resumed.relationship?.paused).toBe(false);
    expect(resumed.grants).toHaveLength(1);
  });

  it('extends to the last day of ten years, rights to the last day of five, in one commit', async () => {
    const w = world();
    const emmaId = await w.emma();
    await linkPerson(w.deps, w.target(emmaId), relationship({ endDate: '2027-12-01' }));
    await grant(w.deps, w.target(emmaId), VLAIO, { profiles: [SP], startDate: TODAY, endDate: '2027-06-01' });
    const written = w.world.commits.written;

    const agg = await extend(w.deps, w.target(emmaId), { includeRights: true });

    expect(agg.relationship?.endDate).toBe('2036-12-01');
    expect(agg.grants[0]?.endDate).toBe('2031-12-01');
    expect(w.world.commits.written).toBe(written + 1);
  });

  it('deleting the relationship revokes its rights and keeps the history', async () => {
    const w = world();
    const emmaId = await w.emma();
    await linkPerson(w.deps, w.target(emmaId), relationship());
    await grant(w.deps, w.target(emmaId), VLAIO, { profiles: [SP], startDate: TODAY, endDate: '2031-12-01' });

    const agg = await removeRelationship(w.deps, w.target(emmaId, 'Vertrokken'), 1);

    expect(agg.relationship).toBeNull();
    expect(agg.grants).toEqual([]);
    expect(agg.membership.status).toBe('pending');
    expect(w.world.history.get(`${EN}/${emmaId}`)?.map((h) => h.action)).toEqual([
      'person.added',
      'relationship.created',
      'grant.created',
      'relationship.deleted',
    ]);
  });
});
