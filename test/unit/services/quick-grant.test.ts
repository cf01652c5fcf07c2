/** Quick grant against in-memory ports: person, relationship and right in one commit, or nothing. */
import { describe, expect, it } from 'vitest';
import { BusinessRuleError } from '#lib/domain/errors';
import { quickGrant } from '#lib/services/quick-grant';
import { linkPerson } from '#lib/services/relationships';
import { EN, LUCAS, relationship, SOFIE, SP, TODAY, VLAIO, world } from './world.ts';

describe('quick grant (in-memory ports)', () => {
  it('a stranger with relationship details: the person, the membership, the relationship and the right in one commit', async () => {
    const w = world();
    const result = await quickGrant(w.deps, SOFIE, {
      enterpriseNumber: EN,
      nationalNumber: LUCAS,
      right: VLAIO,
      profiles: [SP],
      relationship: relationship({ endDate: '2028-12-01', email: 'lucas@voorbeeld.be' }),
      reason: 'Snel recht',
    });

    expect(result.created).toEqual({ person: true, relationship: true });
    expect(result.aggregate.grants[0]).toMatchObject({ startDate: TODAY, endDate: '2028-12-01' });
    expect(w.world.commits.written).toBe(1);
    expect(w.world.persons.get(`p:${LUCAS}`)?.person.firstName).toBe('Lucas');
    const key = `${EN}/${result.aggregate.membership.personId}`;
    expect(w.world.history.get(key)?.map((h) => [h.action, h.reason])).toEqual([
      ['person.added', 'Snel recht'],
      ['relationship.created', 'Snel recht'],
      ['grant.created', 'Snel recht'],
    ]);
  });

  it('without relationship details for someone who has none → 422 quick-grant.relationship-required, nothing written', async () => {
    const w = world();
    await expect(
      quickGrant(w.deps, SOFIE, {
        enterpriseNumber: EN,
        nationalNumber: LUCAS,
        right: VLAIO,
        profiles: [SP],
      }),
    ).rejects.toMatchObject({ code: 'quick-grant.relationship-required' });
    expect(w.world.commits.written).toBe(0);
    expect(w.world.persons.size).toBe(0);
  });

  it('a relationship that has ended → 422 grant.relationship-ended, nothing written', async () => {
    const w = world({ today: '2026-12-02' });
    const emmaId = await w.emma();
    await linkPerson(
      w.deps,
      w.target(emmaId),
      relationship({ startDate: '2020-01-01', endDate: '2026-11-30' }),
    );
    const written = w.world.commits.written;
    const refused = quickGrant(w.deps, SOFIE, {
      enterpriseNumber: EN,
      nationalNumber: '90041812490',
      right: VLAIO,
      profiles: [SP],
    });
    await expect(refused).rejects.toBeInstanceOf(BusinessRuleError);
    await expect(refused).rejects.toMatchObject({ code: 'grant.relationship-ended' });
    expect(w.world.commits.written).toBe(written);
  });
});
