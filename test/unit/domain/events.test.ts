/** Change events derived from the state before and after a change (lib/domain/events.ts), purely. */
import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '#lib/domain/catalogue';
import { accessEvents, enterpriseEvents } from '#lib/domain/events';
import { expireGrant } from '#lib/domain/expiry';
import {
  createRelationship,
  deleteRelationship,
  extendRelationship,
  grantRight,
  newMembership,
  type PersonAggregate,
  pauseRelationship,
  resumeRelationship,
  revokeGrant,
  updateGrant,
  updateRelationship,
} from '#lib/domain/membership';
import type { OrganisationRecord } from '#lib/domain/records';

const right = SEED_CATALOGUE[0]!;
const clock = { today: '2026-12-02', now: '2026-12-02T10:00:00.000Z' };
const rights = new Map(SEED_CATALOGUE.map((r) => [r.rightId, r]));

const pending = newMembership({
  enterpriseNumber: '0795012394',
  organisationName: 'Adviesbureau Voorbeeld BV',
  personId: 'P1',
  pseudonym: 'pseudo-emma',
  nationalNumber: '90041812490',
  person: { firstName: 'Emma', lastName: 'Willems', birthDate: null, sex: null, source: 'VKBP' },
  nickname: null,
  initials: null,
  now: clock.now,
}).next;

const linked = createRelationship(
  pending,
  {
    category: 'Vaste medewerker',
    phone: '+3212345678',
    email: 'e@voorbeeld.be',
    startDate: '2026-12-02',
    endDate: '2030-12-31',
  },
  clock,
).next;

const granted = grantRight(
  linked,
  right,
  { profiles: ['Gebruiker'], startDate: '2026-12-02', endDate: '2028-12-31' },
  'G1',
  clock,
).next;

/** The types of the events between two states, with the change's action. */
function types(before: PersonAggregate | null, change: { next: PersonAggregate; action: string }) {
  return accessEvents(before, change.next, [change.action]).map((e) => e.type);
}

describe('the events of a change of a person', () => {
  it('emits nothing for a person added or a phone number changed', () => {
    expect(accessEvents(null, pending, ['person.added'])).toEqual([]);
    const phone = updateRelationship(linked, { phone: '+32470123456' }, 1, clock);
    expect(types(linked, phone)).toEqual([]);
  });

  it('names the relationship and the grant as they are after the change, with the pseudonym and never the number', () => {
    const [created] = accessEvents(pending, linked, ['relationship.created']);
    expect(created).toEqual({
      type: 'relationship.created',
      enterpriseNumber: '0795012394',
      person: 'pseudo-emma',
      personId: 'P1',
      right: null,
      grantId: null,
      profiles: [],
      validFrom: '2026-12-02',
      validUntil: '2030-12-31',
    });
    const [grant] = accessEvents(linked, granted, ['grant.created']);
    expect(grant).toMatchObject({
      type: 'grant.created',
      right: right.rightId,
      grantId: 'G1',
      profiles: ['Gebruiker'],
      validFrom: '2026-12-02',
      validUntil: '2028-12-31',
    });
    expect(JSON.stringify(grant)).not.toContain('90041812490');
  });

  it('tells an edit from an extension, and extends the grants that grew with the relationship', () => {
    expect(types(linked, updateRelationship(linked, { endDate: '2031-06-30' }, 1, clock))).toEqual([
      'relationship.updated',
    ]);
    expect(types(granted, updateGrant(granted, 'G1', right, { endDate: '2029-06-30' }, 1, clock))).toEqual([
      'grant.updated',
    ]);
    const extended = extendRelationship(granted, { includeRights: true }, rights, clock);
    expect(types(granted, extended)).toEqual(['relationship.extended', 'grant.extended']);
    expect(types(granted, extendRelationship(granted, { includeRights: false }, rights, clock))).toEqual([
      'relationship.extended',
    ]);
  });

  it('pauses, resumes, revokes, and revokes every grant with a deleted relationship', () => {
    const paused = pauseRelationship(granted, 'Verlof', clock);
    expect(types(granted, paused)).toEqual(['relationship.paused']);
    expect(types(paused.next, resumeRelationship(paused.next, clock))).toEqual(['relationship.resumed']);
    const revoked = revokeGrant(granted, 'G1', 1, clock);
    expect(types(granted, revoked)).toEqual(['grant.revoked']);
    expect(accessEvents(granted, revoked.next, ['grant.revoked'])[0]).toMatchObject({
      profiles: ['Gebruiker'],
      validFrom: null,
      validUntil: null,
    });
    expect(types(granted, deleteRelationship(granted, 1, clock))).toEqual([
      'relationship.deleted',
      'grant.revoked',
    ]);
  });

  it('expires a grant once; an expired grant that goes with its relationship is not revoked again', () => {
    const later = { today: '2029-01-01', now: '2029-01-01T05:00:00.000Z' };
    const expired = expireGrant(granted, 'G1', '2028-12-31', later);
    expect(types(granted, expired)).toEqual(['grant.expired']);
    expect(accessEvents(granted, expired.next, [])[0]).toMatchObject({ validUntil: null });
    expect(types(expired.next, deleteRelationship(expired.next, 1, later))).toEqual(['relationship.deleted']);
  });
});

describe('the events of a change of an organisation', () => {
  const org: OrganisationRecord = {
    enterpriseNumber: '0812345603',
    name: 'Boekhouding Test NV',
    kbo: { status: 'active', stoppedOn: null, representatives: [], readOn: '2031-03-31' },
    version: 3,
  };
  const stopped = { ...org, kbo: { ...org.kbo!, status: 'stopped' as const, stoppedOn: '2031-04-01' } };

  it('emits enterprise.stopped when the KBO stop is recorded, once', () => {
    expect(enterpriseEvents(org, stopped).map((e) => e.type)).toEqual(['enterprise.stopped']);
    expect(enterpriseEvents(stopped, { ...stopped, kboPausing: false })).toEqual([]);
    expect(enterpriseEvents(null, org)).toEqual([]);
    expect(enterpriseEvents(stopped, org)).toEqual([]);
  });
});
