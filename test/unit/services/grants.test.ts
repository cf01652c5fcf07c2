/** Granting, editing and revoking a right against in-memory ports. */
import { describe, expect, it } from 'vitest';
import { BusinessRuleError, PreconditionFailedError } from '#lib/domain/errors';
import { editGrant, grant, linkPerson, removeGrant } from '#lib/services/relationships';
import { EN, relationship, SP, TODAY, VLAIO, world } from './world.ts';

async function linked() {
  const w = world();
  const emmaId = await w.emma();
  await linkPerson(w.deps, w.target(emmaId), relationship());
  return { ...w, emmaId };
}

describe('right grant use cases (in-memory ports)', () => {
  it('grants within the relationship, with its history entry, in one commit', async () => {
    const w = await linked();
    const written = w.world.commits.written;
    const agg = await grant(w.deps, w.target(w.emmaId, 'Dienstverlener'), VLAIO, {
      profiles: [SP],
      startDate: TODAY,
      endDate: '2031-12-01',
    });
    expect(agg.grants).toEqual([
      expect.objectContaining({
        rightId: VLAIO,
        profiles: [SP],
        startDate: TODAY,
        endDate: '2031-12-01',
        version: 1,
      }),
    ]);
    expect(w.world.commits.written).toBe(written + 1);
    expect(w.world.history.get(`${EN}/${w.emmaId}`)?.at(-1)).toMatchObject({
      action: 'grant.created',
      reason: 'Dienstverlener',
    });
  });

  it('refuses one day over five years and an end before the start, writing nothing', async () => {
    const w = await linked();
    const written = w.world.commits.written;
    for (const endDate of ['2031-12-02', '2026-12-01']) {
      await expect(
        grant(w.deps, w.target(w.emmaId), VLAIO, { profiles: [SP], startDate: TODAY, endDate }),
      ).rejects.toBeInstanceOf(BusinessRuleError);
    }
    expect(w.world.commits.written).toBe(written);
    expect(w.world.aggregates.get(`${EN}/${w.emmaId}`)?.grants).toEqual([]);
  });

  it('edits the profiles with the grant’s version; a stale version is 412', async () => {
    const w = await linked();
    const agg = await grant(w.deps, w.target(w.emmaId), VLAIO, {
      profiles: [SP],
      startDate: TODAY,
      endDate: '2031-12-01',
    });
    const grantId = agg.grants[0]!.grantId;
    const edited = await editGrant(w.deps, w.target(w.emmaId), grantId, { profiles: [SP, 'Gebruiker'] }, 1);
    expect(edited.grants[0]).toMatchObject({ profiles: [SP, 'Gebruiker'], version: 2 });
    await expect(
      editGrant(w.deps, w.target(w.emmaId), grantId, { profiles: [SP] }, 1),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it('revokes: the grant goes, the history keeps it', async () => {
    const w = await linked();
    const agg = await grant(w.deps, w.target(w.emmaId), VLAIO, {
      profiles: [SP],
      startDate: TODAY,
      endDate: '2031-12-01',
    });
    const revoked = await removeGrant(
      w.deps,
      w.target(w.emmaId, 'Niet meer nodig'),
      agg.grants[0]!.grantId,
      1,
    );
    expect(revoked.grants).toEqual([]);
    expect(w.world.history.get(`${EN}/${w.emmaId}`)?.at(-1)).toMatchObject({
      action: 'grant.revoked',
      before: expect.objectContaining({ rightId: VLAIO }),
      after: null,
    });
  });
});
