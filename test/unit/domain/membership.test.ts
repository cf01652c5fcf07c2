/**
 * Period rules of grants and relationships in the pure domain (issue: inverted and one-day-too-long
 * periods), and the person's own details and removal (*Bewerk ▼*).
 */
import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '#lib/domain/catalogue';
import {
  createRelationship,
  defaultGrantPeriod,
  extendRelationship,
  grantRight,
  newMembership,
  type PersonAggregate,
  removeMembership,
  updateGrant,
  updatePerson,
  updateRelationship,
} from '#lib/domain/membership';

const right = SEED_CATALOGUE[0]!;
const clock = { today: '2026-12-02', now: '2026-12-02T10:00:00.000Z' };

function person(relationship?: { startDate: string; endDate: string }): PersonAggregate {
  let agg = newMembership({
    enterpriseNumber: '0795012394',
    organisationName: 'Adviesbureau Voorbeeld BV',
    personId: 'P1',
    pseudonym: 'x',
    nationalNumber: '90041812490',
    person: { firstName: 'Emma', lastName: 'Willems', birthDate: null, sex: null, source: 'VKBP' },
    nickname: null,
    initials: null,
    now: clock.now,
  }).next;
  if (relationship) {
    agg = createRelationship(
      agg,
      { category: 'Vaste medewerker', phone: '+3212345678', email: 'e@voorbeeld.be', ...relationship },
      clock,
    ).next;
  }
  return agg;
}

const fieldCodes = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return {
      code: (error as { code: string }).code,
      errors: (error as { errors?: { code: string }[] }).errors,
    };
  }
  throw new Error('expected a refusal');
};

describe('grant periods', () => {
  it('refuses a grant whose end lies before its start', () => {
    const agg = person({ startDate: '2026-01-01', endDate: '2034-12-31' });
    const refused = fieldCodes(() =>
      grantRight(
        agg,
        right,
        { profiles: ['Gebruiker'], startDate: '2027-06-01', endDate: '2027-05-31' },
        'G1',
        clock,
      ),
    );
    expect(refused.code).toBe('period.end-before-start');
    expect(refused.errors).toEqual([
      expect.objectContaining({ path: 'endDate', code: 'period.end-before-start' }),
    ]);
  });

  it('allows exactly five years (end inclusive) and refuses one day more', () => {
    const agg = person({ startDate: '2025-01-01', endDate: '2034-12-31' });
    const ok = grantRight(
      agg,
      right,
      { profiles: ['Gebruiker'], startDate: '2025-01-01', endDate: '2029-12-31' },
      'G1',
      clock,
    );
    expect(ok.next.grants[0]).toMatchObject({ startDate: '2025-01-01', endDate: '2029-12-31' });
    expect(
      fieldCodes(() =>
        grantRight(
          agg,
          right,
          { profiles: ['Gebruiker'], startDate: '2025-01-01', endDate: '2030-01-01' },
          'G1',
          clock,
        ),
      ).code,
    ).toBe('period.too-long');
    const granted = ok.next;
    expect(
      fieldCodes(() => updateGrant(granted, 'G1', right, { endDate: '2030-01-01' }, 1, clock)).code,
    ).toBe('period.too-long');
  });

  it('the default period runs from today for five years, within the relationship', () => {
    const rel = person({ startDate: '2026-01-01', endDate: '2034-12-31' }).relationship!;
    expect(defaultGrantPeriod(rel, right, '2026-12-02')).toEqual({
      startDate: '2026-12-02',
      endDate: '2031-12-01',
    });
    const short = person({ startDate: '2026-01-01', endDate: '2027-03-31' }).relationship!;
    expect(defaultGrantPeriod(short, right, '2026-12-02')).toEqual({
      startDate: '2026-12-02',
      endDate: '2027-03-31',
    });
    const later = person({ startDate: '2027-02-01', endDate: '2036-01-31' }).relationship!;
    expect(defaultGrantPeriod(later, right, '2026-12-02')).toEqual({
      startDate: '2027-02-01',
      endDate: '2032-01-31',
    });
  });

  it('a relationship that has ended gives no default period: 422 grant.relationship-ended, never an inverted one', () => {
    const ended = person({ startDate: '2020-01-01', endDate: '2026-11-30' }).relationship!;
    const refused = fieldCodes(() => defaultGrantPeriod(ended, right, '2026-12-02'));
    expect(refused.code).toBe('grant.relationship-ended');
    const endsToday = person({ startDate: '2020-01-01', endDate: '2026-12-02' }).relationship!;
    expect(defaultGrantPeriod(endsToday, right, '2026-12-02')).toEqual({
      startDate: '2026-12-02',
      endDate: '2026-12-02',
    });
  });
});

describe('relationship periods', () => {
  it('allows exactly ten years (end inclusive) on edit and refuses one day more', () => {
    const agg = person({ startDate: '2025-01-01', endDate: '2026-12-31' });
    expect(updateRelationship(agg, { endDate: '2034-12-31' }, 1, clock).next.relationship?.endDate).toBe(
      '2034-12-31',
    );
    expect(fieldCodes(() => updateRelationship(agg, { endDate: '2035-01-01' }, 1, clock)).code).toBe(
      'period.too-long',
    );
  });

  it('extension without a date goes to the last day of ten years, rights to the last day of five', () => {
    let agg = person({ startDate: '2026-12-02', endDate: '2027-12-01' });
    agg = grantRight(
      agg,
      right,
      { profiles: ['Gebruiker'], startDate: '2026-12-02', endDate: '2027-06-01' },
      'G1',
      clock,
    ).next;
    const rights = new Map([[right.rightId, right]]);
    const extended = extendRelationship(agg, { includeRights: true }, rights, clock).next;
    expect(extended.relationship).toMatchObject({ startDate: '2026-12-02', endDate: '2036-12-01' });
    expect(extended.grants[0]).toMatchObject({ startDate: '2026-12-02', endDate: '2031-12-01' });
  });
});

describe('the person’s own details and removal', () => {
  it('edits nickname and initials only, on the version seen; an empty text clears', () => {
    const agg = person();
    const change = updatePerson(agg, { nickname: 'Em', initials: '' }, 1, clock);
    expect(change.next.membership).toMatchObject({
      nickname: 'Em',
      initials: null,
      person: agg.membership.person,
    });
    expect(change).toMatchObject({ action: 'person.updated', after: { nickname: 'Em', initials: null } });
    expect(fieldCodes(() => updatePerson(agg, { nickname: 'Em' }, 2, clock)).code).toBe('version-mismatch');
  });

  it('removes without a relationship; with one only when asked, its deletion first', () => {
    expect(removeMembership(person(), 1, { endRelationship: false }, clock).map((c) => c.action)).toEqual([
      'person.removed',
    ]);
    const linked = person({ startDate: '2026-01-01', endDate: '2034-12-31' });
    expect(fieldCodes(() => removeMembership(linked, 1, { endRelationship: false }, clock)).code).toBe(
      'person.has-relationship',
    );
    const changes = removeMembership(linked, 1, { endRelationship: true }, clock);
    expect(changes.map((c) => c.action)).toEqual(['relationship.deleted', 'person.removed']);
    expect(changes.at(-1)?.next).toMatchObject({ relationship: null, grants: [] });
  });
});
